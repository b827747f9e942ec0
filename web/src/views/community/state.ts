// The tag colour of a building's lockdown state.
export const stateType = (s: string) => (s === 'locked' ? 'danger' : s === 'controlled' ? 'warning' : 'success')

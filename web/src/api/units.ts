import { del, get, patch, post } from './request'
import type { Paged, Unit } from './types'

export type UnitInput = Partial<Pick<Unit, 'parent_id' | 'code' | 'name_zh' | 'name_en' | 'kind' | 'sort_order' | 'archived'>>

export const listUnits = () => get<Paged<Unit>>('/api/v1/units')
export const createUnit = (u: UnitInput) => post<Unit>('/api/v1/units', u)
export const updateUnit = (id: number, u: UnitInput) => patch<Unit>(`/api/v1/units/${id}`, u)
export const deleteUnit = (id: number) => del<void>(`/api/v1/units/${id}`)

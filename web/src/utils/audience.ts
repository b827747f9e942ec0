// The audience editor's model (AudienceFields.vue) and the API's audience: null or
// `everyone` means everyone; otherwise lists of roles, units, categories, nationalities.
import type { Audience } from '@/api/announcements'

export interface AudienceModel { everyone: boolean; roles: string[]; units: number[]; categories: string[]; nationalities: string[] }

export const noAudience = (): AudienceModel => ({ everyone: true, roles: [], units: [], categories: [], nationalities: [] })

export function toAudienceModel(a: Audience | null | undefined): AudienceModel {
  if (!a || a.everyone) return noAudience()
  return { everyone: false, roles: [...a.roles], units: [...a.units], categories: [...a.categories], nationalities: [...a.nationalities] }
}

export function fromAudienceModel(m: AudienceModel): Omit<Audience, 'everyone'> | null {
  return m.everyone ? null : { roles: m.roles, units: m.units, categories: m.categories, nationalities: m.nationalities }
}

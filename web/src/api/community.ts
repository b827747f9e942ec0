// Communities (下沉社区): buildings with their lockdown state, households and residents.
import { del, download, get, patch, post, put, upload, type Query } from './request'
import type { ExportFormat, ImportPreview, Paged } from './types'

export const STATES = ['open', 'controlled', 'locked'] as const
export type BuildingState = (typeof STATES)[number]
export const AGE_BANDS = ['0-17', '18-59', '60-79', '80+'] as const
export const FLAGS = ['elderly_alone', 'chronic_illness', 'pregnant', 'disabled'] as const
export type Flag = (typeof FLAGS)[number]

export interface Building {
  id: number
  parent_id: number | null
  code: string
  name: string
  name_zh: string
  name_en: string
  compound: string
  state: BuildingState
  since: string
  until: string
  reason: string
  households: number
  residents: number
}
export interface LockdownEvent { id: number; state: BuildingState; since: string; until: string; reason: string; actor_name: string; at: string }
export interface BuildingDetail extends Building { history: LockdownEvent[] }
export interface Household {
  id: number
  unit_id: number
  room: string
  label: string
  label_zh: string
  building_id: number
  building: string
  state: BuildingState
  notes: string
  residents: number | Resident[]
}
export interface Resident {
  person_id: number
  household_id: number
  name: string
  name_zh: string
  name_latin: string
  phone: string
  category: string
  age_band: string
  address: string
  state: BuildingState
  elderly_alone?: boolean
  chronic_illness?: boolean
  pregnant?: boolean
  disabled?: boolean
}
export interface HouseholdDetail extends Omit<Household, 'residents'> { residents: Resident[] }
export interface ResidentInput {
  person_id?: number
  household_id?: number
  name_zh?: string
  name_latin?: string
  phone?: string
  gender?: string
  age_band?: string
  elderly_alone?: boolean
  chronic_illness?: boolean
  pregnant?: boolean
  disabled?: boolean
}
export interface CommunityQuery extends Query { unit_id?: number; state?: string; flag?: string; q?: string; page?: number; page_size?: number }

export const listBuildings = (q: CommunityQuery) => get<Paged<Building>>('/api/v1/community/buildings', q)
export const getBuilding = (id: number) => get<BuildingDetail>(`/api/v1/community/buildings/${id}`)
export const setLockdown = (id: number, body: { state: string; since?: string; until?: string; reason?: string }) =>
  put<BuildingDetail>(`/api/v1/community/buildings/${id}/lockdown`, body)
export const listHouseholds = (q: CommunityQuery) => get<Paged<Household>>('/api/v1/community/households', q)
export const getHousehold = (id: number) => get<HouseholdDetail>(`/api/v1/community/households/${id}`)
export const createHousehold = (body: { unit_id?: number; room?: string; community_id?: number; address?: string; notes?: string }) =>
  post<HouseholdDetail>('/api/v1/community/households', body)
export const updateHousehold = (id: number, body: { room?: string; notes?: string }) =>
  patch<HouseholdDetail>(`/api/v1/community/households/${id}`, body)
export const addResident = (household: number, body: ResidentInput) =>
  post<HouseholdDetail>(`/api/v1/community/households/${household}/residents`, body)
export const updateResident = (person: number, body: ResidentInput) => patch<Resident>(`/api/v1/community/residents/${person}`, body)
export const removeResident = (person: number) => del<void>(`/api/v1/community/residents/${person}`)
export const listResidents = (q: CommunityQuery) => get<Paged<Resident>>('/api/v1/community/residents', q)
export const exportHouseholds = (q: CommunityQuery, format: ExportFormat) =>
  download('/api/v1/community/households/export', { ...q, page: undefined, page_size: undefined, format })
export const exportResidents = (q: CommunityQuery, format: ExportFormat) =>
  download('/api/v1/community/residents/export', { ...q, page: undefined, page_size: undefined, format })

// Import of a community's buildings, households and residents: preview, then confirm.
export interface CommunityImportResult { units: number; households: number; residents: number; changed: number; unchanged: number }
export const previewCommunityImport = (file: File, communityId: number | undefined, onProgress: (pct: number) => void) =>
  upload<ImportPreview>('/api/v1/community/imports', file, { filename: file.name, community_id: communityId }, onProgress)
export const confirmCommunityImport = (id: string) => post<CommunityImportResult>(`/api/v1/community/imports/${id}/confirm`)

// Trips abroad (因公临时出国（境）): the board with counts by status, one trip with its
// flights and timeline, and the moves the office and the traveller make.
import { download, get, patch, post, upload, type Query } from './request'
import type { ImportPreview, Paged } from './types'

export const TRIP_STATUSES = ['planned', 'abroad', 'stranded', 'returning', 'observation', 'home', 'cancelled'] as const
export type TripStatus = (typeof TRIP_STATUSES)[number]
export const TRIP_KINDS = ['official', 'private'] as const
export const STRANDED_REASONS = ['flights_cancelled', 'entry_ban', 'illness', 'other'] as const
export const TRIP_NEEDS = ['tickets', 'money', 'visa_extension', 'medicine', 'other'] as const
export const ASSIST_PARTIES = ['office', 'embassy', 'traveller', 'other'] as const

export interface TripLeg { id?: number; flight: string; from_place: string; to_place: string; depart_at: string; arrive_at: string }
export interface TripEvent {
  id: number
  at: string
  kind: 'created' | 'status' | 'position' | 'assistance' | string
  status_from: string
  status_to: string
  party: string
  note: string
  cost?: string
  currency: string
  location: string
  needs: string[]
  return_on: string
  actor_name: string
}
export interface Trip {
  id: number
  person_id: number
  name: string
  unit_name: string
  kind: string
  purpose: string
  countries: string[]
  cities: string
  depart_on: string
  return_on: string
  departed_on: string
  returned_on: string
  approval_ref: string
  contact_abroad: string
  status: TripStatus
  stranded_reason: string
  location: string
  location_country: string
  needs: string[]
  needs_note: string
  position_at: string
  observation_plan_id: number | null
  observation_start: string
  observation_end: string
  observation_active: boolean
  next_statuses: TripStatus[]
  updated_at: string
  legs?: TripLeg[]
  events?: TripEvent[]
  costs?: { currency: string; total: string }[]
}
export interface TripBoard extends Paged<Trip> { counts: Record<TripStatus, number> }
export interface TripQuery extends Query { status?: string; country?: string; q?: string; person_id?: number; page?: number; page_size?: number }
export interface TripBody {
  person_id?: number
  kind?: string
  purpose?: string
  countries?: string[]
  cities?: string
  depart_on?: string
  return_on?: string
  approval_ref?: string
  contact_abroad?: string
  legs?: TripLeg[]
}
export interface StatusBody { status: string; reason?: string; note?: string; return_on?: string; date?: string; location?: string; location_country?: string }
export interface PositionBody { location?: string; location_country?: string; needs?: string[]; needs_note?: string; note?: string }
export interface AssistBody { party: string; note: string; cost?: string; currency?: string }

export const listTrips = (q: TripQuery) => get<TripBoard>('/api/v1/trips', q)
export const getTrip = (id: number) => get<Trip>(`/api/v1/trips/${id}`)
export const createTrip = (body: TripBody) => post<Trip>('/api/v1/trips', body)
export const updateTrip = (id: number, body: TripBody) => patch<Trip>(`/api/v1/trips/${id}`, body)
export const moveTrip = (id: number, body: StatusBody) => post<Trip>(`/api/v1/trips/${id}/status`, body)
export const reportPosition = (id: number, body: PositionBody) => post<Trip>(`/api/v1/trips/${id}/position`, body)
export const logAssistance = (id: number, body: AssistBody) => post<Trip>(`/api/v1/trips/${id}/assistance`, body)
export const exportTrips = (q: TripQuery, format: 'xlsx' | 'csv') =>
  download('/api/v1/trips/export', { ...q, page: undefined, page_size: undefined, format })

// The entry-control register (入境管制措施): measures by country, each change a version.
export const MEASURES = ['entry_ban', 'visa_suspension', 'quarantine', 'test_required', 'flight_restriction', 'other'] as const
export type Measure = (typeof MEASURES)[number]
export const RULE_STATES = ['current', 'upcoming', 'ended'] as const
export interface RuleChange { field: string; before: string; after: string }
export interface RuleVersion { version: number; at: string; actor_name: string; changes: RuleChange[] }
export interface EntryRule {
  id: number
  country: string
  measure: Measure
  measure_label: string
  summary: string
  summary_lang: 'zh' | 'en'
  summary_zh: string
  summary_en: string
  quarantine_days: number
  quarantine_place: string
  effective_from: string
  effective_to: string
  source_authority: string
  source_ref: string
  source_url: string
  version: number
  state: (typeof RULE_STATES)[number]
  created_by_name: string
  created_at: string
  updated_by_name: string
  updated_at: string
  versions?: RuleVersion[]
  travellers_alerted?: number
}
export interface RuleBody {
  country?: string
  measure?: string
  summary_zh?: string
  summary_en?: string
  quarantine_days?: number
  quarantine_place?: string
  effective_from?: string
  effective_to?: string
  source_authority?: string
  source_ref?: string
  source_url?: string
}
export interface AffectedPerson {
  person_id: number
  name: string
  nationality: string
  category: string
  language: string
  unit_name: string
  reasons: ('nationality' | 'traveller')[]
  trip_id: number | null
  trip_status: string
  told_version: number
  told_at: string
  told_current: boolean
}
export interface Affected { version: number; total: number; told: number; matching: number; page: number; page_size: number; items: AffectedPerson[] }
export interface NotifyReport { told: number; already_told: number; unreachable: number }
export interface RuleQuery extends Query { country?: string; measure?: string; state?: string; q?: string; page?: number; page_size?: number }
export interface RuleImportResult { id: string; status: string; created: number; changed: number; unchanged: number; travellers_alerted: number }

export const listEntryRules = (q: RuleQuery) => get<Paged<EntryRule>>('/api/v1/entry-rules', q)
export const getEntryRule = (id: number) => get<EntryRule>(`/api/v1/entry-rules/${id}`)
export const createEntryRule = (body: RuleBody) => post<EntryRule>('/api/v1/entry-rules', body)
export const updateEntryRule = (id: number, body: RuleBody) => patch<EntryRule>(`/api/v1/entry-rules/${id}`, body)
export const ruleAffected = (id: number, q: { page?: number; page_size?: number; told?: boolean } = {}) =>
  get<Affected>(`/api/v1/entry-rules/${id}/affected`, { ...q, told: q.told === undefined ? undefined : String(q.told) })
export const notifyAffected = (id: number, body: { reasons?: string[]; again?: boolean }) =>
  post<NotifyReport>(`/api/v1/entry-rules/${id}/notify`, body)
export const exportAffected = (id: number, told: boolean | undefined, format: 'xlsx' | 'csv') =>
  download(`/api/v1/entry-rules/${id}/affected/export`, { told: told === undefined ? undefined : String(told), format })
export const exportEntryRules = (q: RuleQuery, format: 'xlsx' | 'csv') =>
  download('/api/v1/entry-rules/export', { ...q, page: undefined, page_size: undefined, format })
export const previewRuleImport = (file: File, _unit: number | undefined, onProgress: (pct: number) => void) =>
  upload<ImportPreview>('/api/v1/entry-rules/imports', file, { filename: file.name }, onProgress)
export const confirmRuleImport = (id: string) => post<RuleImportResult>(`/api/v1/entry-rules/imports/${id}/confirm`)

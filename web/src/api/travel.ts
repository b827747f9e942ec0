// Trips abroad (因公临时出国（境）): the board with counts by status, one trip with its
// flights and timeline, and the moves the office and the traveller make.
import { download, get, patch, post, type Query } from './request'
import type { Paged } from './types'

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

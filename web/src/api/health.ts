import { download, get, patch, post } from './request'
import type { Paged } from './types'

export interface MySlot {
  day: string
  slot: number
  slot_name: string
  starts_at: string
  ends_at: string
  late_until: string
  status: 'missing' | 'reported' | 'late'
  state: 'upcoming' | 'open' | 'late_open' | 'closed'
}

export interface CheckinInput {
  temperature: number | undefined
  method: string
  symptoms: string[]
  symptom_other?: string
  location: string
  location_country?: string
  contact: string
  remarks?: string
}

export interface Checkin extends CheckinInput {
  temperature: number
  id: number
  person_id: number
  day: string
  slot: number
  slot_name: string
  channel: string
  late: boolean
  version: number
  submitted_at: string
  updated_at: string
  corrected?: boolean
  alerts?: string[]
  corrected_alerts?: number[]
}

// What a re-check sends (the person's own: no channel; staff: phone, wechat...).
export interface RecheckInput {
  temperature: number | undefined
  method: string
  symptoms: string[]
  remarks?: string
  channel?: string
}
export interface Recheck extends RecheckInput {
  temperature: number
  id: number
  alert_id: number
  checkin_id: number
  outcome: 'normal' | 'high'
  late: boolean
  submitted_at: string
  recorded_by: number | null
  // In the reply to a re-check: what it did to the alert.
  status?: string
  escalation?: string
  answered?: number[]
}

export interface UnitLine { unit_id: number; expected: number; reported: number; missing: number; late: number; alerts: number }
export interface TodaySlot extends UnitLine { slot: number; slot_name: string; units: UnitLine[] }
export interface RosterEntry {
  person_id: number
  name_zh: string
  name_latin: string
  phone: string
  unit_name: string
  category: string
  status: string
}
export interface Alert {
  id: number
  person_id: number
  checkin_id: number
  day: string
  slot: number
  kind: string
  detail: string
  status: string
  escalation: string
  recheck_due_at: string
  created_at: string
  name_zh: string
  name_latin: string
  unit_name: string
  temperature: number  // the reading that raised it, never rewritten
  corrected_temperature: number | null  // when its report was corrected later
  corrected_at: string
  rechecks: Recheck[]
}

export const mySlots = () => get<{ items: MySlot[]; today: string; rechecks_due: Alert[] }>('/api/v1/health/me/slots')
export const submitRecheck = (alertId: number, r: RecheckInput) => post<Recheck>(`/api/v1/health/alerts/${alertId}/recheck`, r)
export const submitCheckin = (c: CheckinInput) => post<Checkin>('/api/v1/health/checkins', c)
export const todayCounts = (day?: string, unit_id?: number) =>
  get<{ day: string; slots: TodaySlot[] }>('/api/v1/health/today', { day, unit_id })
export const roster = (q: { day?: string; slot: number; status: string; unit_id?: number; page?: number; page_size?: number }) =>
  get<Paged<RosterEntry>>('/api/v1/health/roster', q)
export const alerts = (status: string) => get<Paged<Alert>>('/api/v1/health/alerts', { status, page_size: 100 })
export const exportDaily = (day: string, unit_id: number | undefined, format: 'xlsx' | 'csv') =>
  download('/api/v1/health/report', { day, unit_id, format })
export const exportHistory = (from: string, to: string, unit_id: number | undefined, format: 'xlsx' | 'csv') =>
  download('/api/v1/health/checkins/export', { from, to, unit_id, format })
export interface Flagged {
  person_id: number
  name_zh: string
  name_latin: string
  unit_name: string
  flags: { code: string; detail: string }[]
}
export const flagged = (unit_id?: number) => get<{ items: Flagged[]; total: number }>('/api/v1/health/flags', { unit_id })
export interface DayTotals { day: string; expected: number; reported: number; missing: number; late: number; alerts: number }
export const trend = (unit_id?: number) => get<{ items: DayTotals[] }>('/api/v1/health/trend', { unit_id })
export interface PersonHistory { items: Checkin[]; alerts: Alert[]; from: string; to: string }
export const personCheckins = (id: number) => get<PersonHistory>(`/api/v1/health/people/${id}/checkins`)
export const setAlertStatus = (id: number, status: string) => patch<{ id: number; status: string }>(`/api/v1/health/alerts/${id}`, { status })

// Report plans (打卡计划): who reports, in which slots, from when to when.
export interface PlanSlot { name: string; start: string; end: string }
export interface ReportPlan {
  id: number
  name: string
  kind: 'group' | 'observation'
  target: 'unit' | 'category' | 'people'
  unit_id: number | null
  category: string
  time_zone: string
  slots: PlanSlot[]
  late_minutes: number
  start_date: string
  end_date: string
  active: boolean
  person_ids: number[]
  people: { id: number; name_zh: string; name_latin: string }[]
}
export type PlanInput = Partial<Omit<ReportPlan, 'id' | 'time_zone' | 'people'>>
export const listReportPlans = () => get<{ items: ReportPlan[] }>('/api/v1/health/plans')
export const createReportPlan = (p: PlanInput) => post<ReportPlan>('/api/v1/health/plans', p)
export const updateReportPlan = (id: number, p: PlanInput) => patch<ReportPlan>(`/api/v1/health/plans/${id}`, p)
export const remindNow = (day: string, slot: number, unit_id?: number) =>
  post<{ queued: number }>('/api/v1/health/roster/remind', { day, slot, unit_id })
export const recordOnBehalf = (body: CheckinInput & { person_id: number; channel: string }) =>
  post<Checkin>('/api/v1/health/checkins/on-behalf', body)

import { download, get, patch, post, request, upload, type Query } from './request'
import type { Paged } from './types'

export const INCIDENT_TYPES = ['fever', 'suspected_case', 'close_contact', 'confirmed_case', 'hospitalisation', 'death',
  'stranded_abroad', 'mental_health', 'supply_shortage', 'other'] as const
export type Severity = 'low' | 'medium' | 'high' | 'critical'
export type IncidentStatus = 'open' | 'in_progress' | 'resolved' | 'closed'

export interface IncidentStep {
  id: number
  position: number
  title: string
  instructions: string
  owner_role: string
  owner_unit_code: string
  owner_unit_name: string
  due_at: string
  done_at: string
  done_by: number | null
  note: string
  overdue: boolean
}
export interface IncidentPerson { person_id: number; role: 'concerned' | 'contact'; name: string; observation_plan_id: number | null; added_at: string }
export interface IncidentEvent { id: number; at: string; user_id: number | null; username: string; kind: string; text: string }
export interface Incident {
  id: number
  incident_type: string
  severity: Severity
  status: IncidentStatus
  title: string
  person_id: number | null
  person_name: string
  unit_id: number
  unit_name: string
  opened_at: string
  closed_at: string
  location?: string
  plan_version?: number
  assignee_id?: number | null
  assignee_name?: string
  outcome?: string
  alert_id?: number | null
  version?: number
  steps_total?: number
  steps_done?: number
  steps_overdue?: number
  steps?: IncidentStep[]
  people?: IncidentPerson[]
  events?: IncidentEvent[]
  my_steps?: { id: number; title: string; instructions: string; due_at: string; done_at: string }[]
  attachments?: { id: number; filename: string; content_type: string; size: number; uploaded_at: string }[]
}
export interface PlanStep {
  position: number
  title_zh: string
  title_en: string
  instructions_zh: string
  instructions_en: string
  owner_role: string
  owner_unit_code: string
  due_minutes: number
  due_from: 'start' | 'previous'
}
export interface IncidentPlan { id: number; incident_type: string; version: number; name_zh: string; name_en: string; current: boolean; created_at: string; steps: PlanStep[] }

export interface IncidentQuery extends Query {
  type?: string
  status?: string
  open?: number
  unit_id?: number
  alert_id?: number
  from?: string
  to?: string
  page?: number
  page_size?: number
}

export const listIncidents = (q: IncidentQuery) => get<Paged<Incident>>('/api/v1/incidents', q)
export const getIncident = (id: number) => get<Incident>(`/api/v1/incidents/${id}`)
export const openIncident = (body: { incident_type: string; severity: Severity; title: string; person_id?: number; unit_id?: number; location?: string }) =>
  post<Incident>('/api/v1/incidents', body)
export const updateIncident = (id: number, body: Partial<Pick<Incident, 'status' | 'severity' | 'title' | 'location' | 'outcome' | 'assignee_id' | 'version'>>) =>
  patch<Incident>(`/api/v1/incidents/${id}`, body)
export const completeStep = (id: number, stepId: number, note: string) => post<Incident>(`/api/v1/incidents/${id}/steps/${stepId}/done`, { note })
export const addNote = (id: number, text: string) => post<Incident>(`/api/v1/incidents/${id}/notes`, { text })
export const addPerson = (id: number, person_id: number, role: 'concerned' | 'contact', observation_days?: number) =>
  post<Incident>(`/api/v1/incidents/${id}/people`, { person_id, role, observation_days })
export const exportIncidents = (q: IncidentQuery, format: 'xlsx' | 'csv') =>
  download('/api/v1/incidents/export', { ...q, page: undefined, page_size: undefined, format })
export const incidentReport = (id: number) => download(`/api/v1/incidents/${id}/report.pdf`, {})
export const uploadAttachment = (id: number, file: File, onProgress: (pct: number) => void) =>
  upload<Incident>(`/api/v1/incidents/${id}/attachments`, file, { filename: file.name }, onProgress)
export const downloadAttachment = (id: number, attachmentId: number) => download(`/api/v1/incidents/${id}/attachments/${attachmentId}`, {})
export const assignees = (id: number) => get<{ items: { id: number; name: string; role: string }[] }>(`/api/v1/incidents/${id}/assignees`)
export const listPlans = () => get<{ items: IncidentPlan[] }>('/api/v1/incident-plans')
export const savePlan = (type: string, body: { name_zh: string; name_en: string; steps: Omit<PlanStep, 'position'>[] }) =>
  request<IncidentPlan>('PUT', `/api/v1/incident-plans/${type}`, body)

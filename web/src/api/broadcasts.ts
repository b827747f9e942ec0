// Broadcasts (信息推送, the daily briefing): templates in both languages filled from live
// figures and figures the office types, a schedule, a preview, sending by hand, and what
// each sending was and whom it reached.
import { download, get, patch, post } from './request'
import type { Audience } from './announcements'
import type { ExportFormat, Paged } from './types'

export const SCHEDULES = ['daily', 'once', 'manual'] as const
export type Schedule = (typeof SCHEDULES)[number]

export interface EditorFigure { key: string; label_zh: string; label_en: string; value: string; updated_at?: string; updated_by_name?: string }
export interface LiveFigure { key: string; label: string; label_zh: string; label_en: string; value: string; source: string; updated_at: string }
export interface BroadcastRun {
  id: number
  broadcast_id: number
  run_key: string
  started_at: string
  sent_by_name: string
  subject_zh: string
  subject_en: string
  body_zh: string
  body_en: string
  figures: { key: string; value: string }[]
  recipients: number
  recipients_en: number
  queued: number
  reached: number  // of the recipients, those given at least one message
  delivery?: Record<string, number>
}
export interface Broadcast {
  id: number
  name: string
  subject_zh: string
  subject_en: string
  body_zh: string
  body_en: string
  schedule: Schedule
  send_time: string
  send_at: string
  by_email: boolean
  active: boolean
  audience: Audience | null
  figures: EditorFigure[]
  next_at: string
  last_run: BroadcastRun | null
  created_by_name: string
  updated_by_name: string
  created_at: string
  updated_at: string
}
export interface BroadcastInput {
  name?: string
  subject_zh?: string
  subject_en?: string
  body_zh?: string
  body_en?: string
  schedule?: Schedule
  send_time?: string
  send_at?: string
  by_email?: boolean
  active?: boolean
  audience?: Partial<Audience> | null
  figures?: Pick<EditorFigure, 'key' | 'label_zh' | 'label_en' | 'value'>[]
}
export interface Preview {
  subject_zh: string
  subject_en: string
  body_zh: string
  body_en: string
  figures: LiveFigure[]
  recipients: number
  recipients_en: number
  with_email: number
  with_phone: number
  reachable: number  // those the outbox can tell: an account, an email it sends, a phone a text channel uses
}
export interface RunRecipient {
  user_id: number | null
  person_id: number | null
  name: string
  unit: string
  lang: string
  inapp: string
  email: string
  sms: string
}

export const listBroadcasts = (page = 1, page_size = 50) => get<Paged<Broadcast>>('/api/v1/broadcasts', { page, page_size })
export const liveFigures = () => get<{ items: LiveFigure[] }>('/api/v1/broadcasts/figures')
export const getBroadcast = (id: number) => get<Broadcast>(`/api/v1/broadcasts/${id}`)
export const createBroadcast = (body: BroadcastInput) => post<Broadcast>('/api/v1/broadcasts', body)
export const updateBroadcast = (id: number, body: BroadcastInput) => patch<Broadcast>(`/api/v1/broadcasts/${id}`, body)
export const previewBroadcast = (id: number) => get<Preview>(`/api/v1/broadcasts/${id}/preview`)
export const sendBroadcast = (id: number) => post<BroadcastRun>(`/api/v1/broadcasts/${id}/send`)
export const broadcastRuns = (id: number, page = 1, page_size = 10) =>
  get<Paged<BroadcastRun>>(`/api/v1/broadcasts/${id}/runs`, { page, page_size })
export const getRun = (id: number) => get<BroadcastRun>(`/api/v1/broadcasts/runs/${id}`)
export const runRecipients = (id: number, page = 1, page_size = 20) =>
  get<Paged<RunRecipient>>(`/api/v1/broadcasts/runs/${id}/recipients`, { page, page_size })
export const exportRunRecipients = (id: number, format: ExportFormat) =>
  download(`/api/v1/broadcasts/runs/${id}/recipients/export`, { format })

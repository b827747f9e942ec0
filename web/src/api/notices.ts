import { get, patch, post, put } from './request'
import type { Paged } from './types'

export interface Notice {
  id: number
  kind: string
  subject: string
  body: string
  link: string
  lang: string
  created_at: string
  read: boolean
  read_at: string
}

export interface OutboxRow {
  id: number
  channel: 'email' | 'inapp' | 'wecom' | 'dingtalk' | 'sms'
  channel_id: number | null
  delivery: '' | 'delivered' | 'undelivered'
  delivered_at: string
  kind: string
  address: string
  subject: string
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'unknown'
  attempts: number
  next_attempt_at: string
  last_error: string
  created_at: string
  sent_at: string
}

export const listNotices = (unread: boolean, page: number, page_size = 20) =>
  get<Paged<Notice> & { unread: number }>('/api/v1/notices', { unread: unread ? 1 : undefined, page, page_size })
export const unreadCount = () => get<{ unread: number }>('/api/v1/notices/unread-count')
export const markRead = (id: number) => post<{ id: number }>(`/api/v1/notices/${id}/read`)
export const markAllRead = () => post<{ marked: number }>('/api/v1/notices/read-all')

export const listOutbox = (q: { channel?: string; status?: string; page: number; page_size: number }) =>
  get<Paged<OutboxRow> & { email_enabled: boolean }>('/api/v1/admin/outbox', q)
export const requeue = (id: number) => post<{ id: number }>(`/api/v1/admin/outbox/${id}/requeue`)

export type ChannelKind = 'wecom' | 'dingtalk' | 'sms'
// The kinds of notification a channel may relay (the server's list).
export const RELAY_KINDS = ['alert', 'alert_escalated', 'recheck', 'reminder', 'missing_list', 'step_due',
  'step_overdue', 'low_stock', 'expiry_soon', 'announcement', 'entry_rule', 'entry_rule_trip', 'trip_overdue',
  'visit_action', 'answer_due', 'staff_letter', 'broadcast', 'test'] as const

export interface Channel {
  id: number
  kind: ChannelKind
  name: string
  url: string
  has_secret: boolean
  template_zh: string
  template_en: string
  kinds: string[]
  lang: 'zh-CN' | 'en'
  rate_per_minute: number
  active: boolean
  callback_url?: string
  pending?: number
  sent?: number
  failed?: number
  last_error?: string
  updated_by_name: string
  updated_at: string
}
export type ChannelBody = Partial<Pick<Channel, 'kind' | 'name' | 'url' | 'template_zh' | 'template_en' | 'kinds' |
  'lang' | 'rate_per_minute' | 'active'>> & { secret?: string }

export const listChannels = () => get<{ items: Channel[] }>('/api/v1/admin/channels')
export const createChannel = (body: ChannelBody) => post<Channel>('/api/v1/admin/channels', body)
export const updateChannel = (id: number, body: ChannelBody) => patch<Channel>(`/api/v1/admin/channels/${id}`, body)
export const testChannel = (id: number, phone?: string) =>
  post<{ notification_id: number }>(`/api/v1/admin/channels/${id}/test`, phone ? { phone } : {})

export interface QuietHours { quiet_from: string; quiet_to: string }
export const getQuietHours = () => get<QuietHours>('/api/v1/notices/quiet-hours')
export const setQuietHours = (q: QuietHours) => put<QuietHours>('/api/v1/notices/quiet-hours', q)

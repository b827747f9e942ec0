import { get, post } from './request'
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
  channel: 'email' | 'inapp'
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

// Notices (通知公告, 服务指南): my inbox, the office's list and workflow, receipts and
// reminders, and the public page without login.
import { del, get, patch, post, upload, type Query } from './request'
import type { Paged } from './types'

export const CATEGORIES = ['service_guide', 'procedure', 'protection_reminder', 'policy'] as const
export const STATES = ['draft', 'review', 'scheduled', 'published', 'expired'] as const
export type AnnouncementState = (typeof STATES)[number]

export interface Audience {
  everyone?: boolean
  roles: string[]
  units: number[]
  categories: string[]
  nationalities: string[]
}
export interface Announcement {
  id: number
  category: string
  category_label: string
  title: string
  title_zh: string
  title_en: string
  body?: string
  body_zh?: string
  body_en?: string
  shown_lang: 'zh' | 'en'
  pending_lang: '' | 'zh' | 'en'
  status: string
  state: AnnouncementState
  publish_at: string
  expire_at: string
  pinned: boolean
  is_public: boolean
  ack_required: boolean
  created_by_name: string
  submitted_by_name: string
  reviewed_by_name: string
  review_note?: string
  read_at: string
  acked_at: string
  audience?: Audience
  created_at: string
  updated_at: string
}
export interface AnnouncementInput {
  category?: string
  title_zh?: string
  title_en?: string
  body_zh?: string
  body_en?: string
  pending_lang?: '' | 'zh' | 'en'
  publish_at?: string
  expire_at?: string
  pinned?: boolean
  is_public?: boolean
  ack_required?: boolean
  audience?: Partial<Audience> | null
}
export interface Receipt { user_id: number; name: string; role: string; unit: string; read_at: string; acked_at: string }
export interface Receipts extends Paged<Receipt> { audience: number; read: number; acked: number }
export interface PublicAnnouncement {
  id: number
  category: string
  category_label: string
  title: string
  body: string
  title_zh: string
  title_en: string
  body_zh: string
  body_en: string
  shown_lang: 'zh' | 'en'
  pending_lang: string
  pinned: boolean
  publish_at: string
  expire_at: string
}

export const inbox = (unread: boolean, page = 1, page_size = 20) =>
  get<Paged<Announcement> & { unread: number }>('/api/v1/announcements', { unread: unread ? 1 : undefined, page, page_size })
export interface AnnouncementQuery extends Query { state?: string; category?: string; q?: string; page?: number; page_size?: number }
export const listAll = (q: AnnouncementQuery) => get<Paged<Announcement>>('/api/v1/announcements/all', q)
export const getAnnouncement = (id: number) => get<Announcement>(`/api/v1/announcements/${id}`)
export const createAnnouncement = (body: AnnouncementInput) => post<Announcement>('/api/v1/announcements', body)
export const updateAnnouncement = (id: number, body: AnnouncementInput) => patch<Announcement>(`/api/v1/announcements/${id}`, body)
export const submitAnnouncement = (id: number) => post<Announcement>(`/api/v1/announcements/${id}/submit`)
export const reviewAnnouncement = (id: number, decision: 'approve' | 'reject', note: string) =>
  post<Announcement>(`/api/v1/announcements/${id}/review`, { decision, note })
export const withdrawAnnouncement = (id: number) => post<Announcement>(`/api/v1/announcements/${id}/withdraw`)
export const acknowledge = (id: number) => post<Announcement>(`/api/v1/announcements/${id}/acknowledge`)
export const receipts = (id: number, state: string, page = 1, page_size = 20) =>
  get<Receipts>(`/api/v1/announcements/${id}/receipts`, { state: state || undefined, page, page_size })
export const remind = (id: number) => post<{ reminded: number }>(`/api/v1/announcements/${id}/remind`)
export const publicList = () => get<{ items: PublicAnnouncement[] }>('/api/v1/public/announcements')
export const publicGet = (id: number) => get<PublicAnnouncement>(`/api/v1/public/announcements/${id}`)
export interface NoticeFile { id: number; filename: string; content_type: string; size: number; uploaded_at: string }
export const listFiles = (id: number) => get<{ items: NoticeFile[] }>(`/api/v1/announcements/${id}/attachments`)
export const publicFiles = (id: number) => get<{ items: NoticeFile[] }>(`/api/v1/public/announcements/${id}/attachments`)
export const uploadFile = (id: number, file: File, onProgress: (pct: number) => void) =>
  upload<{ items: NoticeFile[] }>(`/api/v1/announcements/${id}/attachments`, file, { filename: file.name }, onProgress)
export const removeFile = (id: number, fileId: number) => del<{ items: NoticeFile[] }>(`/api/v1/announcements/${id}/attachments/${fileId}`)
export const fileUrl = (id: number, fileId: number, isPublic = false) =>
  `/api/v1/${isPublic ? 'public/' : ''}announcements/${id}/attachments/${fileId}`

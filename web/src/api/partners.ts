// Partners (国际合作与交流): institutions, their contacts and assigned departments, linked
// donors; and the correspondence log (letters and emails in and out, threads, attachments,
// answers due).
import { download, get, patch, post, request, upload, type Query } from './request'
import type { ImportPreview, Paged } from './types'

export const PARTNER_KINDS = ['university', 'embassy', 'consulate', 'hospital', 'company', 'foundation', 'ngo',
  'government', 'other'] as const
export const CHANNELS = ['email', 'post', 'diplomatic_note', 'in_person'] as const
export const DIRECTIONS = ['in', 'out'] as const

export interface Contact {
  id: number
  partner_id: number
  name: string
  title: string
  honorific: string
  email: string
  phone: string
  language: string
  is_primary: boolean
  active: boolean
  note: string
  has_email: boolean
  masked?: boolean
}
export interface Partner {
  id: number
  unit_id: number
  kind: string
  name: string
  name_zh: string
  name_en: string
  country: string
  city: string
  languages: string[]
  tags: string[]
  website: string
  address: string
  note: string
  status: 'active' | 'merged'
  merged_into: number | null
  created_at: string
  updated_at: string
  units: { id: number; name: string }[]
  contacts: Contact[]
  letter_count: number
  contact_count: number
  last_letter_on: string
}
export interface PartnerInput {
  unit_id?: number
  kind?: string
  name_zh?: string
  name_en?: string
  country?: string
  city?: string
  website?: string
  address?: string
  note?: string
  languages?: string[]
  tags?: string[]
  unit_ids?: number[]
}
export type ContactInput = Partial<Omit<Contact, 'id' | 'partner_id' | 'has_email' | 'masked'>>
export interface LinkedDonor { id: number; name: string; name_zh: string; name_en: string; donation_count: number }
export interface Attachment { id: number; filename: string; content_type: string; size: number; uploaded_at: string }
export interface Letter {
  id: number
  partner_id: number
  partner_name: string
  partner_country: string
  contact_id: number | null
  contact_name: string
  direction: 'in' | 'out'
  channel: string
  dated_on: string
  subject: string
  summary: string
  language: string
  thread_id: number | null
  reply_to: number | null
  answer_needed: boolean
  answer_by: string
  answered_at: string
  reminded_at: string
  handled_by: number | null
  handler_name: string
  created_at: string
  attachment_count: number
  attachments: Attachment[]
}
export interface LetterInput {
  partner_id?: number
  contact_id?: number | null
  reply_to?: number
  direction?: 'in' | 'out'
  channel?: string
  dated_on?: string
  subject?: string
  summary?: string
  language?: string
  answer_needed?: boolean
  answer_by?: string
}

export const listPartners = (q: Query) => get<Paged<Partner>>('/api/v1/partners', q)
export const exportPartners = (q: Query) => download('/api/v1/partners/export', q)
export interface PartnerImportResult { id: string; status: string; partners_created: number; contacts_added: number; contacts_skipped: number }
export const previewPartnerImport = (file: File, unitId: number | undefined, onProgress: (pct: number) => void) =>
  upload<ImportPreview>('/api/v1/partners/imports', file, { filename: file.name, unit_id: unitId }, onProgress)
export const confirmPartnerImport = (id: string) => post<PartnerImportResult>(`/api/v1/partners/imports/${id}/confirm`)
export const getPartner = (id: number) => get<Partner>(`/api/v1/partners/${id}`)
// One timeline of a partner's letters, visits and (linked donors') donations, newest first.
export interface HistoryEntry {
  kind: 'letter' | 'visit' | 'donation'
  id: number
  direction: 'in' | 'out'
  on: string
  title: string
  detail: string
  channel: string
  who: string
  currency: string
  amount_minor: number
  amount?: string
  count: number
  extra: number
  label: string
}
export interface PartnerHistory {
  partner: Partner
  entries: HistoryEntry[]
  letters_in: number
  letters_out: number
  visits: number
  donations: number
  truncated: boolean
}
export const partnerHistory = (id: number) => get<PartnerHistory>(`/api/v1/partners/${id}/history`)
export const partnerHistoryPdf = (id: number) => download(`/api/v1/partners/${id}/history.pdf`, {})
export const createPartner = (body: PartnerInput) => post<Partner>('/api/v1/partners', body)
export const updatePartner = (id: number, body: PartnerInput) => patch<Partner>(`/api/v1/partners/${id}`, body)
export const mergePartner = (id: number, intoId: number) => post<Partner>(`/api/v1/partners/${id}/merge`, { into_id: intoId })
export const addContact = (id: number, body: ContactInput) => post<Partner>(`/api/v1/partners/${id}/contacts`, body)
export const updateContact = (id: number, contactId: number, body: ContactInput) =>
  patch<Partner>(`/api/v1/partners/${id}/contacts/${contactId}`, body)
export const partnerDonors = (id: number) => get<{ items: LinkedDonor[] }>(`/api/v1/partners/${id}/donors`)
export const linkDonor = (id: number, donorId: number) => post<{ linked: boolean }>(`/api/v1/partners/${id}/donors`, { donor_id: donorId })
export const unlinkDonor = (id: number, donorId: number) =>
  request<{ linked: boolean }>('DELETE', `/api/v1/partners/${id}/donors/${donorId}`)

export const listLetters = (q: Query) => get<Paged<Letter>>('/api/v1/partners/letters', q)
export const getLetter = (id: number) => get<Letter>(`/api/v1/partners/letters/${id}`)
export const logLetter = (body: LetterInput) => post<Letter>('/api/v1/partners/letters', body)
export const updateLetter = (id: number, body: LetterInput) => patch<Letter>(`/api/v1/partners/letters/${id}`, body)
export const uploadAttachment = (id: number, file: File, onProgress: (pct: number) => void) =>
  upload<Letter>(`/api/v1/partners/letters/${id}/attachments`, file, { filename: file.name }, onProgress)
export const downloadAttachment = (id: number, attachmentId: number) =>
  download(`/api/v1/partners/letters/${id}/attachments/${attachmentId}`, {})

// Whether a letter still waits for an answer, and whether its day has passed.
export function answerState(l: Pick<Letter, 'answer_needed' | 'answer_by' | 'answered_at'>, today: string):
  'none' | 'answered' | 'awaiting' | 'overdue' {
  if (!l.answer_needed) return 'none'
  if (l.answered_at) return 'answered'
  return l.answer_by && l.answer_by < today ? 'overdue' : 'awaiting'
}

// ---- letter templates and mass letters ----
export interface LetterTemplate {
  id: number
  unit_id: number
  name: string
  subject_zh: string
  body_zh: string
  subject_en: string
  body_en: string
  third_lang: string
  subject_third: string
  body_third: string
  letterhead_zh: string
  letterhead_en: string
  signer_name_zh: string
  signer_name_en: string
  signer_title_zh: string
  signer_title_en: string
  active: boolean
  has_signature: boolean
  has_letterhead_image: boolean
  languages: string[]
  updated_at: string
}
export type TemplateInput = Partial<Omit<LetterTemplate, 'id' | 'has_signature' | 'has_letterhead_image' | 'languages' | 'updated_at'>>
export interface MailingFilter { q?: string; kind?: string; countries?: string[]; tag?: string; unit_id?: number }
export interface Mailing {
  id: number
  unit_id: number
  template_id: number
  template_name: string
  audience: 'partners' | 'people'
  title: string
  dated_on: string
  filter: MailingFilter & { partner_ids?: number[]; primary_only?: boolean; people?: PeopleFilter }
  status: 'draft' | 'sending' | 'done'
  created_at: string
  started_at: string
  finished_at: string
  total: number
  pending: number
  sent: number
  no_email: number
  failed: number
  delivered: number
  undeliverable: number
}
// A partner's contact, or one of our people (person_id: partner_* is their unit, contact_* the person).
export interface MailingRecipient {
  id: number
  person_id: number | null
  partner_id: number
  partner_name: string
  partner_country: string
  contact_id: number
  contact_name: string
  contact_email: string
  has_email: boolean
  lang: string
  status: 'pending' | 'working' | 'sent' | 'no_email' | 'failed'
  error: string
  letter_id: number | null
  email_status: string
}
export const RECIPIENT_STATES = ['pending', 'sent', 'no_email', 'failed', 'undeliverable'] as const

export const listTemplates = (active = false) =>
  get<{ items: LetterTemplate[]; merge_fields: string[] }>('/api/v1/partners/templates', { active: active ? 1 : undefined })
export const createTemplate = (body: TemplateInput) => post<LetterTemplate>('/api/v1/partners/templates', body)
export const updateTemplate = (id: number, body: TemplateInput) => patch<LetterTemplate>(`/api/v1/partners/templates/${id}`, body)
export const setTemplateImage = (id: number, which: 'signature' | 'letterhead', file: File, onProgress: (pct: number) => void) =>
  upload<LetterTemplate>(`/api/v1/partners/templates/${id}/${which}`, file, {}, onProgress, 'PUT')
export const removeTemplateImage = (id: number, which: 'signature' | 'letterhead') =>
  request<LetterTemplate>('DELETE', `/api/v1/partners/templates/${id}/${which}`)
export const samplePdf = (id: number, lang: string) => download(`/api/v1/partners/templates/${id}/sample`, { lang })

export const listMailings = (q: Query) => get<Paged<Mailing>>('/api/v1/partners/mailings', q)
export const getMailing = (id: number) => get<Mailing>(`/api/v1/partners/mailings/${id}`)
// Our own people a letter addresses: active people of these categories, nationalities and unit.
export interface PeopleFilter { categories?: string[]; nationalities?: string[]; unit_id?: number }
export const createMailing = (body: { template_id: number; title: string; dated_on: string; filter?: MailingFilter;
  primary_only?: boolean; partner_ids?: number[]; audience?: 'partners' | 'people'; people?: PeopleFilter }) => post<Mailing>('/api/v1/partners/mailings', body)
export const listRecipients = (id: number, q: Query) => get<Paged<MailingRecipient>>(`/api/v1/partners/mailings/${id}/recipients`, q)
export const previewLetter = (id: number, recipientId: number) =>
  get<{ lang: string; subject: string; body: string }>(`/api/v1/partners/mailings/${id}/recipients/${recipientId}/preview`)
export const letterPdf = (id: number, recipientId: number) => download(`/api/v1/partners/mailings/${id}/recipients/${recipientId}/pdf`, {})
export const sendMailing = (id: number) => post<Mailing>(`/api/v1/partners/mailings/${id}/send`)
export const retryMailing = (id: number) => post<Mailing>(`/api/v1/partners/mailings/${id}/retry`)

// ---- visits ----
export interface Visitor { name: string; title: string; organisation: string; nationality: string }
export interface VisitedPerson { id: number; name: string; nationality: string; category: string; unit_name: string }
export interface VisitAction { id: number; action: string; owner_id: number | null; owner_name: string; due_on: string; done_at: string }
export interface Visit {
  id: number
  partner_id: number
  partner_name: string
  partner_country: string
  direction: 'incoming' | 'outgoing'
  visited_on: string
  place: string
  purpose: string
  hosts: string
  discussed: string
  promised: string
  visitor_count: number
  people_count: number
  open_actions: number
  photo_count: number
  visitors: Visitor[]
  people: VisitedPerson[]
  actions: VisitAction[]
  photos: Attachment[]
}
export interface VisitInput {
  partner_id?: number
  direction?: 'incoming' | 'outgoing'
  visited_on?: string
  place?: string
  purpose?: string
  hosts?: string
  discussed?: string
  promised?: string
  visitors?: Visitor[]
  person_ids?: number[]
}
export const listVisits = (q: Query) => get<Paged<Visit>>('/api/v1/partners/visits', q)
export const getVisit = (id: number) => get<Visit>(`/api/v1/partners/visits/${id}`)
export const createVisit = (body: VisitInput) => post<Visit>('/api/v1/partners/visits', body)
export const updateVisit = (id: number, body: VisitInput) => patch<Visit>(`/api/v1/partners/visits/${id}`, body)
export const addVisitAction = (id: number, body: { action: string; owner_id?: number; due_on?: string }) =>
  post<Visit>(`/api/v1/partners/visits/${id}/actions`, body)
export const setActionDone = (id: number, actionId: number, done: boolean) =>
  patch<Visit>(`/api/v1/partners/visits/${id}/actions/${actionId}`, { done })
export const uploadVisitPhoto = (id: number, file: File, onProgress: (pct: number) => void) =>
  upload<Visit>(`/api/v1/partners/visits/${id}/photos`, file, { filename: file.name }, onProgress)
export const downloadVisitPhoto = (id: number, photoId: number) => download(`/api/v1/partners/visits/${id}/photos/${photoId}`, {})

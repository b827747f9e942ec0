import { download, get, patch, post, request, upload, type Query } from './request'
import type { Paged } from './types'
import { qty } from '@/utils/format'

export const CATEGORIES = ['mask_n95', 'mask_surgical', 'protective_suit', 'goggles', 'face_shield', 'gloves',
  'disinfectant', 'hand_sanitiser', 'thermometer', 'rice', 'oil', 'vegetables', 'eggs', 'noodles',
  'daily_necessities', 'other'] as const
export const POSTING_KINDS = ['receipt', 'issue', 'transfer', 'loss', 'adjustment'] as const
export type PostingKind = (typeof POSTING_KINDS)[number]
export const SOURCES = ['purchase', 'donation', 'return', 'other'] as const
export const LOSS_REASONS = ['expired', 'damaged', 'lost', 'other'] as const

export interface Pack { id: number; name: string; name_zh: string; name_en: string; factor: number }
export interface Item {
  id: number
  code: string
  name: string
  name_zh: string
  name_en: string
  category: string
  unit: string
  unit_zh: string
  unit_en: string
  decimals: number
  batched: boolean
  active: boolean
  protective: boolean
  packs: Pack[]
}
export interface Store {
  id: number
  unit_id: number
  unit_name: string
  name: string
  name_zh: string
  name_en: string
  location: string
  active: boolean
  keeper_ids: number[]
}
export interface StockRow {
  store_id: number
  item_id: number
  item_code: string
  item_name: string
  unit: string
  category: string
  batch: string
  expiry: string
  quantity: number
  expired: boolean
  low_stock: number | null
}
export interface PostingLine { id: number; store_id: number; item_id: number; batch: string; expiry: string; quantity: number; pack_id: number | null; pack_count: number }
export interface Posting { id: number; kind: string; store_id: number; to_store_id: number | null; reference: string; posted_at: string; reversed_by: number | null; lines: PostingLine[] }
export interface LineInput { item_id: number; quantity: number; pack_id?: number; batch?: string; expiry?: string }
export interface PostingInput {
  kind: PostingKind
  store_id: number
  to_store_id?: number
  source?: string
  reason?: string
  reference?: string
  note?: string
  allow_expired?: boolean
  lines: LineInput[]
}
export interface Movement { id: number; posting_id: number; store_name: string; kind: string; source: string; reason: string; reference: string; note: string; posted_at: string; posted_by_name: string; batch: string; quantity: number }

export interface ShareLine { item_id: number; item_code: string; item_name: string; unit: string; quantity: number }
export interface Package { id: number; name: string; name_zh: string; name_en: string; note: string; active: boolean; lines: ShareLine[] }
export interface Distribution {
  id: number
  store_id: number
  store_name: string
  package_id: number | null
  title: string
  planned_for: string
  status: 'planned' | 'posted' | 'cancelled'
  note: string
  recipient_count: number
  received_count: number
  returned_count: number
  pending_count: number
  created_at: string
  posted_at: string
  lines: ShareLine[]
}
export interface Recipient {
  id: number
  distribution_id: number
  person_id: number | null
  unit_id: number
  unit_name: string
  name: string
  posting_id: number | null
  status: 'pending' | 'received' | 'returned'
  received_at: string
  received_by_name: string
  returned_at: string
}
export interface Share extends Recipient { distribution: Distribution }
export interface Need extends ShareLine { total: number; available: number; short: number }
export interface Preview { recipient_count: number; recipients: Recipient[]; needs: Need[]; ok: boolean }
export interface RecipientsInput { person_ids?: number[]; unit_id?: number; category?: string; unit_ids?: number[] }
export interface DistributionInput {
  store_id: number
  package_id?: number
  lines?: { item_id: number; quantity: number; pack_id?: number }[]
  recipients: RecipientsInput
  title?: string
  planned_for?: string
  note?: string
  post?: boolean
}

export const listItems = (active = false) => get<{ items: Item[] }>('/api/v1/supplies/items', { active: active ? 1 : undefined })
export const createItem = (body: Partial<Omit<Item, 'packs'>> & { packs?: { name_zh: string; name_en: string; factor: number }[] }) =>
  post<Item>('/api/v1/supplies/items', body)
export const updateItem = (id: number, body: Record<string, unknown>) => patch<Item>(`/api/v1/supplies/items/${id}`, body)
export const itemMovements = (id: number, q: Query) => get<Paged<Movement>>(`/api/v1/supplies/items/${id}/movements`, q)
export const listStores = () => get<{ items: Store[] }>('/api/v1/supplies/stores')
export const storeStock = (id: number) => get<{ items: StockRow[]; store: Store }>(`/api/v1/supplies/stores/${id}/stock`)
export const exportStock = (id: number) => download(`/api/v1/supplies/stores/${id}/stock/export`, {})
export const setThreshold = (storeId: number, item_id: number, low: number) =>
  request<{ store_id: number; item_id: number; low: number }>('PUT', `/api/v1/supplies/stores/${storeId}/thresholds`, { item_id, low })
export const createPosting = (body: PostingInput) => post<Posting>('/api/v1/supplies/postings', body)
export const reversePosting = (id: number, note: string) => post<Posting>(`/api/v1/supplies/postings/${id}/reverse`, { note })

export const listPackages = (active = false) => get<{ items: Package[] }>('/api/v1/supplies/packages', { active: active ? 1 : undefined })
export const previewDistribution = (body: DistributionInput) => post<Preview>('/api/v1/supplies/distributions/preview', body)
export const createDistribution = (body: DistributionInput) => post<Distribution>('/api/v1/supplies/distributions', body)
export const listDistributions = (q: Query) => get<Paged<Distribution>>('/api/v1/supplies/distributions', q)
export const exportDistributions = (status: string) => download('/api/v1/supplies/distributions/export', { status })
export const getDistribution = (id: number) => get<Distribution>(`/api/v1/supplies/distributions/${id}`)
export const distributionRecipients = (id: number, q: Query) =>
  get<Paged<Recipient>>(`/api/v1/supplies/distributions/${id}/recipients`, q)
export const exportRecipients = (id: number) => download(`/api/v1/supplies/distributions/${id}/recipients/export`, {})
export const postDistribution = (id: number) => post<Distribution>(`/api/v1/supplies/distributions/${id}/post`)
export const cancelDistribution = (id: number) => post<Distribution>(`/api/v1/supplies/distributions/${id}/cancel`)
export const signoffSheet = (id: number) => download(`/api/v1/supplies/distributions/${id}/sheet.pdf`, {})
export const myShares = () => get<{ items: Share[] }>('/api/v1/supplies/mine')
export const getShare = (id: number) => get<Share>(`/api/v1/supplies/shares/${id}`)
export const confirmShare = (id: number, received_by_name?: string) =>
  post<Recipient>(`/api/v1/supplies/shares/${id}/confirm`, received_by_name ? { received_by_name } : {})
export const returnShare = (id: number, note: string) => post<Recipient>(`/api/v1/supplies/shares/${id}/return`, { note })

// What a share holds, in the reader's language: "Rice 5 kg, Cooking oil 1.8 L".
export const shareText = (lines: ShareLine[], sep: string) => lines.map((l) => `${l.item_name} ${qty(l.quantity, l.unit)}`).join(sep)

// ---- donations ----
export const DONOR_KINDS = ['institution', 'company', 'person'] as const
export const RECIPIENT_KINDS = ['hospital', 'community', 'school', 'other'] as const
export const THANKS = ['to_thank', 'letter_sent', 'acknowledged'] as const
export interface Donor {
  id: number
  unit_id: number
  kind: string
  name: string
  name_zh: string
  name_en: string
  country: string
  contact_name: string
  email: string
  phone: string
  address: string
  note: string
  donation_count: number
  masked?: boolean
}
export interface Rate { currency: string; valid_from: string; cny_per_unit: string; source: string; set_at: string }
export interface Currency { code: string; digits: number }
export interface DonationLine { item_id: number; item_code: string; item_name: string; unit: string; quantity: number; pack_id: number | null; pack_count: number; pack_name?: string }
export interface DocumentFile { id: number; filename: string; content_type: string; size: number; uploaded_at: string }
export interface Donation {
  id: number
  direction: 'in' | 'out'
  kind: 'money' | 'goods'
  unit_id: number
  unit_name: string
  donor_id: number | null
  donor_name: string
  donor_kind: string
  recipient_kind: string
  recipient_name: string
  currency: string
  amount?: string
  amount_hidden?: boolean
  cny?: string | null
  cny_per_unit?: string
  rate_from?: string
  rate_missing?: boolean
  store_id: number | null
  store_name: string
  posting_id: number | null
  donated_on: string
  purpose: string
  receipt_no: string
  thanks: string
  thanks_at: string
  delivery: string
  delivered_on: string
  delivered_to: string
  note: string
  goods_text?: string
  lines: DonationLine[]
  documents: DocumentFile[]
}
export interface GoodsTotal { item_id: number; item_code: string; item_name: string; category: string; quantity: number; unit: string; count: number; pack_count?: number; pack_name?: string }
export interface Totals {
  money?: { currency: string; amount: string; cny: string; count: number; without_rate: number }[]
  cny?: string
  amount_hidden?: boolean
  goods: GoodsTotal[]
  goods_text: string
  recipients: { name: string; kind: string; count: number; goods: GoodsTotal[]; goods_text: string }[]
}
export interface DonationInput {
  direction: 'in' | 'out'
  kind: 'money' | 'goods'
  unit_id: number
  donor_id?: number
  store_id?: number
  recipient_kind?: string
  recipient_name?: string
  currency?: string
  amount?: string
  donated_on: string
  purpose?: string
  receipt_no?: string
  note?: string
  lines?: LineInput[]
}

export const listCurrencies = () => get<{ items: Currency[] }>('/api/v1/supplies/currencies')
export const listDonors = (q: Query) => get<Paged<Donor>>('/api/v1/supplies/donors', q)
export const getDonor = (id: number) => get<Donor>(`/api/v1/supplies/donors/${id}`)
export const createDonor = (body: Partial<Donor>) => post<Donor>('/api/v1/supplies/donors', body)
export const updateDonor = (id: number, body: Partial<Donor>) => patch<Donor>(`/api/v1/supplies/donors/${id}`, body)
export const listRates = () => get<{ items: Rate[]; amounts: boolean }>('/api/v1/supplies/rates')
export const setRate = (body: { currency: string; valid_from: string; cny_per_unit: string; source?: string }) =>
  request<Rate>('PUT', '/api/v1/supplies/rates', body)
export const deleteRate = (currency: string, valid_from: string) =>
  request<{ deleted: boolean }>('DELETE', '/api/v1/supplies/rates', undefined, { currency, valid_from })
export const listDonations = (q: Query) => get<Paged<Donation> & { amounts: boolean }>('/api/v1/supplies/donations', q)
export const donationTotals = (q: Query) => get<Totals>('/api/v1/supplies/donations/totals', q)
export const exportDonations = (q: Query) => download('/api/v1/supplies/donations/export', q)
export const getDonation = (id: number) => get<Donation>(`/api/v1/supplies/donations/${id}`)
export const createDonation = (body: DonationInput) => post<Donation>('/api/v1/supplies/donations', body)
export const updateDonation = (id: number, body: Record<string, unknown>) => patch<Donation>(`/api/v1/supplies/donations/${id}`, body)
export const setThanks = (id: number, status: string) => post<Donation>(`/api/v1/supplies/donations/${id}/thanks`, { status })
export const confirmDelivery = (id: number, delivered_on: string, delivered_to: string) =>
  post<Donation>(`/api/v1/supplies/donations/${id}/delivered`, { delivered_on, delivered_to })
export const downloadDocument = (id: number, docId: number) => download(`/api/v1/supplies/donations/${id}/documents/${docId}`, {})
export const uploadDocument = (id: number, file: File, onProgress: (pct: number) => void) =>
  upload<Donation>(`/api/v1/supplies/donations/${id}/documents`, file, { filename: file.name }, onProgress)

// ---- stocktake ----
export interface Count { row: number; item_id: number; item_code: string; item_name: string; unit: string; batch: string; expiry: string; books: number; counted: number; difference: number }
export interface CountPreview { counts: Count[]; problems: { row: number; column: string; reason: string; message: string }[]; differences: number; uncounted: number }
export const countSheet = (storeId: number) => download(`/api/v1/supplies/stores/${storeId}/count-sheet`, {})
export const previewCounts = (storeId: number, file: File, onProgress: (pct: number) => void) =>
  upload<CountPreview>(`/api/v1/supplies/stores/${storeId}/stocktake/preview`, file, {}, onProgress)
export const postCounts = (storeId: number, reason: string, counts: Count[]) =>
  post<Posting>(`/api/v1/supplies/stores/${storeId}/stocktake`, { reason: reason || undefined,
    counts: counts.map((c) => ({ item_id: c.item_id, batch: c.batch || undefined, expiry: c.expiry || undefined, books: c.books, counted: c.counted })) })

// ---- reports ----
export type ReportQuery = { from?: string; to?: string; store_id?: number; item_id?: number }
export interface ItemMovementRow {
  item_id: number
  item_code: string
  item_name: string
  unit: string
  category: string
  receipt: number
  issue: number
  transfer_in: number
  transfer_out: number
  loss: number
  adjustment: number
  reversal: number
  in: number
  out: number
}
export interface MovementReport { from: string; to: string; items: ItemMovementRow[]; days: { day: string; in: number; out: number }[] }
export interface DistributedItemRow { item_id: number; item_code: string; item_name: string; unit: string; quantity: number; shares: number }
export interface RecipientReportRow { name: string; unit_name: string; shares: number; received: number; returned: number }
export interface DistributionReport {
  from: string
  to: string
  distributions: number
  items: DistributedItemRow[]
  units: RecipientReportRow[]
  recipients: RecipientReportRow[]
}
export const movementReport = (q: ReportQuery) => get<MovementReport>('/api/v1/supplies/reports/movements', q)
export const exportMovementReport = (q: ReportQuery) => download('/api/v1/supplies/reports/movements/export', q)
export const distributionReport = (q: ReportQuery) => get<DistributionReport>('/api/v1/supplies/reports/distributions', q)
export const exportDistributionReport = (q: ReportQuery) => download('/api/v1/supplies/reports/distributions/export', q)

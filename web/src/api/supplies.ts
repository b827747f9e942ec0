import { download, get, patch, post, request, type Query } from './request'
import type { Paged } from './types'

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
export const shareText = (lines: ShareLine[], sep: string) => lines.map((l) => `${l.item_name} ${l.quantity} ${l.unit}`).join(sep)

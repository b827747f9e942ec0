import { download, get, type Query } from './request'
import type { AuditEntry, Paged } from './types'

export interface AuditQuery extends Query {
  from?: string
  to?: string
  username?: string
  entity?: string
  entity_id?: string
  action?: string
  page?: number
  page_size?: number
}

export const listAudit = (q: AuditQuery) => get<Paged<AuditEntry>>('/api/v1/audit', q)
export const exportAudit = (q: AuditQuery) => download('/api/v1/audit/export', { ...q, page: undefined, page_size: undefined })

// Types of the API's JSON, field names as the server sends them.
export type Role = 'admin' | 'office' | 'department' | 'leader' | 'volunteer' | 'foreign_staff'

export interface Paged<T> {
  items: T[]
  total: number
  page?: number
  page_size?: number
}

export interface User {
  id: number
  username: string
  display_name: string
  role: Role
  language: string
  email: string
  active: boolean
  unit_ids: number[]
  person_id: number | null
  person_name?: string
  created_at: string
  updated_at: string
}

// The signed-in user: a User plus what the session adds.
// The role sets the server declares its routes with (core/roles.hpp); /auth/me says which
// the caller belongs to, so no view repeats a list of roles.
export type RoleSet = 'admins' | 'managers' | 'editors' | 'staff' | 'readers' | 'incident_readers' | 'overseers' | 'own_record' | 'everyone'

export interface Me extends User {
  csrf_token: string
  time_zone: string  // the office's (IANA): every time shown is in it
  may_see_identifiers: boolean
  role_sets: RoleSet[]
}

export interface Unit {
  id: number
  parent_id: number | null
  code: string
  name_zh: string
  name_en: string
  name: string
  kind: string
  path: string
  sort_order: number
  archived: boolean
  in_scope?: boolean
}

export interface Person {
  id: number
  unit_id: number
  unit_name?: string
  name_zh: string
  name_latin: string
  display_name: string
  gender: string
  birth_date: string
  nationality: string
  id_type: string
  id_number: string
  phone: string
  email: string
  wechat: string
  language: string
  category: string
  employment_status: string
  emergency_contact_name: string
  emergency_contact_phone: string
  embassy: string
  notes: string
  status: 'active' | 'archived'
  version: number
  identifiers_masked: boolean
  created_at: string
  updated_at: string
}

export type PersonInput = Partial<Omit<Person, 'id' | 'display_name' | 'status' | 'identifiers_masked' | 'created_at' | 'updated_at' | 'unit_name'>>

export interface ImportIssue {
  row: number
  field: string
  code: string
  message: string
}

export interface ImportPreview {
  id: string
  filename: string
  status: 'pending' | 'done'
  total: number
  valid: number
  invalid: number
  issues: ImportIssue[]
  sample: Array<Record<string, string | number>>
  summary: Record<string, number>  // what the module's import will do
}

export interface AuditEntry {
  id: number
  at: string
  user_id: number | null
  username: string
  action: string
  entity: string
  entity_id: string
  before: string
  after: string
  request_id: string
  ip: string
}

export interface ApiToken {
  id: number
  name: string
  prefix: string
  created_at: string
  last_used_at: string
  token?: string
}

// The file formats a list exports to.
export type ExportFormat = 'xlsx' | 'csv'

import { download, get, patch, post, upload, type Query } from './request'
import type { ImportPreview, Paged, Person, PersonInput } from './types'

export interface PeopleQuery extends Query {
  q?: string
  unit_id?: number
  category?: string
  status?: string
  nationality?: string
  sort?: string
  order?: string
  page?: number
  page_size?: number
}

export const listPeople = (q: PeopleQuery) => get<Paged<Person>>('/api/v1/people', q)
export const getPerson = (id: number) => get<Person>(`/api/v1/people/${id}`)
export const myPerson = () => get<Person>('/api/v1/me/person')
export const createPerson = (p: PersonInput) => post<Person>('/api/v1/people', p)
export const updatePerson = (id: number, p: PersonInput) => patch<Person>(`/api/v1/people/${id}`, p)
export const archivePerson = (id: number) => post<Person>(`/api/v1/people/${id}/archive`)
export const restorePerson = (id: number) => post<Person>(`/api/v1/people/${id}/restore`)
export const exportPeople = (q: PeopleQuery, format: 'xlsx' | 'csv', onProgress?: (n: number) => void) =>
  download('/api/v1/people/export', { ...q, page: undefined, page_size: undefined, format }, onProgress)
export const previewImport = (file: File, unitId: number | undefined, onProgress: (pct: number) => void) =>
  upload<ImportPreview>('/api/v1/people/imports', file, { filename: file.name, unit_id: unitId }, onProgress)
export const confirmImport = (id: string) =>
  post<{ id: string; status: string; written: number }>(`/api/v1/people/imports/${id}/confirm`)

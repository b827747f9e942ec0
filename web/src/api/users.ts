import { get, patch, post } from './request'
import type { Paged, Role, User } from './types'

export interface UserInput {
  username?: string
  display_name?: string
  password?: string
  role?: Role
  language?: string
  email?: string
  active?: boolean
  unit_ids?: number[]
  person_id?: number | null
}

export const listUsers = (q: string) => get<Paged<User>>('/api/v1/admin/users', { q })
export const createUser = (u: UserInput) => post<User>('/api/v1/admin/users', u)
export const updateUser = (id: number, u: UserInput) => patch<User>(`/api/v1/admin/users/${id}`, u)
export const resetPassword = (id: number, password: string) => post<void>(`/api/v1/admin/users/${id}/password`, { password })

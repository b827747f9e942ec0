import { del, get, patch, post } from './request'
import type { ApiToken, Me } from './types'

// language: the sign-in page's, kept by an account that has none saved yet.
export const login = (username: string, password: string, language?: string) =>
  post<Me>('/api/v1/auth/login', { username, password, language })
export const logout = () => post<void>('/api/v1/auth/logout')
export const fetchMe = () => get<Me>('/api/v1/auth/me')
export const saveLanguage = (language: string) => patch<Me>('/api/v1/auth/me', { language })
export const saveEmail = (email: string) => patch<Me>('/api/v1/auth/me', { email })
export const changePassword = (current_password: string, new_password: string) =>
  post<void>('/api/v1/auth/password', { current_password, new_password })
export const listTokens = () => get<{ items: ApiToken[] }>('/api/v1/auth/tokens')
export const createToken = (name: string) => post<ApiToken>('/api/v1/auth/tokens', { name })
export const revokeToken = (id: number) => del<void>(`/api/v1/auth/tokens/${id}`)

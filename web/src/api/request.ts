// The one API client: same-origin session cookie, CSRF header on writes, the current
// language, and server errors turned into ApiError with code, message and field details.

export interface FieldProblem {
  field: string
  code: string
  message: string
}

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public details: Record<string, unknown> = {},
  ) {
    super(message)
  }
  get fields(): FieldProblem[] {
    return (this.details.fields as FieldProblem[] | undefined) ?? []
  }
}

let language = 'zh-CN'
let onUnauthenticated: (() => void) | null = null

export function setRequestLanguage(lang: string) {
  language = lang
}
export function setUnauthenticatedHandler(fn: () => void) {
  onUnauthenticated = fn
}

export function csrfToken(): string {
  const m = document.cookie.match(/(?:^|;\s*)tx_csrf=([^;]+)/)
  return m ? decodeURIComponent(m[1]) : ''
}

export type Query = Record<string, string | number | boolean | undefined | null>

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

export async function parseError(res: Response): Promise<ApiError> {
  try {
    const body = await res.json()
    const e = body?.error
    if (e && typeof e.code === 'string') return new ApiError(res.status, e.code, e.message ?? e.code, e.details ?? {})
  } catch {
    /* not JSON */
  }
  return new ApiError(res.status, 'http.' + res.status, res.statusText || `HTTP ${res.status}`)
}

function headers(method: string, extra?: Record<string, string>): Record<string, string> {
  const h: Record<string, string> = { 'Accept-Language': language, ...extra }
  if (method !== 'GET' && method !== 'HEAD') h['X-CSRF-Token'] = csrfToken()
  return h
}

export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: headers(method, body !== undefined ? { 'Content-Type': 'application/json' } : undefined),
  }
  if (body !== undefined) init.body = JSON.stringify(body)
  const res = await fetch(buildUrl(path, query), init)
  if (!res.ok) {
    const err = await parseError(res)
    if (res.status === 401 && onUnauthenticated && !path.endsWith('/auth/login')) onUnauthenticated()
    throw err
  }
  if (res.status === 204) return undefined as T
  return (await res.json()) as T
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query)
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {})
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body)
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body)
export const del = <T>(path: string) => request<T>('DELETE', path)

// Uploads a file as the raw request body, reporting progress (0..100).
export function upload<T>(path: string, file: Blob, query: Query, onProgress: (pct: number) => void,
  method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(method, buildUrl(path, query))
    const h = headers(method, { 'Content-Type': file.type || 'application/octet-stream' })
    for (const [k, v] of Object.entries(h)) xhr.setRequestHeader(k, v)
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100))
    xhr.onload = async () => {
      const res = new Response(xhr.responseText, { status: xhr.status })
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T)
      else reject(await parseError(res))
    }
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Network error'))
    xhr.send(file)
  })
}

// Downloads a file with progress, then saves it under the server's file name.
export async function download(path: string, query: Query, onProgress?: (loaded: number) => void): Promise<string> {
  const res = await fetch(buildUrl(path, query), { credentials: 'same-origin', headers: headers('GET') })
  if (!res.ok) throw await parseError(res)
  const reader = res.body!.getReader()
  const chunks: BlobPart[] = []
  let loaded = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    loaded += value.length
    onProgress?.(loaded)
  }
  const name = fileNameFrom(res.headers.get('Content-Disposition') ?? '') || 'export'
  const url = URL.createObjectURL(new Blob(chunks, { type: res.headers.get('Content-Type') ?? '' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
  return name
}

export function fileNameFrom(disposition: string): string {
  const star = disposition.match(/filename\*=UTF-8''([^;]+)/i)
  if (star) return decodeURIComponent(star[1])
  const plain = disposition.match(/filename="([^"]+)"/i)
  return plain ? plain[1] : ''
}

// ISO 3166-1 countries: the codes the server accepts (GET /api/v1/countries, loaded once)
// and their names in both languages from the browser's own data (Intl.DisplayNames).
import { get } from '@/api/request'

let codes: Promise<string[]> | null = null
export function countryCodes(): Promise<string[]> {
  codes ??= get<{ items: string[] }>('/api/v1/countries').then((r) => r.items).catch((e) => {
    codes = null
    throw e
  })
  return codes
}

const names = new Map<string, Intl.DisplayNames>()
export function countryName(code: string, lang: string): string {
  if (!code) return ''
  let dn = names.get(lang)
  if (!dn) {
    dn = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' })
    names.set(lang, dn)
  }
  try {
    return dn.of(code) ?? code
  } catch {
    return code
  }
}

// Whether a search text matches a country by code or by its name in either language.
export function countryMatches(code: string, query: string): boolean {
  const q = query.trim().toLowerCase()
  if (!q) return true
  return code.toLowerCase() === q || countryName(code, 'en').toLowerCase().includes(q) ||
    countryName(code, 'zh-CN').includes(q)
}

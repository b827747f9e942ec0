// Languages of letters and contacts: ISO 639-1 codes, named in the reader's language by the
// browser's own data (Intl.DisplayNames).
export const LETTER_LANGUAGES = ['zh', 'en', 'fr', 'de', 'es', 'it', 'pt', 'ru', 'ja', 'ko', 'ar', 'ur', 'fa', 'tr',
  'th', 'vi', 'id', 'ms', 'hi', 'bn', 'sw', 'am', 'pl', 'nl', 'sv', 'el', 'he', 'uk', 'kk', 'uz', 'mn', 'ne'] as const

const names = new Map<string, Intl.DisplayNames>()
export function languageName(code: string, lang: string): string {
  if (!code) return ''
  let dn = names.get(lang)
  if (!dn) {
    dn = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' })
    names.set(lang, dn)
  }
  try {
    return dn.of(code) ?? code
  } catch {
    return code
  }
}

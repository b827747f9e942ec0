// Lists and times as the reader's language writes them: "A、B" in Chinese, "A, B" in
// English; times in the deployment's time zone (Asia/Shanghai unless the server says
// otherwise), one format per language.
let zone = 'Asia/Shanghai'
export function setTimeZone(tz: string) {
  if (tz) zone = tz
}

export function joinList(items: (string | number)[], lang: string): string {
  return items.map(String).join(lang === 'en' ? ', ' : '、')
}

const formats = new Map<string, Intl.DateTimeFormat>()
function fmt(lang: string, kind: 'datetime' | 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${lang}|${kind}|${zone}`
  let f = formats.get(key)
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = { timeZone: zone, hour12: false }
    if (kind !== 'time') Object.assign(opts, { year: 'numeric', month: '2-digit', day: '2-digit' })
    if (kind !== 'date') Object.assign(opts, { hour: '2-digit', minute: '2-digit' })
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', opts)
    formats.set(key, f)
  }
  return f
}

// An ISO UTC time ("2026-03-02T01:30:00Z") as the reader reads it; "" stays "".
export function formatTime(iso: string | null | undefined, lang: string, kind: 'datetime' | 'date' | 'time' = 'datetime'): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return fmt(lang, kind).format(d)
}

// The local day (YYYY-MM-DD) of a moment in the deployment's zone.
export function localDay(d: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
}

// In components: times in the reader's language.
import { i18n } from '@/locales'
export function when(iso: string | null | undefined, kind: 'datetime' | 'date' | 'time' = 'datetime'): string {
  return formatTime(iso, String(i18n.global.locale.value), kind)
}

// A unit as English counts it ("piece" -> "pieces", "box" -> "boxes") unless the quantity is
// exactly one; abbreviations (kg, L, pcs) and Chinese stay. The server's rule, for the numbers
// the page shows itself.
export function unitWord(unit: string, n: number, lang: string): string {
  if (lang !== 'en' || n === 1 || unit.length < 3 || !/^[a-z]+$/.test(unit) || !/[aeiouy]/.test(unit)) return unit
  if (/(s|x|z|ch|sh)$/.test(unit)) return `${unit}es`
  if (/[^aeiou]y$/.test(unit)) return `${unit.slice(0, -1)}ies`
  return `${unit}s`
}
// "5 kg", "50 pieces", "50 只" in the reader's language.
export function qty(n: number, unit: string, lang: string = String(i18n.global.locale.value)): string {
  return `${n} ${unitWord(unit, n, lang)}`
}

// vue-i18n with locale files found by import.meta.glob: a new module adds its own
// langs/<lang>/<module>.json and needs no edit here.
import { createI18n } from 'vue-i18n'

export const LANGS = ['zh-CN', 'en'] as const
export type Lang = (typeof LANGS)[number]

type Tree = { [key: string]: string | Tree }
const files = import.meta.glob<{ default: Tree }>('./langs/*/*.json', { eager: true })

export function buildMessages(): Record<Lang, Tree> {
  const messages: Record<string, Tree> = {}
  for (const [path, mod] of Object.entries(files)) {
    const m = path.match(/\.\/langs\/([^/]+)\/([^/]+)\.json$/)
    if (!m) continue
    messages[m[1]] ??= {}
    messages[m[1]][m[2]] = mod.default
  }
  return messages as Record<Lang, Tree>
}

export function initialLang(): Lang {
  const saved = localStorage.getItem('tongxin.lang')
  if (saved === 'zh-CN' || saved === 'en') return saved
  return navigator.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLang(),
  fallbackLocale: 'zh-CN',
  messages: buildMessages(),
})

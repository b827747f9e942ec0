// Every user-facing string exists in zh-CN and in en, with the same placeholders.
import { describe, expect, it } from 'vitest'
import { buildMessages } from '@/locales'

type Tree = { [k: string]: string | Tree }
function flatten(t: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'string') out[prefix + k] = v
    else Object.assign(out, flatten(v, prefix + k + '.'))
  }
  return out
}
// The names a text interpolates, each once: an English plural ("{n} letters | {n} letter |
// {n} letters") repeats them in every form, and Chinese has one form.
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort()
// Each form of a plural message names the same values.
const forms = (s: string) => s.split(' | ').map(placeholders)

describe('locales', () => {
  const messages = buildMessages()
  const zh = flatten(messages['zh-CN'])
  const en = flatten(messages.en)

  it('has the same keys in both languages', () => {
    expect(Object.keys(zh).length).toBeGreaterThan(150)
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort())
  })

  it('has no empty texts and matching placeholders', () => {
    for (const [k, v] of Object.entries(zh)) {
      expect(v.trim(), k).not.toBe('')
      expect(en[k].trim(), k).not.toBe('')
      expect(placeholders(en[k]), k).toEqual(placeholders(v))
      for (const f of [...forms(en[k]), ...forms(v)]) expect(f, k).toEqual(placeholders(v))
    }
  })

  it('really translates: Chinese texts contain Chinese, English ones none', () => {
    const cjk = /[\u4e00-\u9fff]/
    const zhWithCjk = Object.values(zh).filter((v) => cjk.test(v)).length
    expect(zhWithCjk / Object.keys(zh).length).toBeGreaterThan(0.8)
    for (const [k, v] of Object.entries(en)) {
      if (k.startsWith('common.appName') || k === 'auth.demoHint') continue
      expect(cjk.test(v), `${k}: ${v}`).toBe(false)
    }
  })
})

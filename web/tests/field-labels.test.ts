// Every field the server can name in an error has a label in both languages (the error
// says "Temperature is required", never "temperature is required"). The server's sources
// are the list: the fields its JSON readers and field errors name.
import { describe, expect, it } from 'vitest'

const cpp = import.meta.glob<string>('../../src/**/*.cpp', { query: '?raw', import: 'default', eager: true })
const toml = import.meta.glob<string>('../../src/core/messages.toml', { query: '?raw', import: 'default', eager: true })

describe('field labels', () => {
  const code = Object.values(cpp).join('\n')
  const fields = new Set<string>()
  for (const m of code.matchAll(/\br\.(?:String|Int|Choice|Date|Bool|Has|IdList|StringList|Double)\("([a-z_]+)"/g)) fields.add(m[1])
  for (const m of code.matchAll(/FieldInvalid\("([a-z_]+)"/g)) fields.add(m[1])
  for (const m of code.matchAll(/ParseId\([^,]+, "([a-z_]+)"\)/g)) fields.add(m[1])
  for (const m of code.matchAll(/AddError\(\{"([a-z_]+)", "validation\./g)) fields.add(m[1])
  const text = Object.values(toml)[0]
  const section = text.slice(text.indexOf('[labels]'), text.indexOf('\n[', text.indexOf('[labels]') + 1))
  const labels = new Map<string, string>()
  for (const m of section.matchAll(/^"?([a-z_]+)"? = \{ zh = "([^"]+)", en = "([^"]+)" \}/gm)) labels.set(m[1], m[2] + '|' + m[3])

  it('reads the server', () => {
    expect(fields.size).toBeGreaterThan(40)
    expect(labels.size).toBeGreaterThan(40)
  })
  it('labels each field in Chinese and in English', () => {
    const missing = [...fields].filter((f) => !labels.has(f) && f !== 'has').sort()
    expect(missing).toEqual([])
  })
})

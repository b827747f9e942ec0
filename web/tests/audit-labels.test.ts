// Every audit action, entity and system actor the server writes has a label in both
// languages: the audit page never shows a raw code. The server's sources are the list.
import { describe, expect, it } from 'vitest'
import { buildMessages } from '@/locales'

// The C++ sources, read as text by Vite.
const files = import.meta.glob<string>('../../src/**/*.cpp', { query: '?raw', import: 'default', eager: true })

describe('audit labels', () => {
  const code = Object.values(files).join('\n')
  const found = { actions: new Set<string>(), entities: new Set<string>(), actors: new Set<string>() }
  for (const call of code.matchAll(/RecordAudit\(([^;]*)\);/g)) {
    for (const pair of call[1].matchAll(/"([a-z_]+)", "([a-z_]+)"/g)) {
      found.actions.add(pair[1])
      found.entities.add(pair[2])
    }
    for (const a of call[1].matchAll(/\? "([a-z_]+)" : "([a-z_]+)"/g)) {
      found.actions.add(a[1])
      found.actions.add(a[2])
    }
  }
  for (const m of code.matchAll(/AuditReads\("[A-Z]+", "[^"]+", "([a-z_]+)"/g)) found.entities.add(m[1])
  for (const m of code.matchAll(/\busername = "([a-z-]+)";/g)) found.actors.add(m[1])

  it('finds what the server writes', () => {
    expect(found.entities.size).toBeGreaterThan(20)
    expect(found.actions.has('create')).toBe(true)
    expect(found.actors.has('health-alert')).toBe(true)
  })

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`labels each of them in ${lang}`, () => {
      const audit = (buildMessages()[lang] as Record<string, Record<string, Record<string, string>>>).audit
      for (const kind of ['actions', 'entities', 'actors'] as const) {
        for (const v of found[kind]) expect(audit[kind]?.[v], `${kind}.${v}`).toBeTruthy()
      }
    })
  }
})

// Every page as the roles that use it, in both languages, on a desktop (1366 px) and on a
// phone (390×844): axe-core finds no serious or critical violation; an English page shows
// no Chinese outside user data and a Chinese page no English words outside user data;
// nothing is wider than the screen and no button wraps its label.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { api, apiLogin, axeViolations, launch, login, startServer } from './harness.mjs'

const pages = {
  admin: ['/', '/people', '/units', '/admin/users', '/admin/audit', '/admin/outbox', '/health/today', '/health/plans', '/incidents',
    '/incident-plans', '/supplies/stores', '/supplies/post', '/supplies/distributions', '/supplies/items', '/supplies/donations',
    '/supplies/donations?direction=out', '/supplies/donations/new', '/supplies/donors', '/supplies/rates', '/supplies/stocktake',
    '/supplies/reports', '/supplies/reports?tab=distributions', '/partners', '/partners/letters', '/partners/letters?state=awaiting&box=in',
    '/partners/templates', '/partners/mailings', '/partners/visits', '/trips', '/trips?status=stranded', '/entry-rules', '/broadcasts', '/community', '/volunteers', '/shifts', '/notices', '/profile'],
  leader: ['/', '/people', '/health/today', '/health/plans', '/incidents', '/supplies/stores', '/supplies/distributions',
    '/supplies/reports', '/supplies/items', '/supplies/donations', '/partners', '/partners/letters', '/trips', '/entry-rules', '/broadcasts', '/community', '/volunteers', '/shifts'],
  hr: ['/partners', '/partners/letters', '/partners/visits', '/trips', '/entry-rules'],
  finance: ['/supplies/donations', '/supplies/rates'],
  volunteer: ['/', '/people', '/supplies/items', '/trips', '/community', '/volunteers', '/shifts'],
  community: ['/', '/people', '/community', '/volunteers', '/shifts'],
  foreign: ['/health/checkin', '/me', '/supplies/mine', '/incidents', '/trips', '/entry-rules', '/notices', '/profile'],
}
// Words the Chinese interface keeps in Latin letters.
const LATIN_OK = new Set(['PDF', 'XLSX', 'CSV', 'IP', 'ID', 'EN', 'API', 'WeChat', 'Tongxin', 'WCAG', 'Email', 'HTTPS', 'Excel', 'PNG', 'JPEG', 'MiB'])
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/

let server
let browser
let userData = []  // strings that are data, not interface: names, units, titles, notices

before(async () => {
  server = await startServer()
  browser = await launch()
  const admin = await apiLogin(server.base, 'admin')
  const texts = []
  const people = await api(server.base, admin, 'GET', '/api/v1/people?page_size=200&status=all')
  for (const p of people.body.items) {
    texts.push(p.name_zh, p.name_latin, p.display_name, p.email, p.embassy, p.unit_name, p.emergency_contact_name, p.notes)
  }
  for (const lang of ['zh-CN', 'en']) {
    const units = await fetch(server.base + '/api/v1/units', { headers: { Cookie: admin.cookie, 'Accept-Language': lang } })
    for (const u of (await units.json()).items) texts.push(u.name, u.name_zh, u.name_en, u.code)
  }
  const users = await api(server.base, admin, 'GET', '/api/v1/admin/users?page_size=200')
  for (const u of users.body.items) texts.push(u.username, u.display_name, u.email, u.person_name)
  const plans = await api(server.base, admin, 'GET', '/api/v1/health/plans')
  for (const p of plans.body.items) texts.push(p.name)
  const incidents = await api(server.base, admin, 'GET', '/api/v1/incidents?page_size=200')
  for (const i of incidents.body.items) texts.push(i.title, i.person_name, i.unit_name)
  for (const lang of ['zh-CN', 'en']) {
    const get = async (path) => (await fetch(server.base + path, { headers: { Cookie: admin.cookie, 'Accept-Language': lang } })).json()
    for (const i of (await get('/api/v1/supplies/items')).items) texts.push(i.code, i.name, i.unit, ...i.packs.map((p) => p.name))
    for (const st of (await get('/api/v1/supplies/stores')).items) texts.push(st.name, st.location, st.unit_name)
    for (const p of (await get('/api/v1/supplies/packages')).items) texts.push(p.name)
    for (const d of (await get('/api/v1/supplies/distributions?page_size=100')).items) {
      texts.push(d.title, d.store_name)
      const rs = await get(`/api/v1/supplies/distributions/${d.id}/recipients?page_size=200`)
      for (const r of rs.items) texts.push(r.name, r.unit_name, r.received_by_name)
    }
    for (const st of (await get('/api/v1/supplies/stores')).items) {
      for (const r of (await get(`/api/v1/supplies/stores/${st.id}/stock`)).items) texts.push(r.batch)
    }
    for (const d of (await get('/api/v1/supplies/donors?page_size=200')).items) texts.push(d.name, d.contact_name, d.email)
    for (const d of (await get('/api/v1/supplies/donations?page_size=200')).items) {
      texts.push(d.donor_name, d.recipient_name, d.purpose, d.receipt_no, d.goods_text, d.delivered_to, d.store_name, d.unit_name,
        d.amount && `${d.currency} ${d.amount}`)
    }
    for (const direction of ['in', 'out']) {
      const t = await get(`/api/v1/supplies/donations/totals?direction=${direction}`)
      texts.push(t.goods_text, ...t.goods.map((g) => g.item_name), ...t.recipients.map((r) => r.name))
    }
    for (const r of (await get('/api/v1/supplies/rates')).items) texts.push(r.source)
    for (const c of (await get('/api/v1/supplies/currencies')).items) texts.push(c.code)
    for (const p of (await get('/api/v1/partners?page_size=200')).items) {
      texts.push(p.name, p.name_zh, p.name_en, p.city, ...p.tags, ...p.units.map((u) => u.name))
      for (const c of p.contacts) texts.push(c.name, c.email, c.phone)  // masked in the list
      const full = await get(`/api/v1/partners/${p.id}`)
      for (const c of full.contacts) texts.push(c.name, c.title, c.honorific, c.email, c.phone)
      for (const d of (await get(`/api/v1/partners/${p.id}/donors`)).items) texts.push(d.name)
    }
    for (const tpl of (await get('/api/v1/partners/templates')).items) texts.push(tpl.name, tpl.signer_name_zh, tpl.signer_name_en)
    for (const m of (await get('/api/v1/partners/mailings')).items) {
      texts.push(m.title, m.template_name)
      for (const r of (await get(`/api/v1/partners/mailings/${m.id}/recipients?page_size=200`)).items) {
        texts.push(r.partner_name, r.contact_name, r.contact_email)
      }
    }
    for (const v of (await get('/api/v1/partners/visits?page_size=100')).items) {
      const full = await get(`/api/v1/partners/visits/${v.id}`)
      texts.push(v.partner_name, v.place, v.purpose, v.hosts, v.discussed, v.promised, ...v.place.split(' / '), ...v.purpose.split(' / '),
        ...v.hosts.split(' / '), ...full.visitors.flatMap((x) => [x.name, x.title, x.organisation]),
        ...full.people.flatMap((x) => [x.name, x.unit_name]), ...full.actions.flatMap((a) => [a.action, a.owner_name, ...a.action.split(' / ')]))
    }
    for (const tr of (await get('/api/v1/trips?page_size=100')).items) {
      const full = await get(`/api/v1/trips/${tr.id}`)
      // Bilingual purposes ("中文 / English") and places ("武汉 Wuhan") show whole or in halves.
      const halves = (x, sep) => (x ? [x, ...x.split(sep)] : [])
      texts.push(tr.name, tr.unit_name, tr.cities, tr.location, tr.needs_note, tr.contact_abroad, tr.approval_ref, ...halves(tr.purpose, ' / '),
        ...full.legs.flatMap((l) => [l.flight, ...halves(l.from_place, ' '), ...halves(l.to_place, ' ')]),
        ...full.events.flatMap((e) => [e.note, e.actor_name, e.location]))
    }
    for (const r of (await get('/api/v1/entry-rules?page_size=100')).items) {
      const full = await get(`/api/v1/entry-rules/${r.id}`)
      const fields = (x) => [x.summary_zh, x.summary_en, x.quarantine_place, ...(x.quarantine_place ?? '').split(' / '), x.source_authority, x.source_ref, x.source_url]
      texts.push(...fields(r), r.created_by_name, r.updated_by_name,
        ...full.versions.flatMap((v) => [v.actor_name, ...fields(v.data)]))
    }
    for (const l of (await get('/api/v1/partners/letters?page_size=200')).items) {
      texts.push(l.subject, l.summary, l.partner_name, l.contact_name, l.handler_name, ...l.subject.split(' / '))
    }
  }
  userData = texts.filter((t) => typeof t === 'string' && t.length > 1).sort((a, b) => b.length - a.length)
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

// The page's visible text without user data (and without notices, which keep the
// language they were written in).
async function interfaceText(page) {
  const text = await page.evaluate(() => {
    const skip = (el) => el.closest('[data-test=notice], [data-test=notice-body], [data-test=audit-table], .json, [data-raw]')
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    const out = []
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || skip(el) || !el.checkVisibility?.()) continue
      out.push(n.textContent)
    }
    const inputs = [...document.querySelectorAll('input[placeholder], textarea[placeholder]')].map((i) => i.placeholder)
    return [...out, ...inputs].join('\n')
  })
  let rest = text
  for (const d of userData) rest = rest.split(d).join(' ')
  return rest
}

async function check(page, path, lang) {
  const problems = []
  const text = await interfaceText(page)
  if (lang === 'en') {
    const lines = text.split('\n').filter((l) => CJK.test(l) && !/中文/.test(l))
    if (lines.length) problems.push(`Chinese on an English page: ${lines.slice(0, 5).join(' | ')}`)
  } else {
    const words = [...text.matchAll(/[A-Za-z]{3,}/g)].map((m) => m[0]).filter((w) => !LATIN_OK.has(w))
    if (words.length) problems.push(`English on a Chinese page: ${[...new Set(words)].slice(0, 12).join(', ')}`)
  }
  problems.push(...(await axeViolations(page)))
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  if (wide > 1) problems.push(`${wide}px wider than the screen`)
  const wrapped = await page.evaluate(() => [...document.querySelectorAll('.el-button')]
    .filter((b) => b.checkVisibility?.() && b.getClientRects().length && b.querySelector('span') &&
      b.querySelector('span').getClientRects().length > 1)
    .map((b) => b.textContent.trim()))
  if (wrapped.length) problems.push(`buttons wrap: ${wrapped.join(', ')}`)
  return problems.map((p) => `${path} (${lang}): ${p}`)
}

// Picks the interface language in the header and waits until the page is in it (the
// landing page may still be redirecting when the first click lands: try again).
async function switchLanguage(page, lang) {
  for (let attempt = 0; ; ++attempt) {
    await page.click(`[data-test=lang-${lang === 'en' ? 'en' : 'zh'}]`).catch(() => {})
    const ok = await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: 3000 })
      .then(() => true, () => false)
    if (ok) return
    if (attempt === 2) throw new Error(`the page did not switch to ${lang}`)
  }
}

async function settle(page) {
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask'), null, { timeout: 10000 }).catch(() => {})
  await page.waitForTimeout(300)
}

for (const [viewport, size] of [['desktop', { width: 1366, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  describe(`every page on a ${viewport}`, () => {
    for (const [role, paths] of Object.entries(pages)) {
      it(`as ${role}, in Chinese and in English`, async () => {
        const problems = []
        for (const lang of ['zh-CN', 'en']) {
          const ctx = await browser.newContext({ viewport: size, locale: lang, timezoneId: 'Europe/London' })
          const page = await ctx.newPage()
          await login(page, server.base, role)
          await switchLanguage(page, lang)
          for (const path of paths) {
            await page.goto(server.base + path)
            await settle(page)
            problems.push(...(await check(page, path, lang)))
          }
          if (role === 'admin') {
            const auth = await apiLogin(server.base, 'admin')
            const { body } = await api(server.base, auth, 'GET', '/api/v1/incidents')
            if (body.items.length) {
              await page.goto(`${server.base}/incidents/${body.items[0].id}`)
              await settle(page)
              problems.push(...(await check(page, '/incidents/:id', lang)))
            }
            const { body: casts } = await api(server.base, auth, 'GET', '/api/v1/broadcasts')
            if (casts.items.length) {
              await page.goto(`${server.base}/broadcasts/${casts.items[0].id}`)
              await settle(page)
              problems.push(...(await check(page, '/broadcasts/:id', lang)))
            }
            const { body: dists } = await api(server.base, auth, 'GET', '/api/v1/supplies/distributions')
            for (const d of dists.items.slice(0, 2)) {  // one posted, one planned
              await page.goto(`${server.base}/supplies/distributions/${d.id}`)
              await settle(page)
              problems.push(...(await check(page, '/supplies/distributions/:id', lang)))
            }
            const { body: ps } = await api(server.base, auth, 'GET', '/api/v1/partners?q=Trinity')
            await page.goto(`${server.base}/partners/${ps.items[0].id}`)
            await settle(page)
            problems.push(...(await check(page, '/partners/:id', lang)))
            const { body: vs } = await api(server.base, auth, 'GET', '/api/v1/partners/visits')
            await page.goto(`${server.base}/partners/visits/${vs.items[0].id}`)
            await settle(page)
            problems.push(...(await check(page, '/partners/visits/:id', lang)))
            const { body: ms } = await api(server.base, auth, 'GET', '/api/v1/partners/mailings')
            await page.goto(`${server.base}/partners/mailings/${ms.items[0].id}`)
            await settle(page)
            problems.push(...(await check(page, '/partners/mailings/:id', lang)))
            const { body: ls } = await api(server.base, auth, 'GET', `/api/v1/partners/letters?partner_id=${ps.items[0].id}`)
            await page.goto(`${server.base}/partners/letters/${ls.items.find((l) => l.direction === 'in').id}`)
            await settle(page)
            problems.push(...(await check(page, '/partners/letters/:id', lang)))
            const { body: trips } = await api(server.base, auth, 'GET', '/api/v1/trips?status=stranded,abroad')
            for (const tr of trips.items.slice(0, 2)) {  // stranded with help given, stranded with costs
              await page.goto(`${server.base}/trips/${tr.id}`)
              await settle(page)
              problems.push(...(await check(page, '/trips/:id', lang)))
            }
            const { body: rules } = await api(server.base, auth, 'GET', '/api/v1/entry-rules?country=KR')
            await page.goto(`${server.base}/entry-rules/${rules.items[0].id}`)  // two versions, people affected
            await settle(page)
            problems.push(...(await check(page, '/entry-rules/:id', lang)))
            for (const direction of ['in', 'out']) {  // money received, goods given
              const { body: ds } = await api(server.base, auth, 'GET', `/api/v1/supplies/donations?direction=${direction}&page_size=1`)
              await page.goto(`${server.base}/supplies/donations/${ds.items[0].id}`)
              await settle(page)
              problems.push(...(await check(page, '/supplies/donations/:id', lang)))
            }
          }
          if (role === 'foreign') {
            const { body: own } = await api(server.base, await apiLogin(server.base, 'foreign'), 'GET', '/api/v1/trips')
            await page.goto(`${server.base}/trips/${own.items[0].id}`)
            await settle(page)
            problems.push(...(await check(page, '/trips/:id', lang)))
            const { body: gb } = await api(server.base, await apiLogin(server.base, 'foreign'), 'GET', '/api/v1/entry-rules?country=GB')
            await page.goto(`${server.base}/entry-rules/${gb.items[0].id}`)
            await settle(page)
            problems.push(...(await check(page, '/entry-rules/:id', lang)))
            const { body: mine } = await api(server.base, await apiLogin(server.base, 'foreign'), 'GET', '/api/v1/supplies/mine')
            if (mine.items.length) {
              await page.goto(`${server.base}/supplies/receive/${mine.items[0].id}`)
              await settle(page)
              problems.push(...(await check(page, '/supplies/receive/:id', lang)))
            }
          }
          await ctx.close()
        }
        assert.deepEqual(problems, [], problems.join('\n'))
      })
    }
    it('the sign-in page', async () => {
      const problems = []
      for (const lang of ['zh-CN', 'en']) {
        const ctx = await browser.newContext({ viewport: size, locale: lang })
        const page = await ctx.newPage()
        await page.goto(server.base + '/login')
        await page.click(`[data-test=lang-${lang === 'en' ? 'en' : 'zh'}]`)
        await settle(page)
        problems.push(...(await check(page, '/login', lang)))
        await ctx.close()
      }
      assert.deepEqual(problems, [], problems.join('\n'))
    })
  })
}

// Supplies in a browser: a keeper records a receipt on a phone at the store door; the
// office runs a batch distribution that is one item short, then distributes it and
// prints the sign-off sheet; a foreign staff member confirms their share on a 390×844
// phone, and the sheet's QR page shows it received; the reports show all of it, with a
// day-by-day chart for one item, and export to XLSX.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { api, apiLogin, launch, login, phone, shot, startServer } from './harness.mjs'

let server
let browser
let office

before(async () => {
  server = await startServer()
  browser = await launch()
  office = await apiLogin(server.base, 'office')
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

async function stockOf(storeId, code) {
  const { body } = await api(server.base, office, 'GET', `/api/v1/supplies/stores/${storeId}/stock`)
  return body.items.filter((r) => r.item_code === code).reduce((sum, r) => sum + r.quantity, 0)
}

async function pick(page, select, text) {
  await page.click(`[data-test=${select}]`)
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

describe('supplies in a browser', () => {
  it('a keeper records a receipt of gloves in boxes on a phone', async () => {
    const { body: stores } = await api(server.base, office, 'GET', '/api/v1/supplies/stores')
    const hrStore = stores.items.find((s) => s.name_en === 'HR cupboard')
    const before = await stockOf(hrStore.id, 'GLOVES')
    const ctx = await browser.newContext({ ...phone, locale: 'zh-CN' })
    const page = await ctx.newPage()
    await login(page, server.base, 'hr')
    await page.goto(`${server.base}/supplies/post?store=${hrStore.id}`)
    await page.waitForSelector('[data-test=posting-line-1]')
    await pick(page, 'line-item', '一次性手套')
    await page.fill('[data-test=line-qty] input', '2')
    await pick(page, 'line-pack', '盒')
    await page.fill('[data-test=posting-reference]', 'JZ-E2E')
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(wide <= 1, `posting form is ${wide}px wider than the phone`)
    await shot(page, 'supplies-01-phone-receipt')
    await page.click('[data-test=posting-submit]')
    await page.waitForSelector('[data-test=posting-done]')
    assert.equal(await stockOf(hrStore.id, 'GLOVES'), before + 200)
    // The stock page shows it, on the phone's cards.
    await page.goto(`${server.base}/supplies/stores?store=${hrStore.id}`)
    await page.waitForSelector('[data-test=stock-card]:has-text("一次性手套")')
    await shot(page, 'supplies-02-phone-stock')
    await ctx.close()
  })

  it('the office distributes a package to every foreign staff member, one item short at first, and prints the sheet', async () => {
    // Arranged through the API: a cupboard with rice for all but one, oil for all.
    const { body: items } = await api(server.base, office, 'GET', '/api/v1/supplies/items')
    const rice = items.items.find((i) => i.code === 'RICE')
    const oil = items.items.find((i) => i.code === 'OIL')
    const { body: units } = await api(server.base, office, 'GET', '/api/v1/units')
    const intl = units.items.find((u) => u.code === 'INTL')
    const { body: people } = await api(server.base, office, 'GET', '/api/v1/people?category=foreign_staff&page_size=1')
    const n = people.total
    const store = await api(server.base, office, 'POST', '/api/v1/supplies/stores',
      { unit_id: intl.id, name_zh: '测试发放柜', name_en: 'E2E cupboard' })
    assert.equal(store.status, 201)
    const receive = (item, quantity) => api(server.base, office, 'POST', '/api/v1/supplies/postings',
      { kind: 'receipt', source: 'donation', store_id: store.body.id, lines: [{ item_id: item.id, quantity }] })
    assert.equal((await receive(rice, 5 * (n - 1))).status, 201)
    assert.equal((await receive(oil, 2 * n)).status, 201)
    const pkg = await api(server.base, office, 'POST', '/api/v1/supplies/packages', { name_zh: '测试物资包', name_en: 'E2E package',
      lines: [{ item_id: rice.id, quantity: 5 }, { item_id: oil.id, quantity: 1.8 }] })
    assert.equal(pkg.status, 201)

    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.click('[data-test=lang-en]').catch(() => {})
    await page.goto(server.base + '/supplies/distributions')
    await page.waitForSelector('[data-test=distributions-table] .el-table__row')
    await page.click('[data-test=distribution-new]')
    await page.fill('[data-test=distribution-title]', 'E2E week 11')
    await pick(page, 'distribution-store', 'E2E cupboard')
    await pick(page, 'distribution-package', 'E2E package')
    await pick(page, 'distribution-unit', 'Wuhan University of Technology')
    await page.click('[data-test=distribution-preview]')
    await page.waitForSelector('[data-test=need-short]')
    assert.match(await page.textContent('[data-test=need-short]'), /Rice.*Short by 5 kg/)
    await shot(page, 'supplies-03-preview-short')
    // Distributing now is refused as a whole, and says why.
    await page.click('[data-test=distribution-post]')
    await page.waitForSelector('.el-message--error')
    assert.match(await page.textContent('.el-message--error'), /Not enough Rice/)
    assert.equal(await stockOf(store.body.id, 'OIL'), 2 * n)

    // The missing rice comes in; the preview is clear and the distribution goes out.
    assert.equal((await receive(rice, 5)).status, 201)
    await page.click('[data-test=distribution-preview]')
    await page.waitForSelector('[data-test=distribution-needs] .el-alert--success')
    assert.equal(await page.locator('[data-test=need-short]').count(), 0)
    await page.click('[data-test=distribution-post]')
    await page.waitForSelector('[data-test=distribution-detail] [data-test=recipients-table] .el-table__row')
    assert.match(await page.textContent('[data-test=distribution-progress]'), new RegExp(`0 of ${n} received`))
    assert.equal(await stockOf(store.body.id, 'RICE'), 0)
    assert.ok(Math.abs((await stockOf(store.body.id, 'OIL')) - 0.2 * n) < 1e-9)
    await shot(page, 'supplies-04-distribution')
    // Staff record a share taken by a colleague.
    await page.locator('[data-test=share-record]').last().click()
    await page.fill('[data-test=share-received-by]', 'Li Na (colleague)')
    await page.click('[data-test=share-record-save]')
    await page.waitForFunction(() => document.querySelector('[data-test=distribution-progress]')?.textContent?.includes('1 of'))
    // The sign-off sheet.
    const [sheet] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=distribution-sheet]')])
    assert.match(sheet.suggestedFilename(), /^signoff-D-\d+\.pdf$/)
    const { readFileSync } = await import('node:fs')
    assert.equal(readFileSync(await sheet.path()).subarray(0, 5).toString(), '%PDF-')
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=recipients-export]')])
    assert.match(xlsx.suggestedFilename(), /D-\d+.*\.xlsx$/)
    assert.equal(readFileSync(await xlsx.path()).subarray(0, 2).toString(), 'PK')
    await ctx.close()
  })

  it('a foreign staff member confirms their share on a phone, and the QR page shows it received', async () => {
    const ctx = await browser.newContext({ ...phone, locale: 'en-GB' })
    const page = await ctx.newPage()
    await login(page, server.base, 'foreign')
    await page.goto(server.base + '/supplies/mine')
    const card = page.locator('[data-test=my-share]', { hasText: 'E2E week 11' })
    await card.waitFor()
    assert.match(await card.textContent(), /Cooking oil 1\.8 L, Rice 5 kg/)
    assert.match(await card.locator('[data-test=my-share-status]').textContent(), /To confirm/)
    await shot(page, 'supplies-05-phone-mine')
    await card.locator('[data-test=my-share-confirm]').click()
    await page.waitForFunction(() => [...document.querySelectorAll('[data-test=my-share]')]
      .some((c) => c.textContent.includes('E2E week 11') && c.textContent.includes('Received')))
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(wide <= 1, `my supplies is ${wide}px wider than the phone`)
    // The page the sheet's QR code opens for that share.
    const foreign = await apiLogin(server.base, 'foreign')
    const { body: mine } = await api(server.base, foreign, 'GET', '/api/v1/supplies/mine')
    const share = mine.items.find((s) => s.distribution.title === 'E2E week 11')
    assert.equal(share.status, 'received')
    await page.goto(`${server.base}/supplies/receive/${share.id}`)
    await page.waitForSelector('[data-test=receive-status]:has-text("Received")')
    await shot(page, 'supplies-06-phone-receive')
    // A demo share still to confirm, confirmed from its QR page.
    const pending = mine.items.find((s) => s.distribution.status === 'posted' && s.status === 'pending')
    if (pending) {
      await page.goto(`${server.base}/supplies/receive/${pending.id}`)
      await page.click('[data-test=receive-confirm]')
      await page.waitForSelector('[data-test=receive-status]:has-text("Received")')
    }
    await ctx.close()
  })

  it('the office reads the reports: the gloves received, the day chart, the shares received, as XLSX', async () => {
    const { body: moves } = await api(server.base, office, 'GET', '/api/v1/supplies/reports/movements')
    const gloves = moves.items.find((m) => m.item_code === 'GLOVES')
    assert.ok(gloves.receipt >= 200, `gloves received: ${gloves.receipt}`)
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'en-GB' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.goto(server.base + '/supplies/reports')
    const row = page.locator('[data-test=report-movements] .el-table__row', { hasText: gloves.item_name })
    await row.waitFor()
    assert.ok((await row.textContent()).includes(String(gloves.receipt)))
    assert.match(await page.textContent('[data-test=report-range]'), new RegExp(`${moves.from} to ${moves.to}`))
    // One item, day by day: today's receipt is in the chart's data.
    await row.click()
    await page.waitForSelector('[data-test=report-days] [data-test=chart] canvas')
    assert.match(page.url(), new RegExp(`item=${gloves.item_id}`))
    const { body: days } = await api(server.base, office, 'GET', `/api/v1/supplies/reports/movements?item_id=${gloves.item_id}`)
    assert.equal(days.days.length, 30)
    assert.ok(days.days.at(-1).in >= 200)
    await shot(page, 'supplies-07-report-item')
    const { readFileSync } = await import('node:fs')
    const [moveXlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=report-export]')])
    assert.match(moveXlsx.suggestedFilename(), /^movements-.*\.xlsx$/)
    assert.equal(readFileSync(await moveXlsx.path()).subarray(0, 2).toString(), 'PK')
    // Distributions: the week's share that was confirmed counts as received for its recipient.
    await page.goto(server.base + '/supplies/reports?tab=distributions')
    const { body: dist } = await api(server.base, office, 'GET', '/api/v1/supplies/reports/distributions')
    assert.ok(dist.distributions >= 1)
    const received = dist.recipients.find((r) => r.received > 0)
    assert.ok(received, 'someone received a share')
    const who = page.locator('[data-test=report-dist-recipients] .el-table__row', { hasText: received.name }).first()
    await who.waitFor()
    assert.match(await page.textContent('[data-test=report-distribution-count]'), new RegExp(`: ${dist.distributions}$`))
    await page.waitForSelector('.reports [data-test=chart] canvas')
    await shot(page, 'supplies-08-report-distributions')
    const [distXlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=report-export]')])
    assert.match(distXlsx.suggestedFilename(), /^distributions-report-.*\.xlsx$/)
    assert.equal(readFileSync(await distXlsx.path()).subarray(0, 2).toString(), 'PK')
    await ctx.close()
  })
})

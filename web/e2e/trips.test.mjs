// Trips abroad in a browser: Oliver Bennett, stranded in the UK by the entry suspension,
// tells the office from his phone (390×844) where he is and that he now needs medicine;
// the office sees it on the board, logs the embassy's help with its cost, books him home
// and marks his arrival, which starts his observation plan, shown on the trip; the office
// registers a new trip and exports the list.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { api, apiLogin, launch, login, phone, shot, startServer } from './harness.mjs'

let server
let browser

before(async () => {
  server = await startServer()
  browser = await launch()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

// An Element Plus date picker: type the day and confirm.
async function pickDate(page, test, day) {
  const input = page.locator(`[data-test=${test}]`)
  const target = (await input.evaluate((e) => e.tagName)) === 'INPUT' ? input : input.locator('input')
  await target.click()
  await target.fill(day)
  await target.press('Enter')
}
const dayFrom = (d) => new Date(Date.now() + d * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })

describe('trips abroad in a browser', () => {
  it('a stranded traveller reports his position and needs from his phone', async () => {
    const ctx = await browser.newContext({ ...phone, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'foreign')
    await page.goto(`${server.base}/trips`)
    const cards = page.locator('[data-test=trip-card]')
    await cards.first().waitFor()
    assert.equal(await cards.count(), 1)  // his own trip only
    assert.match(await cards.first().innerText(), /Stranded/)
    await shot(page, 'trips-01-mine-phone')
    await cards.first().click()
    await page.waitForSelector('[data-test=trip-position-form]')
    assert.match(await page.textContent('[data-test=trip-needs]'), /Visa extension, Tickets/)
    assert.equal(await page.locator('[data-test=trip-move-form]').count(), 0)  // the office moves trips
    await page.fill('[data-test=position-location]', 'Liverpool')
    await page.locator('[data-test=position-needs] label', { hasText: 'Medicine' }).click()
    await page.fill('[data-test=position-needs-note]', 'Out of my blood pressure tablets by Friday.')
    await page.click('[data-test=position-send]')
    await page.waitForSelector('[data-test=trip-location]:has-text("Liverpool")')
    assert.match(await page.textContent('[data-test=trip-needs]'), /Visa extension, Tickets, Medicine/)
    assert.match(await page.locator('[data-test=trip-event]').first().innerText(), /Position reported/)
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(wide <= 1, `${wide}px wider than the phone`)
    await shot(page, 'trips-02-position-phone')
    await ctx.close()
  })

  it('the office logs help, brings him home and his observation starts', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.click('[data-test=lang-zh]')
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN')
    await page.goto(`${server.base}/trips`)
    await page.waitForSelector('[data-test=trip-count-stranded]:has-text("2")')
    const rows = page.locator('[data-test=trips-table] tbody tr')
    await rows.first().waitFor()
    assert.match(await rows.nth(0).innerText(), /滞留/)  // stranded travellers first
    assert.match(await rows.nth(1).innerText(), /滞留/)
    const first = rows.filter({ hasText: 'Oliver Bennett' })
    assert.match(await first.innerText(), /Liverpool/)  // what he reported
    assert.match(await first.innerText(), /药品/)
    await shot(page, 'trips-03-board')
    await first.click()
    await page.waitForSelector('[data-test=trip-assist-form]')
    await page.locator('[data-test=trip-assist-form] label', { hasText: '使领馆' }).click()
    await page.fill('[data-test=assist-note]', '驻英使馆协调临时航班座位 / Seat on a temporary flight')
    await page.fill('[data-test=assist-cost]', '1200')
    await page.click('[data-test=assist-save]')
    await page.waitForSelector('[data-test=trip-costs]:has-text("1200.00 CNY")')
    // Booked on a flight tomorrow, then home today... the day he lands: returning, then arrival.
    await page.locator('[data-test=move-status] label', { hasText: '回国途中' }).click()
    await pickDate(page, 'move-return', dayFrom(1))
    await page.fill('[data-test=move-note]', 'CA938 伦敦—北京')
    await page.click('[data-test=move-save]')
    await page.waitForSelector('[data-test=trip-status]:has-text("回国途中")')
    assert.match(await page.textContent('[data-test=trip-return]'), new RegExp(dayFrom(1)))
    await page.locator('[data-test=move-status] label', { hasText: '入境观察' }).click()
    await page.click('[data-test=move-save]')
    await page.waitForSelector('[data-test=trip-status]:has-text("入境观察")')
    const range = await page.textContent('[data-test=trip-observation-range]')
    assert.match(range, new RegExp(`${dayFrom(0)} 至 ${dayFrom(13)}`))  // 14 days from arrival
    assert.match(range, /观察中/)
    assert.match(await page.locator('[data-test=trip-event]').first().innerText(), /回国途中 → 入境观察/)
    await shot(page, 'trips-04-observation')
    // The plan is in health monitoring with him in it.
    const auth = await apiLogin(server.base, 'office')
    const { body: plans } = await api(server.base, auth, 'GET', '/api/v1/health/plans')
    assert.ok(plans.items.some((p) => /Oliver Bennett/.test(p.name)), JSON.stringify(plans.items.map((p) => p.name)))
    await ctx.close()
  })

  it('the office registers a trip on a phone and exports the board', async () => {
    const ctx = await browser.newContext({ ...phone, locale: 'en', acceptDownloads: true })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.click('[data-test=lang-en]')
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await page.goto(`${server.base}/trips`)
    await page.locator('[data-test=trip-card]').first().waitFor()
    await page.click('[data-test=trip-new]')
    await page.click('[data-test=trip-person]')
    await page.keyboard.type('Anna')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'Anna' }).first().click()
    await page.fill('[data-test=trip-purpose]', 'Summer school at a partner university')
    await page.click('[data-test=trip-country]')
    await page.keyboard.type('Japan')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'Japan' }).first().click()
    await page.fill('[data-test=trip-cities]', 'Kyoto')
    await pickDate(page, 'trip-depart', dayFrom(30))
    await pickDate(page, 'trip-return', dayFrom(20))  // before the departure: refused, naming the field
    await page.click('[data-test=trip-save]')
    await page.waitForSelector('.el-form-item__error:has-text("before the departure")')
    await shot(page, 'trips-05-new-refused-phone')
    await pickDate(page, 'trip-return', dayFrom(44))
    await page.click('[data-test=trip-save]')
    await page.waitForURL(/\/trips\/\d+$/)
    await page.waitForSelector('[data-test=trip-heading]:has-text("Anna")')
    assert.match(await page.textContent('[data-test=trip-places]'), /Japan · Kyoto/)
    assert.match(await page.textContent('[data-test=trip-status]'), /Planned/)
    await shot(page, 'trips-06-new-phone')
    await page.goto(`${server.base}/trips`)
    await page.locator('[data-test=trip-card]').first().waitFor()
    await page.click('[data-test=trips-export]')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=trips-export-xlsx]')])
    const file = join(server.dir, download.suggestedFilename())
    await download.saveAs(file)
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK')
    await ctx.close()
  })
})

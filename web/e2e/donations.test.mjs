// Donations in a browser: the office sees the partner university's 20,000 GBP with its
// CNY value and moves its thank-you status on; the donations given add up to the
// bulletin's sentence; a leader sees no amounts; on a 390×844 phone the office records a
// yen donation, is told yen have no decimals, and saves it.
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

async function pick(page, select, text) {
  await page.click(`[data-test=${select}]`)
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

describe('donations in a browser', () => {
  it('the 20,000 GBP donation shows with its CNY value, and its thank-you status moves on', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.goto(`${server.base}/supplies/donations`)
    const row = page.locator('[data-test=donations-table] tr', { hasText: 'University of Wales Trinity Saint David' }).first()
    await row.waitFor()
    assert.match(await row.innerText(), /GBP 20000\.00/)
    assert.match(await row.innerText(), /CNY 177490\.00/)
    assert.match(await row.innerText(), /Letter sent/)
    await page.waitForSelector('[data-test=cny-total]')
    await shot(page, 'donations-01-received')
    await row.click()
    await page.waitForSelector('[data-test=donation-cny]')
    assert.equal(await page.textContent('[data-test=donation-cny]'), '177490.00')
    await page.click('[data-test=thanks-next]')
    await page.waitForSelector('[data-test=thanks-state]:has-text("Acknowledged")')
    await shot(page, 'donations-02-detail')
    const { body } = await api(server.base, office, 'GET', '/api/v1/supplies/donations?direction=in&kind=money')
    assert.equal(body.items.find((d) => d.receipt_no === 'JZ-002').thanks, 'acknowledged')
    // Given: the totals read as the bulletin's sentence.
    await page.goto(`${server.base}/supplies/donations?direction=out`)
    const sentence = await page.waitForSelector('[data-test=goods-sentence]')
    const text = await sentence.innerText()
    assert.match(text, /KN95 mask 40,500 pieces\b/)
    assert.match(text, /Protective suit 1,120 suits\b/)
    assert.match(text, /Disinfectant \(84\) 12 barrels\b/)
    await shot(page, 'donations-03-given')
    await ctx.close()
  })

  it('a leader sees the donations without their amounts', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'leader')
    await page.goto(`${server.base}/supplies/donations`)
    const row = page.locator('[data-test=donations-table] tr', { hasText: 'University of Wales Trinity Saint David' }).first()
    await row.waitFor()
    assert.match(await row.innerText(), /Amount for office and finance only/)
    assert.doesNotMatch(await page.locator('body').innerText(), /20000\.00/)
    await ctx.close()
  })

  it('on a phone, the office records a yen donation: no decimals for yen', async () => {
    const ctx = await browser.newContext({ ...phone, locale: 'zh-CN' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    // The account kept the language of its first sign-in (English, above): switch to Chinese.
    await page.click('[data-test=lang-zh]')
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN')
    await page.goto(`${server.base}/supplies/donations/new?direction=in`)
    await page.waitForSelector('[data-test=donation-kind]')
    await page.locator('[data-test=donation-kind] .el-radio-button', { hasText: '资金' }).click()
    await pick(page, 'donation-donor', '英国威尔士三一圣大卫大学')
    await pick(page, 'donation-currency', 'JPY')
    await page.fill('[data-test=donation-amount]', '1000.5')
    await page.fill('[data-test=donation-receipt]', 'JZ-E2E-JPY')
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(wide <= 1, `donation form is ${wide}px wider than the phone`)
    await page.click('[data-test=donation-submit]')
    await page.waitForSelector('.el-form-item__error:has-text("JPY 最多 0 位小数")')
    await shot(page, 'donations-04-phone-yen-decimals')
    await page.fill('[data-test=donation-amount]', '100000')
    await page.click('[data-test=donation-submit]')
    await page.waitForSelector('[data-test=donation-amount]:has-text("JPY 100000")')
    await page.waitForSelector('text=该日期尚无汇率')
    await shot(page, 'donations-05-phone-saved')
    const { body } = await api(server.base, office, 'GET', '/api/v1/supplies/donations?currency=JPY')
    assert.equal(body.items.length, 1)
    assert.equal(body.items[0].amount_minor, 100000)
    await ctx.close()
  })
})

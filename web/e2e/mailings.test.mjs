// Letter templates and mass letters in a browser: the office finds the president's letter
// of sympathy, is told beside the text that a merge field it typed does not exist, makes a
// mass letter to the partner universities of one country in two steps, previews Lyon's
// letter in French in the demo's draft, sends it and follows the progress to the end —
// on a server without email every letter is reported as failed, one by one, with the
// reason; on a 390×844 phone the mass letter page reads in Chinese.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { api, apiLogin, launch, login, shot, startServer } from './harness.mjs'

let server
let browser
let office
const desktop = { viewport: { width: 1366, height: 800 } }
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

before(async () => {
  server = await startServer()
  browser = await launch()
  office = await apiLogin(server.base, 'office')
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

describe('mass letters in a browser', () => {
  it('a template refuses an unknown merge field, and a new mass letter is made in two steps', async () => {
    const ctx = await browser.newContext({ ...desktop, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.goto(`${server.base}/partners/templates`)
    await page.waitForSelector('[data-test=template-card]:has-text("Letter of sympathy")')
    await shot(page, 'mailings-01-templates')
    await page.click('[data-test=template-edit]')
    await page.click('.el-tabs__item:has-text("English")')
    const body = page.locator('[data-test=template-body-en]')
    await body.fill('Dear {{contact.honorific}} {{contact.nmae}},')
    await page.click('[data-test=template-save]')
    await page.waitForSelector('.el-form-item__error:has-text("contact.nmae")')
    await shot(page, 'mailings-02-unknown-field')
    await page.keyboard.press('Escape')
    const { body: tpls } = await api(server.base, office, 'GET', '/api/v1/partners/templates')
    assert.doesNotMatch(tpls.items[0].body_en, /nmae/)  // nothing saved

    await page.goto(`${server.base}/partners/mailings`)
    await page.waitForSelector('[data-test=mailing-card]')
    await page.click('[data-test=mailing-new]')
    await page.fill('[data-test=mailing-title]', 'Sympathy to Japan')
    await page.click('[data-test=mailing-next]')
    await page.click('[data-test=mailing-countries]')
    await page.keyboard.type('Japan')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'Japan' }).first().click()
    await page.click('.el-dialog__title')  // closes the country list, not the dialog
    await page.click('[data-test=mailing-next]')
    await page.waitForSelector('[data-test=mailing-heading]:has-text("Sympathy to Japan")')
    await page.waitForSelector('[data-test=recipients-table] tbody tr:has-text("Kansai")')
    assert.equal(await page.locator('[data-test=recipients-table] tbody tr').count(), 1)
    await shot(page, 'mailings-03-new-draft')
    await ctx.close()
  })

  it('the demo draft previews Lyon in French, sends, and reports each failed letter', async () => {
    const ctx = await browser.newContext({ ...desktop, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.goto(`${server.base}/partners/mailings`)
    await page.click('[data-test=mailing-card]:has-text("Europe and North America")')
    await page.waitForSelector('[data-test=recipients-table] tbody tr:has-text("Lyon")')
    await page.locator('[data-test=recipients-table] tbody tr', { hasText: 'Lyon' }).locator('[data-test=recipient-preview]').click()
    await page.waitForSelector('[data-test=preview-subject]:has-text("Lettre de sympathie")')
    assert.match(await page.innerText('[data-test=preview-body]'), /Madame la Présidente/)
    await shot(page, 'mailings-04-preview')
    await page.keyboard.press('Escape')
    const total = (await api(server.base, office, 'GET', '/api/v1/partners/mailings')).body.items
      .find((m) => m.title.includes('Europe')).total
    await page.click('[data-test=mailing-send]')
    await page.click('.el-message-box__btns .el-button--primary')
    // The page follows the job to the end (the e2e server runs jobs every second).
    await page.waitForSelector('[data-test=mailing-status]:has-text("Done")', { timeout: 30000 })
    assert.match(await page.innerText('[data-test=mailing-counts]'), new RegExp(`0 of ${total} sent .* ${total} failed`))
    await page.waitForSelector('[data-test=recipients-table] tbody tr:has-text("Email is not set up on this server")')
    assert.equal(await page.locator('[data-test=mailing-retry]').count(), 1)
    await shot(page, 'mailings-05-failed')
    await ctx.close()
  })

  it('on a phone, the mass letter page reads in Chinese', async () => {
    const ctx = await browser.newContext({ ...phone, locale: 'zh-CN' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.click('[data-test=lang-zh]')
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN')
    await page.goto(`${server.base}/partners/mailings`)
    await page.click('[data-test=mailing-card]:has-text("Sympathy to Japan")')
    await page.waitForSelector('[data-test=mailing-status]:has-text("草稿")')
    await page.waitForSelector('[data-test=mailing-send]:has-text("发送 1 封信函")')
    await shot(page, 'mailings-06-phone')
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(wide <= 1, `${wide}px wider than the phone`)
    await ctx.close()
  })
})

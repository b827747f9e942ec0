// Letter templates and mass letters in a browser: the office finds the president's letter
// of sympathy, is told beside the text that a merge field it typed does not exist, makes a
// mass letter to the partner universities of one country in two steps, previews Lyon's
// letter in French in the demo's draft, sends the letter of sympathy to three partners in
// two languages and follows the progress to the end, and each email with its PDF (the
// right name, in the right language) arrives at a real SMTP server; on a 390×844 phone the
// mass letter page reads in Chinese.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { api, apiLogin, launch, login, mailFiles, pdfText, phone, shot, startServer, startSmtpSink } from './harness.mjs'

let server
let browser
let office
let smtp
// The letters among the emails: the server runs on the real clock, so check-in reminders to
// staff may go out during the test too; a letter always carries its PDF, a reminder never.
const letters = () => smtp.messages.filter((m) => mailFiles(m.data).length > 0)
const desktop = { viewport: { width: 1366, height: 800 } }

before(async () => {
  smtp = await startSmtpSink()
  server = await startServer({ smtpUrl: smtp.url })
  browser = await launch()
  office = await apiLogin(server.base, 'office')
})
after(async () => {
  await browser?.close()
  await server?.stop()
  await smtp?.stop()
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

  it('the letter of sympathy goes to three partners in two languages: each email with its PDF arrives', async () => {
    const ctx = await browser.newContext({ ...desktop, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    // The demo's draft shows Lyon's letter in French.
    await page.goto(`${server.base}/partners/mailings`)
    await page.click('[data-test=mailing-card]:has-text("Europe and North America")')
    await page.waitForSelector('[data-test=recipients-table] tbody tr:has-text("Lyon")')
    await page.locator('[data-test=recipients-table] tbody tr', { hasText: 'Lyon' }).locator('[data-test=recipient-preview]').click()
    await page.waitForSelector('[data-test=preview-subject]:has-text("Lettre de sympathie")')
    assert.match(await page.innerText('[data-test=preview-body]'), /Madame la Présidente/)
    await shot(page, 'mailings-04-preview')
    await page.keyboard.press('Escape')

    // A new one to the partner universities of France, the United Kingdom and Japan.
    await page.goto(`${server.base}/partners/mailings`)
    await page.click('[data-test=mailing-new]')
    await page.fill('[data-test=mailing-title]', 'Sympathy: France, UK, Japan')
    await page.click('[data-test=mailing-next]')
    for (const country of ['France', 'United Kingdom', 'Japan']) {
      await page.click('[data-test=mailing-countries]')
      await page.keyboard.type(country)
      await page.locator('.el-select-dropdown__item:visible', { hasText: country }).first().click()
      await page.click('.el-dialog__title')
    }
    await page.click('[data-test=mailing-next]')
    await page.waitForSelector('[data-test=mailing-heading]:has-text("France, UK, Japan")')
    await page.waitForSelector('[data-test=recipients-table] tbody tr:has-text("Kansai")')
    assert.equal(await page.locator('[data-test=recipients-table] tbody tr').count(), 3)
    await page.click('[data-test=mailing-send]')
    await page.click('.el-message-box__btns .el-button--primary')
    // The page follows the job to the end (the e2e server runs jobs every second).
    await page.waitForSelector('[data-test=mailing-status]:has-text("Done")', { timeout: 30000 })
    assert.match(await page.innerText('[data-test=mailing-counts]'), /3 of 3 sent/)
    await shot(page, 'mailings-05-sent')
    for (let i = 0; i < 100 && letters().length < 3; ++i) await page.waitForTimeout(100)
    assert.equal(letters().length, 3)
    const expected = {
      'presidence@utlyon.example': { name: 'Madame la Présidente', words: /profonde sympathie/ },
      'vc@uwtsd.example': { name: 'Medwin Hughes', words: /heartfelt sympathy/ },
      'president@kit-osaka.example': { name: 'Tanaka Kenji', words: /heartfelt sympathy/ },
    }
    for (const m of letters()) {
      const want = expected[m.to]
      assert.ok(want, `unexpected recipient ${m.to}`)
      const files = mailFiles(m.data)
      assert.equal(files.length, 1, m.to)
      assert.equal(files[0].bytes.subarray(0, 5).toString(), '%PDF-')
      const text = pdfText(files[0].bytes)
      assert.match(text, new RegExp(want.name), m.to)
      assert.match(text, want.words, m.to)
      assert.match(text, /Zhang Qingjie/, m.to)
      delete expected[m.to]
    }
    assert.deepEqual(Object.keys(expected), [])
    // Each is logged in the correspondence, out, with its PDF.
    const { body } = await api(server.base, office, 'GET', '/api/v1/partners/letters?direction=out&q=sympath')
    assert.ok(body.items.filter((l) => l.attachment_count === 1).length >= 3)
    await ctx.close()
  })

  it('a letter to our British foreign staff reaches them by email with its PDF and in the app', async () => {
    const ctx = await browser.newContext({ ...desktop, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.goto(`${server.base}/partners/mailings`)
    await page.click('[data-test=mailing-new]')
    await page.fill('[data-test=mailing-title]', 'To our British colleagues')
    await page.click('[data-test=mailing-next]')
    await page.click('[data-test=mailing-audience-people]')
    await page.click('[data-test=mailing-nationalities]')
    await page.keyboard.type('United Kingdom')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'United Kingdom' }).first().click()
    await page.click('.el-dialog__title')
    await shot(page, 'mailings-06-people')
    await page.click('[data-test=mailing-next]')
    await page.waitForSelector('[data-test=mailing-heading]:has-text("British colleagues")')
    await page.waitForSelector('[data-test=recipients-table] tbody tr:has-text("Oliver Bennett")')
    assert.equal(await page.locator('[data-test=recipients-table] tbody tr').count(), 1)
    assert.match(await page.innerText('[data-test=recipients-table] tbody'), /School of International Education/)
    const before = letters().length
    await page.click('[data-test=mailing-send]')
    await page.click('.el-message-box__btns .el-button--primary')
    await page.waitForSelector('[data-test=mailing-status]:has-text("Done")', { timeout: 30000 })
    for (let i = 0; i < 100 && letters().length < before + 1; ++i) await page.waitForTimeout(100)
    assert.equal(letters().length, before + 1)
    const mail = letters()[before]
    assert.match(mail.to, /oliver\.bennett@/)
    const files = mailFiles(mail.data)
    assert.equal(files.length, 1)
    assert.match(pdfText(files[0].bytes), /Oliver Bennett/)
    await ctx.close()
    // In the app, for Oliver himself.
    const own = await browser.newContext({ ...desktop, locale: 'en' })
    const me = await own.newPage()
    await login(me, server.base, 'foreign')
    await me.goto(`${server.base}/notices`)
    await me.waitForSelector('text=A letter of sympathy')
    await shot(me, 'mailings-07-notice')
    await own.close()
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
    await shot(page, 'mailings-08-phone')
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(wide <= 1, `${wide}px wider than the phone`)
    await ctx.close()
  })
})

// Broadcasts in a browser: the office writes a briefing for foreign staff with live figures
// clicked into the text and a figure it types; a placeholder with no data is refused,
// naming the text; the preview fills both languages; the office changes today's figure,
// sends it by hand after confirming, sees the sending, its delivery and recipients, and
// downloads them as XLSX. Oliver Bennett, on his phone, finds it in English among his
// notices; a leader on a phone reads the broadcast but cannot send it. axe-core on every
// page.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { assertAccessible, launch, login, phone, shot, startServer } from './harness.mjs'

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

async function choose(page, test, text) {
  await page.click(`[data-test=${test}]`)
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: text }).first()
  await option.scrollIntoViewIfNeeded()
  await option.click()
}

describe('broadcasts in a browser', () => {
  it('written with figures, previewed, sent by hand and received in English on a phone', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'en', acceptDownloads: true })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.click('[data-test=lang-en]')
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await page.goto(`${server.base}/broadcasts`)
    const demo = page.locator('[data-test=broadcast]', { hasText: 'Daily briefing for foreign staff' })
    await demo.waitFor()
    assert.match(await demo.textContent(), /Paused[\s\S]*Every day at 08:00[\s\S]*Not scheduled/)
    await assertAccessible(page, '/broadcasts')

    await page.click('[data-test=broadcast-new]')
    await page.fill('[data-test=broadcast-name]', 'Evening reminder for foreign staff')
    await page.click('[data-test=broadcast-schedule-manual]')
    await page.fill('[data-test=broadcast-subject-zh]', '疫情提醒 ')
    await page.click('[data-test=placeholder-date]')  // goes where the caret is: the Chinese subject
    await page.fill('[data-test=broadcast-subject-en]', 'Reminder, ')
    await page.click('[data-test=placeholder-date]')
    await page.fill('[data-test=broadcast-body-zh]', '今日体温报告 ')
    await page.click('[data-test=placeholder-reports_today]')
    await page.fill('[data-test=broadcast-body-en]', 'Wuhan reported {city_cases} new cases; {reports_today} reports today.')
    await page.click('[data-test=broadcast-everyone]')
    await choose(page, 'broadcast-categories', 'Foreign staff')
    await page.keyboard.press('Escape')
    // {city_cases} has no data yet: refused, naming the English text.
    await page.click('[data-test=broadcast-save]')
    await page.waitForSelector('.el-form-item__error:has-text("city_cases")')
    assert.equal(await page.inputValue('[data-test=broadcast-subject-zh]'), '疫情提醒 {date}')
    assert.equal(await page.inputValue('[data-test=broadcast-body-zh]'), '今日体温报告 {reports_today}')
    await page.click('[data-test=broadcast-add-figure]')
    await page.fill('[data-test=figure-key]', 'city_cases')
    await page.fill('[data-test=figure-label-zh]', '武汉市新增确诊')
    await page.fill('[data-test=figure-label-en]', 'New cases in Wuhan')
    await page.fill('[data-test=figure-value]', '2103')
    await assertAccessible(page, 'broadcast form')
    await shot(page, 'broadcasts-01-form')
    await page.click('[data-test=broadcast-save]')
    await page.waitForURL(/\/broadcasts\/\d+$/)

    // The preview: both languages filled with the figures now, the reader's first.
    const en = page.locator('[data-test=preview-en]')
    await en.waitFor()
    assert.match(await en.textContent(), /Reminder, \d{1,2} [A-Z][a-z]+ \d{4}[\s\S]*Wuhan reported 2103 new cases; \d+ reports today\./)
    assert.match(await page.textContent('[data-test=preview-zh-CN]'), /疫情提醒 \d{4}年\d{1,2}月\d{1,2}日[\s\S]*今日体温报告 \d+/)
    const sides = await page.locator('[data-test=broadcast-preview] .side').evaluateAll((s) => s.map((x) => x.getAttribute('lang')))
    assert.deepEqual(sides, ['en', 'zh-CN'])
    const reach = await page.textContent('[data-test=broadcast-reach]')
    const people = Number(reach.match(/(\d+) of the \d+ people/)[1])
    assert.ok(people >= 1, reach)
    await assertAccessible(page, 'a broadcast')

    // Today's figure changes; the preview follows.
    await page.fill('[data-test=value-city_cases]', '1985')
    await page.click('[data-test=broadcast-save-values]')
    await page.waitForSelector('.el-message:has-text("Figures saved")')
    await page.waitForSelector('[data-test=preview-en]:has-text("Wuhan reported 1985 new cases")')

    // Sent by hand, after confirming.
    await page.click('[data-test=broadcast-send]')
    await page.waitForSelector(`.el-message-box:has-text("to ${people} people")`)
    await page.click('.el-message-box__btns .el-button--primary')
    await page.waitForSelector(`.el-message:has-text("Sent to ${people} people")`)
    await page.waitForSelector('[data-test=broadcast-run]')
    assert.equal(await page.locator('[data-test=broadcast-run]').count(), 1)
    const recipients = page.locator('[data-test=run-recipients]')
    await recipients.waitFor()
    assert.match(await recipients.textContent(), /Oliver Bennett[\s\S]*English/)
    assert.match(await page.locator('[data-test=run-delivery]').first().textContent(), /In the app · Sent: \d+|Email/)
    await assertAccessible(page, 'a broadcast after sending')
    await shot(page, 'broadcasts-02-sent')
    await page.click('[data-test=recipients-export]')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=recipients-export-xlsx]')])
    assert.match(download.suggestedFilename(), /^broadcast-recipients-\d+\.xlsx$/)
    const file = join(server.dir, download.suggestedFilename())
    await download.saveAs(file)
    assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK')
    await ctx.close()

    // Oliver, on his phone: the briefing in English among his notices.
    const phoneCtx = await browser.newContext({ ...phone, locale: 'en' })
    const oliver = await phoneCtx.newPage()
    await login(oliver, server.base, 'foreign')
    await oliver.click('[data-test=lang-en]')
    await oliver.goto(`${server.base}/notices`)
    const notice = oliver.locator('[data-test=notice]', { hasText: 'Reminder, ' })
    await notice.waitFor()
    await assertAccessible(oliver, '/notices with a broadcast on a phone')
    await notice.click()
    await oliver.waitForSelector('[data-test=notice-body]:has-text("Wuhan reported 1985 new cases")')
    await shot(oliver, 'broadcasts-03-phone-notice')
    await phoneCtx.close()
  })

  it('a leader on a phone reads a broadcast and its sendings but cannot send it', async () => {
    const ctx = await browser.newContext({ ...phone, locale: 'zh-CN' })
    const page = await ctx.newPage()
    await login(page, server.base, 'leader')
    await page.goto(`${server.base}/broadcasts`)
    const demo = page.locator('[data-test=broadcast]', { hasText: '当日疫情通报' })
    await demo.waitFor()
    await assertAccessible(page, '/broadcasts on a phone')
    await demo.click()
    await page.waitForSelector('[data-test=preview-zh-CN]')
    assert.match(await page.textContent('[data-test=preview-zh-CN]'), /各位外籍教职工/)
    assert.equal(await page.locator('[data-test=broadcast-send]').count(), 0)
    assert.equal(await page.locator('[data-test=broadcast-values]').count(), 0)
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(wide <= 1, `the broadcast page is ${wide}px wider than the phone`)
    await assertAccessible(page, 'a broadcast on a phone')
    await shot(page, 'broadcasts-04-phone-leader')
    await ctx.close()
  })
})

// Notices in a browser: the office writes a bilingual protection reminder for foreign staff
// that asks to be acknowledged, sends it for review and may not approve it itself; the
// admin approves it; Oliver Bennett, on his phone, finds it in his notices, reads both
// languages (his first) and confirms he has read it; the office sees who has read and
// acknowledged it. The public page, without login, lists the service guide and prints it.
// axe-core on every page.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
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
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

describe('notices in a browser', () => {
  it('written, reviewed by someone else, read and acknowledged on a phone', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.click('[data-test=lang-en]')
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await page.goto(`${server.base}/announcements`)
    await page.click('[data-test=announcements-all]')
    await page.locator('[data-test=announcement-state]').first().waitFor()
    assert.match(await page.textContent('.list'), /Arrangements for international exchange services during the epidemic/)
    await assertAccessible(page, '/announcements (all)')

    await page.click('[data-test=announcement-new]')
    await choose(page, 'announcement-category', 'Protection reminder')
    await page.fill('[data-test=announcement-title-zh]', '乘坐校车须全程佩戴口罩')
    await page.fill('[data-test=announcement-title-en]', 'Masks on the campus bus')
    await page.fill('[data-test=announcement-body-zh]', '乘坐校车时请全程佩戴口罩，上车前测量体温。')
    // The English text left out: refused, naming the field.
    await page.click('[data-test=announcement-ack]')
    await page.click('[data-test=announcement-everyone]')
    await choose(page, 'announcement-categories', 'Foreign staff')
    await page.keyboard.press('Escape')
    await page.click('[data-test=announcement-save]')
    await page.waitForSelector('.el-form-item__error:has-text("English text")')
    await assertAccessible(page, 'notice form')
    await shot(page, 'announcements-01-form')
    await page.fill('[data-test=announcement-body-en]', 'Wear a mask for the whole ride and have your temperature taken before you board.')
    await page.click('[data-test=announcement-save]')
    await page.waitForURL(/\/announcements\/\d+$/)
    const id = Number(page.url().split('/').pop())
    await page.waitForSelector('[data-test=announcement-state]:has-text("Draft")')
    // A leaflet attached: checked by content, listed with its size.
    await page.setInputFiles('[data-test=notice-file-input]', {
      name: 'bus-leaflet.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n' + 'x'.repeat(3000)),
    })
    await page.waitForSelector('[data-test=notice-file]:has-text("bus-leaflet.pdf")')
    await page.click('[data-test=announcement-submit]')
    await page.waitForSelector('[data-test=announcement-state]:has-text("In review")')
    // Four eyes: the one who sent it for review cannot approve it.
    await page.click('[data-test=announcement-approve]')
    await page.waitForSelector('.el-message:has-text("cannot approve it")')
    await assertAccessible(page, 'notice in review')

    const adminCtx = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'en' })
    const admin = await adminCtx.newPage()
    await login(admin, server.base, 'admin')
    await admin.click('[data-test=lang-en]')
    await admin.goto(`${server.base}/announcements/${id}`)
    await admin.click('[data-test=announcement-approve]')
    await admin.waitForSelector('[data-test=announcement-state]:has-text("Published")')
    await adminCtx.close()

    // Oliver, on his phone, in English.
    const phoneCtx = await browser.newContext({ ...phone, locale: 'en' })
    const oliver = await phoneCtx.newPage()
    await login(oliver, server.base, 'foreign')
    await oliver.goto(`${server.base}/announcements`)
    const item = oliver.locator('[data-test=announcement]', { hasText: 'Masks on the campus bus' })
    await item.waitFor()
    assert.match(await item.textContent(), /To acknowledge/)
    await assertAccessible(oliver, '/announcements on a phone')
    await shot(oliver, 'announcements-02-phone-list')
    await item.click()
    await oliver.waitForSelector('[data-test=announcement-side-en]')
    const sides = await oliver.locator('.sides > section').evaluateAll((s) => s.map((x) => x.getAttribute('lang')))
    assert.deepEqual(sides, ['en', 'zh-CN'])  // his language first, the other beside it
    assert.match(await oliver.textContent('[data-test=announcement-side-zh-CN]'), /全程佩戴口罩/)
    const [leaflet] = await Promise.all([oliver.waitForEvent('download'), oliver.click('[data-test=notice-file] a')])
    assert.equal(leaflet.suggestedFilename(), 'bus-leaflet.pdf')
    await assertAccessible(oliver, 'a notice on a phone')
    await oliver.click('[data-test=announcement-ack]')
    await oliver.waitForSelector('[data-test=announcement-acked]')
    await shot(oliver, 'announcements-03-phone-acked')
    await phoneCtx.close()

    // The office sees who has read and acknowledged it.
    await page.reload()
    await page.waitForSelector('[data-test=announcement-counts]')
    assert.match(await page.textContent('[data-test=announcement-counts]'), /1 of 1 have read it, 1 acknowledged/)
    assert.match(await page.textContent('[data-test=announcement-receipts]'), /Oliver Bennett[\s\S]*Acknowledged/)
    await page.click('[data-test=announcement-remind]')
    await page.waitForSelector('.el-message:has-text("Reminded 0")')
    await assertAccessible(page, 'notice receipts')
    await ctx.close()
  })

  it('the public page lists the public notices without login and prints one', async () => {
    const ctx = await browser.newContext({ ...phone, locale: 'zh-CN' })
    const page = await ctx.newPage()
    await page.goto(`${server.base}/public/announcements`)
    const item = page.locator('[data-test=public-item]', { hasText: '国际交流业务办理安排' })
    await item.waitFor()
    assert.equal(await page.locator('[data-test=public-item]', { hasText: '个人防护' }).count(), 0)  // not public
    assert.equal(await page.getAttribute('[data-test=public-feed]', 'href'), '/api/v1/public/announcements.atom')
    await assertAccessible(page, '/public/announcements')
    await item.locator('a').click()
    await page.waitForSelector('[data-test=public-announcement]')
    const text = await page.textContent('[data-test=public-announcement]')
    assert.match(text, /暂停现场办公/)
    assert.match(text, /does not receive visitors/)
    await assertAccessible(page, 'a public notice')
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('header.bar').isVisible(), false)
    assert.equal(await page.locator('[data-test=public-announcement]').isVisible(), true)
    await shot(page, 'announcements-04-public-print')
    const feed = await (await fetch(`${server.base}/api/v1/public/announcements.atom`)).text()
    assert.match(feed, /<entry>[\s\S]*International exchange services during the epidemic|<entry>[\s\S]*国际交流业务办理安排/)
    await ctx.close()
  })
})

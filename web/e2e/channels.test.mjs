// Message channels in a browser: the administrator adds the office's WeCom group robot
// (a local HTTP listener stands in for it), sends a test and sees it arrive and counted;
// a bad address is refused naming the field; Oliver Bennett, on his phone, sets quiet
// hours on his profile. axe-core on every page.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { assertAccessible, launch, login, phone, shot, startServer } from './harness.mjs'

let server
let browser
let robot
const posts = []

before(async () => {
  robot = createServer((req, res) => {
    let body = ''
    req.on('data', (d) => { body += d })
    req.on('end', () => {
      posts.push({ url: req.url, body: JSON.parse(body) })
      res.setHeader('Content-Type', 'application/json')
      res.end('{"errcode":0,"errmsg":"ok"}')
    })
  })
  await new Promise((ok) => robot.listen(0, '127.0.0.1', ok))
  server = await startServer()
  browser = await launch()
})
after(async () => {
  await browser?.close()
  await server?.stop()
  robot?.close()
})

describe('message channels in a browser', () => {
  it('a WeCom robot is added, tested and counted; a bad address is refused', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'admin')
    await page.click('[data-test=lang-en]')
    await page.goto(`${server.base}/admin/channels`)
    // The demo's channels are set up but stopped.
    await page.locator('[data-test=channel-list] .el-card', { hasText: '国际处防控工作群' }).getByText('Stopped').waitFor()
    await assertAccessible(page, 'channels-demo')
    await page.click('[data-test=channel-new]')
    await page.fill('[data-test=channel-name]', 'Office duty group')
    await page.fill('[data-test=channel-url]', 'ftp://example.org/hook')
    await page.click('[data-test=channel-save]')
    await page.waitForSelector('.el-form-item__error:has-text("http")')
    await assertAccessible(page, 'channel-form')
    const port = robot.address().port
    await page.fill('[data-test=channel-url]', `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=demo`)
    await page.click('[data-test=channel-save]')
    const card = page.locator('[data-test=channel-list] .el-card', { hasText: 'Office duty group' })
    await card.waitFor()
    await card.locator('button', { hasText: 'Send a test' }).click()
    await page.waitForSelector('text=Test message queued')
    // The sender posts it within a few job ticks.
    for (let i = 0; i < 40 && posts.length === 0; i++) await new Promise((ok) => setTimeout(ok, 250))
    assert.equal(posts.length, 1)
    assert.equal(posts[0].url, '/cgi-bin/webhook/send?key=demo')
    assert.equal(posts[0].body.msgtype, 'text')
    assert.match(posts[0].body.text.content, /同心平台测试消息/)
    await page.click('text=Refresh')
    await card.locator('[data-test=channel-sent]', { hasText: '1' }).waitFor()
    await shot(page, 'channels')
    await assertAccessible(page, 'channels')
    // The outbox shows it under its channel.
    await page.goto(`${server.base}/admin/outbox`)
    await page.click('[data-test=outbox-channel]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'WeCom robot' }).click()
    await page.locator('[data-test=outbox-table] tr', { hasText: 'Office duty group' }).first().waitFor()
    await assertAccessible(page, 'outbox-channels')
    await ctx.close()
  })

  it('a foreign staff member sets quiet hours on a phone', async () => {
    const ctx = await browser.newContext({ ...phone, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'foreign')
    await page.goto(`${server.base}/profile`)
    await page.waitForSelector('text=Quiet hours')
    // Picks a time from an open time select: scrolled into the list's view first (the
    // dropdown may open below the phone's screen, where Playwright cannot click it).
    const pick = async (time) => {
      const item = page.locator('.el-select-dropdown__item:visible', { hasText: time }).first()
      await item.evaluate((e) => e.scrollIntoView({ block: 'center' }))
      await item.click()
    }
    await page.click('[data-test=quiet-from]')
    await pick('22:00')
    await page.click('[data-test=quiet-save]')
    await page.waitForSelector('.el-form-item__error:has-text("start and an end")')
    await page.click('[data-test=quiet-to]')
    await pick('07:00')
    await page.click('[data-test=quiet-save]')
    await page.waitForSelector('.el-message--success')
    await page.reload()
    await page.waitForSelector('text=Quiet hours')
    await page.locator('[data-test=quiet-to]', { hasText: '07:00' }).waitFor()
    await page.locator('[data-test=quiet-from]', { hasText: '22:00' }).waitFor()
    await shot(page, 'profile-quiet-hours-phone')
    await assertAccessible(page, 'profile-quiet-hours')
    await ctx.close()
  })
})

// The community in a browser, on phones (390×844): community staff see the compound's
// buildings with Building 2 locked down, put Building 1 under control with a reason, add a
// household by room and a resident who is elderly and lives alone; a volunteer deployed
// there opens the same household and sees the resident without the vulnerable flag; the
// residents of locked-down buildings are one switch away. axe-core on every page.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { assertAccessible, launch, login, shot, startServer } from './harness.mjs'

let server
let browser
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

before(async () => {
  server = await startServer()
  browser = await launch()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

async function noWiderThanThePhone(page, what) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(wide <= 1, `${what} is ${wide}px wider than the phone`)
}

describe('the community in a browser', () => {
  it('staff lock a building down, add a household and a resident; a volunteer sees no flags', async () => {
    const ctx = await browser.newContext({ ...phone, locale: 'zh-CN' })
    const page = await ctx.newPage()
    await login(page, server.base, 'community')
    await page.goto(`${server.base}/community`)
    const b2 = page.locator('[data-test=building]', { hasText: '2栋' })
    await b2.waitFor()
    assert.match(await b2.textContent(), /封控/)
    await assertAccessible(page, '/community on a phone')
    await noWiderThanThePhone(page, '/community')
    await shot(page, 'community-01-buildings')

    await page.locator('[data-test=building]', { hasText: '1栋' }).click()
    const panel = page.locator('[data-test=building-panel]')
    await panel.locator('[data-test=building-households]').waitFor()
    await page.click('[data-test=lockdown-controlled]')
    await page.click('[data-test=lockdown-save]')
    await page.waitForSelector('.el-form-item__error')  // a reason is needed
    await page.fill('[data-test=lockdown-reason]', '密接者居住，管控 14 天')
    await page.click('[data-test=lockdown-save]')
    await page.waitForSelector('.el-message:has-text("状态已保存")')
    assert.match(await panel.locator('[data-test=lockdown-event]').first().textContent(), /管控[\s\S]*社区工作人员 陈静/)
    await page.fill('[data-test=household-room]', '5 01')
    await page.click('[data-test=household-add]')
    await page.waitForSelector('.el-form-item__error:has-text("房号")')
    await page.fill('[data-test=household-room]', '401')
    await page.click('[data-test=household-add]')
    await page.waitForSelector('[data-test=building-households] a:has-text("1栋401")')
    await assertAccessible(page, 'a building on a phone')
    await shot(page, 'community-02-building')
    await page.click('[data-test=building-households] a:has-text("1栋401")')
    await page.waitForSelector('[data-test=household-page]')
    const url = page.url()

    await page.click('[data-test=resident-new]')
    await page.fill('[data-test=resident-name]', '李秀兰')
    await page.fill('[data-test=resident-phone]', '13807150001')
    await page.click('[data-test=resident-age-80\\+]')
    await page.click('[data-test=resident-elderly_alone]')
    await assertAccessible(page, 'the resident form on a phone')
    await page.click('[data-test=resident-save]')
    const resident = page.locator('[data-test=household-resident]', { hasText: '李秀兰' })
    await resident.waitFor()
    const text = await resident.textContent()
    assert.match(text, /80 岁及以上[\s\S]*独居老人[\s\S]*138\*\*\*\*0001/)
    assert.match(await page.textContent('[data-test=household-state]'), /管控/)
    await assertAccessible(page, 'a household on a phone')
    await noWiderThanThePhone(page, 'a household')
    await shot(page, 'community-03-household')

    // The residents of locked-down buildings: Building 2's.
    await page.goto(`${server.base}/community`)
    await page.click('[data-test=community-residents]')
    await page.click('[data-test=residents-locked]')
    await page.waitForFunction(() => document.querySelectorAll('[data-test=resident]').length === 2)
    const names = await page.locator('[data-test=resident] .name').allTextContents()
    assert.deepEqual(names.sort(), ['冯桂兰', '郑国强'])
    await assertAccessible(page, 'residents of locked-down buildings')
    await page.click('[data-test=community-export]')
    const [sheet] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=community-export-xlsx]')])
    assert.match(sheet.suggestedFilename(), /^居民.*\.xlsx$/)
    await ctx.close()

    // A volunteer deployed there: the resident, not the flag.
    const vctx = await browser.newContext({ ...phone, locale: 'zh-CN' })
    const volunteer = await vctx.newPage()
    await login(volunteer, server.base, 'volunteer')
    await volunteer.goto(url)
    const seen = volunteer.locator('[data-test=household-resident]', { hasText: '李秀兰' })
    await seen.waitFor()
    assert.doesNotMatch(await seen.textContent(), /独居老人/)
    assert.equal(await volunteer.locator('[data-test=resident-new]').count(), 0)
    await assertAccessible(volunteer, 'a household as a volunteer')
    await vctx.close()
  })
})

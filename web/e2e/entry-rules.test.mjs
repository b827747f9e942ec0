// The entry-control register in a browser: the office enters the UK's entry ban on a
// desktop (a bad end date refused, naming the field), sees who it concerns — Oliver
// Bennett, British and stranded there, and Zhang Wei, going there — tells them, changes
// the measure and reads the new version's diff (and exports the list of them); Oliver, on his phone, finds the measure on
// his trip and reads it in English; the office exports the register as CSV in the COBAP
// layout. axe-core on every page.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { api, apiLogin, assertAccessible, launch, login, phone, shot, startServer } from './harness.mjs'

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

async function pickDate(page, test, day) {
  const input = page.locator(`[data-test=${test}] input`)
  await input.click()
  await input.fill(day)
  await input.press('Enter')
}
const dayFrom = (d) => new Date(Date.now() + d * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })

describe('entry rules in a browser', () => {
  it('the office enters a measure, tells the people it concerns and changes it', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.click('[data-test=lang-en]')
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await page.goto(`${server.base}/entry-rules`)
    await page.locator('[data-test=rules-table] .el-table__row').first().waitFor()
    assert.match(await page.textContent('[data-test=rules-table]'), /South Korea[\s\S]*Quarantine · 14 days/)
    await assertAccessible(page, '/entry-rules')
    await shot(page, 'rules-01-register')

    await page.click('[data-test=rule-new]')
    await page.click('[data-test=rule-country]')
    await page.keyboard.type('United Kingdom')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'United Kingdom' }).first().click()
    await page.fill('[data-test=rule-summary-en]', 'Entry of foreign nationals arriving from China suspended.')
    await page.fill('[data-test=rule-summary-zh]', '暂停自中国入境的外国公民入境。')
    await pickDate(page, 'rule-from', dayFrom(0))
    await pickDate(page, 'rule-to', dayFrom(-3))  // before the start: refused, naming the field
    await page.fill('[data-test=rule-authority]', 'UK Home Office')
    await page.click('[data-test=rule-save]')
    await page.waitForSelector('.el-form-item__error:has-text("before the day the measure starts")')
    await assertAccessible(page, 'rule form')
    await page.locator('[data-test=rule-to] input').fill('')
    await page.locator('[data-test=rule-to] input').press('Enter')
    await page.click('[data-test=rule-save]')
    await page.waitForURL(/\/entry-rules\/\d+$/)
    const id = Number(page.url().split('/').pop())

    // Oliver (British, stranded there) and Zhang Wei (going there); nobody told yet.
    await page.waitForSelector('[data-test=affected-person]')
    assert.equal(await page.locator('[data-test=affected-person]').count(), 2)
    const affected = await page.textContent('[data-test=rule-affected]')
    assert.match(affected, /Oliver Bennett[\s\S]*Nationality[\s\S]*Traveller there/)
    assert.match(affected, /Zhang Wei/)
    assert.match(await page.textContent('[data-test=rule-told]'), /0 of 2 told of version 1/)
    await assertAccessible(page, '/entry-rules/:id')
    await page.click('[data-test=rule-notify]')
    await page.waitForSelector('[data-test=rule-told]:has-text("1 of 2 told")')  // Zhang Wei has no email
    assert.equal(await page.locator('[data-test=affected-told]').count(), 1)
    await shot(page, 'rules-02-affected-told')
    // Only those not told yet: Zhang Wei.
    await page.click('[data-test=rule-untold-only]')
    await page.waitForFunction(() => document.querySelectorAll('[data-test=affected-person]').length === 1)
    assert.match(await page.textContent('[data-test=affected-person]'), /Zhang Wei/)
    await page.click('[data-test=rule-untold-only]')
    await page.waitForFunction(() => document.querySelectorAll('[data-test=affected-person]').length === 2)
    // The list of them as XLSX.
    await page.click('[data-test=affected-export]')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=affected-export-xlsx]')])
    const file = join(server.dir, download.suggestedFilename())
    await download.saveAs(file)
    assert.match(download.suggestedFilename(), /affected.*\.xlsx$/)
    assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK')

    // A change is a new version with what changed.
    await page.click('[data-test=rule-edit]')
    await pickDate(page, 'rule-to', dayFrom(60))
    await page.fill('[data-test=rule-ref]', 'HO 2020/14')
    await page.click('[data-test=rule-save]')
    await page.waitForSelector('[data-test=rule-version] >> nth=1')
    const newest = await page.locator('[data-test=rule-version]').first().innerText()
    assert.match(newest, /v2/)
    assert.match(newest, /Until[\s\S]*Reference[\s\S]*HO 2020\/14/)
    // The told summary reloads after the versions do: wait for it.
    await page.waitForSelector('[data-test=rule-told]:has-text("0 of 2 told of version 2")')
    await assertAccessible(page, '/entry-rules/:id with versions')
    await shot(page, 'rules-03-versions')

    // The audit log has the notice.
    const admin = await apiLogin(server.base, 'admin')
    const { body: audit } = await api(server.base, admin, 'GET', `/api/v1/audit?entity=entry_rule&entity_id=${id}`)
    assert.deepEqual(audit.items.map((a) => a.action).sort(), ['create', 'notify', 'update'])
    await ctx.close()
  })

  it('a traveller finds the measure on his trip and reads it in English on his phone', async () => {
    const ctx = await browser.newContext({ ...phone, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'foreign')
    await page.goto(`${server.base}/trips`)
    await page.locator('[data-test=trip-card]').first().click()
    await page.waitForSelector('[data-test=trip-rule]')
    assert.match(await page.textContent('[data-test=trip-rules]'), /United Kingdom · Entry ban/)
    await assertAccessible(page, '/trips/:id with rules')
    await page.locator('[data-test=trip-rule] a', { hasText: 'Entry ban' }).first().click()
    await page.waitForSelector('[data-test=rule-page]')
    assert.match(await page.textContent('[data-test=rule-summary-en]'), /Entry of foreign nationals arriving from China suspended/)
    assert.equal(await page.locator('[data-test=rule-affected]').count(), 0)  // the office's list
    assert.equal(await page.locator('[data-test=rule-edit]').count(), 0)
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(wide <= 1, `${wide}px wider than the phone`)
    await assertAccessible(page, '/entry-rules/:id on a phone')
    await shot(page, 'rules-04-traveller-phone')
    // He was told, in English.
    const { body: notices } = await api(server.base, await apiLogin(server.base, 'foreign'), 'GET', '/api/v1/notices')
    assert.ok(notices.items.some((n) => n.subject === 'Entry rules of GB: Entry ban'), JSON.stringify(notices.items.map((n) => n.subject)))
    await page.goto(`${server.base}/entry-rules`)
    await page.locator('[data-test=rule-card]').first().waitFor()
    await assertAccessible(page, '/entry-rules on a phone')
    await ctx.close()
  })

  it('the office exports the register as CSV', async () => {
    const ctx = await browser.newContext({ ...phone, locale: 'en', acceptDownloads: true })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.goto(`${server.base}/entry-rules`)
    await page.locator('[data-test=rule-card]').first().waitFor()
    await page.click('[data-test=rules-export]')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=rules-export-csv]')])
    const file = join(server.dir, download.suggestedFilename())
    await download.saveAs(file)
    const csv = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
    assert.match(csv.split('\n')[0], /^country,policy_type,start_date,end_date,summary_en,summary_zh/)
    assert.match(csv, /\nGB,entry_ban,/)
    await ctx.close()
  })
})

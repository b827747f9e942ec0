// What users do in a real browser: log in as two roles, switch language, use a phone,
// import a file with an invalid row and then a valid one, export, and log out.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { api, apiLogin, launch, login, shot, startServer } from './harness.mjs'

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

describe('Tongxin in a browser', () => {
  it('office staff log in, see people, and switch to English', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.click('[data-test=menu-people]')
    await page.waitForSelector('[data-test=people-table] .el-table__row')
    assert.match(await page.textContent('[data-test=menu-people]'), /人员/)
    assert.match(await page.textContent('[data-test=people-table]'), /Anna Ivanova/)
    await shot(page, '01-office-people-zh')
    await page.click('text=Anna Ivanova')
    await page.waitForSelector('[data-test=person-detail] .el-descriptions')
    assert.match(await page.textContent('[data-test=person-detail]'), /RU52895433/)  // office sees the full number
    await page.keyboard.press('Escape')
    await page.click('[data-test=lang-en]')
    await page.waitForFunction(() => document.querySelector('[data-test=menu-people]')?.textContent?.includes('People'))
    assert.match(await page.textContent('[data-test=people-table]'), /Foreign staff/)
    // The choice is remembered for the user: a fresh browser shows English after login.
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const p2 = await other.newPage()
    await login(p2, server.base, 'office')
    await p2.waitForSelector('[data-test=menu-people]')
    assert.match(await p2.textContent('[data-test=menu-people]'), /People/)
    await shot(page, '02-office-people-en')
    await other.close()
    await ctx.close()
  })

  it('a foreign staff member uses a phone in English and sees only their record', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true,
      hasTouch: true, locale: 'en-GB' })
    const page = await ctx.newPage()
    await page.goto(server.base + '/login')
    assert.match(await page.textContent('[data-test=login-submit]'), /Log in/)
    await page.fill('[data-test=username]', 'foreign')
    await page.fill('[data-test=password]', 'wrong password')
    await page.click('[data-test=login-submit]')
    await page.waitForSelector('[data-test=login-error]')
    assert.match(await page.textContent('[data-test=login-error]'), /Wrong username or password/)
    await shot(page, '03-phone-login-error')
    await login(page, server.base, 'foreign')
    await page.waitForURL(/\/health\/checkin/)  // foreign staff land on their check-in
    await page.goto(server.base + '/me')
    await page.waitForSelector('[data-test=my-record]')
    assert.match(await page.textContent('[data-test=my-record]'), /Oliver Bennett/)
    assert.match(await page.textContent('[data-test=my-record]'), /GB52840000/)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`)
    await page.click('[data-test=menu-toggle]')
    await page.waitForSelector('[data-test=drawer-me]')
    await page.waitForTimeout(500) // let the drawer finish sliding in
    assert.equal(await page.locator('[data-test=drawer-people]').count(), 0)
    await shot(page, '04-phone-foreign-menu')
    const res = await page.evaluate(() => fetch('/api/v1/people').then((r) => r.status))
    assert.equal(res, 403)
    // A page the role may not open says so; a page whose data cannot load says why.
    await page.goto(server.base + '/admin/users')
    await page.waitForSelector('[data-test=forbidden]')
    assert.match(await page.textContent('[data-test=forbidden]'), /Not available to your role/)
    await shot(page, '04b-phone-forbidden')
    await page.goto(server.base + '/incidents/999999')
    await page.waitForSelector('[data-test=load-error]')
    assert.match(await page.textContent('[data-test=load-error]'), /could not load/)
    await ctx.close()
  })

  it('office staff import a file with an invalid row, fix it, and export the list', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.goto(server.base + '/people')
    await page.waitForSelector('[data-test=people-table] .el-table__row')
    // The office user chose English in the first test; switch back to Chinese.
    await page.click('[data-test=lang-zh]')
    await page.waitForFunction(() => document.querySelector('[data-test=menu-people]')?.textContent?.includes('人员'))

    const bad = join(server.dir, 'people-bad.csv')
    writeFileSync(bad, '外文姓名,国籍,证件号码,类别,单位\nHanna Berg,SE,S7001,外籍工作人员,SIE\nNo Country,XX,S7002,外籍工作人员,SIE\n')
    await page.click('[data-test=people-import]')
    await page.setInputFiles('[data-test=import-file]', bad)
    await page.waitForSelector('[data-test=import-issues]')
    await page.waitForTimeout(400) // dialog animation
    assert.match(await page.textContent('[data-test=import-summary]'), /共 2 行，有效 1 行，无效 1 行/)
    const issues = await page.textContent('[data-test=import-issues]')
    assert.match(issues, /3/)
    assert.match(issues, /国籍/)
    assert.match(issues, /国籍 应为 ISO 3166 两位国家代码/)
    assert.equal(await page.locator('[data-test=import-confirm]').count(), 0)
    await shot(page, '05-import-invalid-row')

    const good = join(server.dir, 'people-good.csv')
    writeFileSync(good, '外文姓名,国籍,证件号码,类别,单位\nHanna Berg,SE,S7001,外籍工作人员,SIE\nJonas Berg,SE,S7002,外籍工作人员,SIE\n')
    await page.click('[data-test=import-again]')
    await page.setInputFiles('[data-test=import-file]', good)
    await page.waitForSelector('[data-test=import-confirm]')
    await page.click('[data-test=import-confirm]')
    await page.waitForSelector('[data-test=import-done]')
    assert.match(await page.textContent('[data-test=import-done]'), /已导入 2 人/)
    await shot(page, '06-import-done')
    await page.keyboard.press('Escape')

    await page.fill('[data-test=people-search]', 'berg')
    await page.click('[data-test=people-search-btn]')
    await page.waitForFunction(() => document.querySelectorAll('[data-test=people-table] .el-table__row').length === 2)

    await page.click('[data-test=people-export]')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=people-export-xlsx]')])
    const file = join(server.dir, download.suggestedFilename())
    await download.saveAs(file)
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    const bytes = readFileSync(file)
    assert.equal(bytes.subarray(0, 2).toString(), 'PK')
    await shot(page, '07-export')
    await ctx.close()
  })

  it('a foreign staff member reports their temperature from a phone, and the office sees it', async () => {
    // Whatever the time of day the tests run, give Oliver a slot that is open all day.
    const foreign = await apiLogin(server.base, 'foreign')
    const { body: slots } = await api(server.base, foreign, 'GET', '/api/v1/health/me/slots')
    const { body: me } = await api(server.base, foreign, 'GET', '/api/v1/me/person')
    const office = await apiLogin(server.base, 'office')
    const plan = await api(server.base, office, 'POST', '/api/v1/health/plans', {
      name: 'e2e observation', kind: 'observation', start_date: slots.today, observation_days: 2,
      person_ids: [me.id], slots: [{ name: 'morning', start: '00:00', end: '24:00' }],
    })
    assert.equal(plan.status, 201, JSON.stringify(plan.body))

    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true,
      hasTouch: true, locale: 'en-GB', timezoneId: 'Asia/Shanghai' })
    const page = await ctx.newPage()
    const started = Date.now()
    await login(page, server.base, 'foreign')
    await page.goto(server.base + '/health/checkin')
    await page.waitForSelector('[data-test=checkin-submit]')
    assert.match(await page.textContent('[data-test=checkin-slot]'), /Morning report/)
    // No temperature is filled in: one tap cannot send 36.5, and an empty one is refused.
    assert.equal(await page.inputValue('[data-test=checkin-temperature] input'), '')
    await page.click('[data-test=checkin-submit]')
    await page.waitForSelector('.el-form-item.is-error [data-test=checkin-temperature]')
    await page.fill('[data-test=checkin-temperature] input', '36.8')
    await page.click('[data-test=checkin-symptom-cough]')
    // A half-filled form survives a language switch.
    await page.click('[data-test=lang-zh]')
    await page.waitForFunction(() => document.querySelector('[data-test=checkin-submit]')?.textContent?.includes('提交'))
    assert.equal(await page.inputValue('[data-test=checkin-temperature] input'), '36.8')
    assert.ok(await page.isChecked('[data-test=checkin-symptom-cough] input'))
    await page.click('[data-test=lang-en]')
    await page.waitForFunction(() => document.querySelector('[data-test=checkin-submit]')?.textContent?.includes('Submit'))
    await page.click('[data-test=checkin-submit]')
    await page.waitForSelector('[data-test=checkin-result]')
    const seconds = (Date.now() - started) / 1000
    assert.match(await page.textContent('[data-test=checkin-result]'), /Morning report submitted/)
    assert.match(await page.textContent('[data-test=checkin-reported]'), /36\.8 °C/)
    assert.ok(seconds < 30, `reporting took ${seconds} s`)
    // The form then shows what was reported, and my history has it.
    await page.waitForSelector('[data-test=checkin-already]')
    assert.equal(await page.inputValue('[data-test=checkin-temperature] input'), '36.8')
    assert.match(await page.textContent('[data-test=my-history]'), /36\.8 °C/)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`)
    await shot(page, '09-phone-checkin-done')
    // A second report in the same slot is a correction; a fever raises an alert.
    await page.fill('[data-test=checkin-temperature] input', '37.6')
    await page.click('[data-test=checkin-submit]')
    await page.waitForFunction(() => document.querySelector('[data-test=checkin-result]')?.textContent?.includes('version 2'))
    assert.match(await page.textContent('[data-test=checkin-alert]'), /health concern/)
    await shot(page, '10-phone-checkin-correction')
    // The scheduler asks for a re-check: the notice arrives in English, readable on the phone.
    let recheck = null
    for (let i = 0; i < 50 && !recheck; i++) {
      const { body } = await api(server.base, foreign, 'GET', '/api/v1/notices')
      recheck = body.items.find((n) => n.kind === 'recheck')
      if (!recheck) await new Promise((ok) => setTimeout(ok, 200))
    }
    assert.ok(recheck, 'no re-check notice arrived')
    await page.goto(server.base + '/notices')
    await page.waitForSelector('[data-test=notice]')
    const card = page.locator('[data-test=notice]', { hasText: 'Please re-check your temperature before' })
    await card.waitFor()
    await card.click()
    await page.waitForSelector('[data-test=notice-body]')
    await page.waitForTimeout(500)  // the dialog's opening animation
    assert.match(await page.textContent('[data-test=notice-body]'), /showed a temperature of 37\.6 °C/)
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(wide <= 1, `notices page is ${wide}px wider than the phone`)
    await shot(page, '12-phone-notice')
    // The re-check is its own report, sent from the check-in page whenever it is due.
    await page.goto(server.base + '/health/checkin')
    await page.waitForSelector('[data-test=recheck-card]')
    assert.match(await page.textContent('[data-test=recheck-why]'), /37\.6 °C/)
    assert.equal(await page.inputValue('[data-test=recheck-temperature] input'), '')
    await shot(page, '12b-phone-recheck-asked')
    await page.fill('[data-test=recheck-temperature] input', '36.9')
    await page.click('[data-test=recheck-submit]')
    await page.waitForSelector('[data-test=recheck-result]')
    assert.match(await page.textContent('[data-test=recheck-result]'), /36\.9 °C recorded/)
    assert.equal(await page.locator('[data-test=recheck-card]').count(), 0)
    await page.waitForSelector('[data-test=my-recheck]')
    assert.match(await page.textContent('[data-test=my-history]'), /Re-check 36\.9/)
    assert.match(await page.textContent('[data-test=my-history]'), /37\.6 °C/)  // the fever stays
    const wider = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(wider <= 1, `check-in page is ${wider}px wider than the phone`)
    await shot(page, '12c-phone-recheck-done')
    await ctx.close()
    // The office was told of the alert, in Chinese.
    const { body: officeNotices } = await api(server.base, office, 'GET', '/api/v1/notices')
    assert.ok(officeNotices.items.some((n) => n.kind === 'alert' && /健康预警：Oliver Bennett 体温 37\.6 °C/.test(n.subject)),
      JSON.stringify(officeNotices.items.map((n) => n.subject)))

    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    const p2 = await desk.newPage()
    await login(p2, server.base, 'leader')
    await p2.click('[data-test=menu-health-today]')
    await p2.waitForSelector('[data-test=slot-card]')
    await p2.waitForSelector('[data-test=alerts-card]')
    assert.match(await p2.textContent('[data-test=alerts-card]'), /Oliver Bennett/)
    assert.match(await p2.textContent('[data-test=alerts-card]'), /发热/)
    assert.match(await p2.textContent('[data-test=alert-status]'), /已复测/)
    assert.match(await p2.textContent('[data-test=alert-temperature]'), /37\.6/)
    assert.match(await p2.textContent('[data-test=alert-recheck]'), /36\.9/)
    assert.equal(await p2.locator('[data-test=alert-close]').count(), 0)  // a leader reads, does not close
    await p2.waitForSelector('[data-test=missing-table] .el-table__row')
    await p2.waitForSelector('[data-test=trend-card] canvas')
    await shot(p2, '11-leader-health-today')
    await p2.click('[data-test=health-export]')
    const [report] = await Promise.all([p2.waitForEvent('download'), p2.click('[data-test=health-export-xlsx]')])
    assert.match(report.suggestedFilename(), /^健康日报-\d{4}-\d{2}-\d{2}\.xlsx$/)
    await desk.close()
  })

  it('office staff set a report plan, remind the missing and record a report made by phone', async () => {
    // Emily reports all day under an observation plan, so the test works at any hour.
    const office = await apiLogin(server.base, 'office')
    const { body: people } = await api(server.base, office, 'GET', '/api/v1/people?q=Emily')
    const emily = people.items[0]
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
    const plan = await api(server.base, office, 'POST', '/api/v1/health/plans', {
      name: 'e2e all day', kind: 'observation', start_date: today, observation_days: 2,
      person_ids: [emily.id], slots: [{ name: 'morning', start: '00:00', end: '24:00' }],
    })
    assert.equal(plan.status, 201, JSON.stringify(plan.body))

    const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'en-GB' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.click('[data-test=lang-en]')
    // Report plans: a new one for a school, with its times, in the web app.
    await page.goto(server.base + '/health/plans')
    await page.waitForSelector('[data-test=report-plans] .el-table__row')
    await page.click('[data-test=plan-create]')
    await page.fill('[data-test=plan-name]', 'SMAT staff')
    await page.click('[data-test=plan-unit]')
    await page.click('.el-select-dropdown__item:has-text("School of Materials Science")')
    await page.click('[data-test=plan-save]')
    await page.waitForFunction(() => document.querySelector('[data-test=report-plans]')?.textContent?.includes('SMAT staff'))
    const row = page.locator('[data-test=report-plans] .el-table__row', { hasText: 'SMAT staff' })
    assert.match(await row.textContent(), /Morning 07:00–10:00, Afternoon 14:00–17:00/)
    await shot(page, '16-report-plans')
    // The people of an observation plan: Jack Wilson joins Emily, by name.
    await page.locator('[data-test=report-plans] .el-table__row', { hasText: 'e2e all day' }).locator('[data-test=plan-edit]').click()
    await page.waitForSelector('[data-test=plan-person]:has-text("Emily Carter")')
    await page.click('[data-test=plan-add-person]')
    await page.keyboard.type('Jack')
    await page.click('.el-select-dropdown__item:visible:has-text("Jack Wilson")')
    await page.waitForSelector('[data-test=plan-person]:has-text("Jack Wilson")')
    await shot(page, '16b-plan-people')
    await page.click('[data-test=plan-save]')
    await page.waitForSelector('[data-test=plan-save]', { state: 'hidden' })
    const { body: plans } = await api(server.base, office, 'GET', '/api/v1/health/plans')
    const observed = plans.items.find((p) => p.id === plan.body.id)
    assert.deepEqual(observed.people.map((p) => p.name_latin).sort(), ['Emily Carter', 'Jack Wilson'])
    // The missing list: remind now, and record Emily's report made by phone.
    await page.goto(server.base + '/health/today')
    await page.waitForSelector('[data-test=missing-table] .el-table__row')
    await page.click('[data-test=remind-now]')
    await page.waitForSelector('.el-message--success')
    assert.match(await page.textContent('.el-message--success'), /Reminders queued for \d+ people/)
    const emilyRow = page.locator('[data-test=missing-table] .el-table__row', { hasText: 'Emily Carter' })
    await emilyRow.locator('[data-test=record-on-behalf]').click()
    await page.waitForSelector('[data-test=on-behalf-temperature]')
    await page.fill('[data-test=on-behalf-temperature] input', '36.7')
    await shot(page, '17-record-on-behalf')
    await page.click('[data-test=on-behalf-save]')
    await page.waitForFunction(() => document.body.textContent.includes('Report recorded'))
    const { body: history } = await api(server.base, office, 'GET', `/api/v1/health/people/${emily.id}/checkins`)
    const made = history.items.find((c) => c.temperature === 36.7)
    assert.ok(made, JSON.stringify(history.items))
    assert.equal(made.channel, 'phone')
    await page.click('[data-test=lang-zh]')  // the office keeps working in Chinese in the next tests
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN')
    await ctx.close()
  })

  it('the fever alert became an incident; the office works its checklist on a phone', async () => {
    const office = await apiLogin(server.base, 'office')
    let incident = null
    for (let i = 0; i < 50 && !incident; i++) {
      const { body } = await api(server.base, office, 'GET', '/api/v1/incidents?open=1')
      incident = body.items.find((x) => x.incident_type === 'fever' && x.person_name === 'Oliver Bennett')
      if (!incident) await new Promise((ok) => setTimeout(ok, 200))
    }
    assert.ok(incident, 'no incident was opened for the fever alert')
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true,
      hasTouch: true, locale: 'zh-CN' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.goto(server.base + '/incidents')
    await page.waitForSelector('[data-test=incident-card]')
    await shot(page, '13-phone-incidents')
    await page.click('[data-test=incident-card]')
    await page.waitForSelector('[data-test=incident-step]')
    // The title names the kind and day only (it travels into emails); the person is shown beside it.
    assert.match(await page.textContent('[data-test=incident-heading]'), /^发热 \/ Fever · \d{4}-\d{2}-\d{2}$/)
    assert.match(await page.textContent('[data-test=incident-person]'), /Oliver Bennett/)
    assert.match(await page.textContent('[data-test=incident-step]'), /电话核实情况/)
    await page.click('[data-test=step-done]')
    await page.waitForSelector('[data-test=incident-step].done')
    await page.fill('[data-test=incident-note]', '已电话联系，本人情况稳定')
    await page.click('[data-test=incident-note-save]')
    await page.waitForFunction(() => document.body.textContent.includes('本人情况稳定'))
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(wide <= 1, `incident page is ${wide}px wider than the phone`)
    await shot(page, '14-phone-incident-checklist')
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=incident-pdf]')])
    assert.match(pdf.suggestedFilename(), /^事件报告-\d+\.pdf$/)
    await ctx.close()
  })

  it('office staff edit an emergency plan, which becomes a new version', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.goto(server.base + '/incident-plans')
    await page.waitForSelector('[data-test=plan]')
    await page.click('[data-test=plan-edit]')
    await page.waitForSelector('[data-test=plan-save]')
    await page.click('[data-test=plan-add-step]')
    await page.locator('[data-test=plan-step-zh]').last().fill('向家属通报情况')
    await page.locator('[data-test=plan-step-en]').last().fill('Brief the family')
    await shot(page, '15-plan-editor')
    await page.click('[data-test=plan-save]')
    await page.waitForFunction(() => /plan version 2|预案第 2 版/.test(document.body.textContent))
    const office = await apiLogin(server.base, 'office')
    const { body } = await api(server.base, office, 'GET', '/api/v1/incident-plans')
    const edited = body.items.find((p) => p.version === 2)
    assert.ok(edited, 'no plan reached version 2')
    assert.equal(edited.steps.at(-1).title_en, 'Brief the family')
    await ctx.close()
  })

  it('a leader reads without edit buttons; an admin sees the audit log', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const page = await ctx.newPage()
    await login(page, server.base, 'leader')
    await page.goto(server.base + '/people')
    await page.waitForSelector('[data-test=people-table] .el-table__row')
    assert.equal(await page.locator('[data-test=person-create]').count(), 0)
    assert.equal(await page.locator('[data-test=people-import]').count(), 0)
    assert.equal(await page.locator('[data-test=menu-audit]').count(), 0)
    await page.click('[data-test=user-menu]')
    await page.click('[data-test=logout]')
    await page.waitForURL(/\/login/)

    await login(page, server.base, 'admin')
    await page.click('[data-test=menu-audit]')
    await page.waitForSelector('[data-test=audit-table] .el-table__row')
    await page.click('[data-test=audit-action]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^导入$/ }).click()
    await page.click('[data-test=audit-search]')
    await page.waitForFunction(() => document.querySelector('[data-test=audit-table]')?.textContent?.includes('导入'))
    await shot(page, '08-admin-audit')
    await ctx.close()
  })
})

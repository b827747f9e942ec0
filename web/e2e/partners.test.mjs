// Partners and correspondence in a browser: the office finds a partner by part of its
// name, logs the partner's letter with its scan attached, answers it (the answer joins the
// thread and marks the letter answered), and follows a linked donor to its donations; the
// inbox shows the Comoros embassy's note as awaiting an answer; a department sees only the
// partners assigned to it and cannot change them; the office records the embassy's visit
// to the Pakistani students; on a 390×844 phone the office adds a partner in Chinese, is
// told which field is missing, and adds its contact.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { api, apiLogin, launch, login, pdfText, phone, shot, startServer } from './harness.mjs'

let server
let browser
let office
const desktop = { viewport: { width: 1366, height: 800 } }
// The smallest PDF the server's type check accepts (it reads the %PDF- signature).
const scan = { name: 'lyon-letter.pdf', mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n') }

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

describe('partners in a browser', () => {
  it('the office logs a letter with its scan, answers it, and follows a donor to its donations', async () => {
    const ctx = await browser.newContext({ ...desktop, locale: 'en', acceptDownloads: true })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.goto(`${server.base}/partners`)
    await page.waitForSelector('[data-test=partners-table] tr:has-text("Kansai")')
    // Part of a name, in the middle of a word, in either script.
    await page.fill('[data-test=partners-search]', 'chnologie de Ly')
    await page.press('[data-test=partners-search]', 'Enter')
    await page.waitForFunction(() => document.querySelectorAll('[data-test=partners-table] tbody tr').length === 1)
    assert.match(await page.innerText('[data-test=partners-table] tbody'), /Université de technologie de Lyon/)
    await shot(page, 'partners-01-search')
    await page.click('[data-test=partners-table] tbody tr')
    await page.waitForSelector('[data-test=partner-heading]:has-text("Lyon")')
    // The partner's own page shows its contact in full (the list masks them).
    assert.match(await page.innerText('[data-test=partner-contacts]'), /@/)
    await shot(page, 'partners-02-partner')

    await page.click('[data-test=partner-log-letter]')
    await page.fill('[data-test=letter-subject]', 'Invitation to the summer school (online)')
    await page.fill('[data-test=letter-summary]', 'The president invites our students to an online summer school in July.')
    await page.click('[data-test=letter-answer-needed]')
    await page.setInputFiles('[data-test=letter-file]', scan)
    await page.click('[data-test=letter-save]')
    await page.waitForSelector('[data-test=letter-heading]:has-text("summer school")')
    await page.waitForSelector('[data-test=letter-attachments] a:has-text("lyon-letter.pdf")')
    assert.match(await page.innerText('[data-test=answer-state]'), /Answer by \d{4}-\d{2}-\d{2}/)
    const letterId = Number(new URL(page.url()).pathname.split('/').pop())
    const logged = await api(server.base, office, 'GET', `/api/v1/partners/letters/${letterId}`)
    assert.equal(logged.body.direction, 'in')
    assert.equal(logged.body.answer_needed, true)
    assert.equal(logged.body.attachments.length, 1)
    assert.equal(logged.body.attachments[0].content_type, 'application/pdf')
    await shot(page, 'partners-03-letter')

    // Answer it: the answer goes out, joins the thread and marks the letter answered.
    await page.click('[data-test=letter-answer]')
    await page.fill('[data-test=letter-summary]', 'We accept with thanks; twelve students will take part.')
    await page.click('[data-test=letter-save]')
    await page.waitForSelector('[data-test=letter-heading]:has-text("Re: Invitation")')
    await page.waitForSelector('[data-test=letter-thread]')
    assert.equal(await page.locator('[data-test=letter-thread] .el-timeline-item').count(), 2)
    const answered = await api(server.base, office, 'GET', `/api/v1/partners/letters/${letterId}`)
    assert.notEqual(answered.body.answered_at, '')
    const reply = await api(server.base, office, 'GET', `/api/v1/partners/letters?thread_id=${letterId}`)
    assert.equal(reply.body.total, 2)
    assert.ok(reply.body.items.some((l) => l.direction === 'out' && l.reply_to === letterId))
    await shot(page, 'partners-04-thread')

    // The Welsh partner's linked donor leads to its 20,000 GBP.
    await page.goto(`${server.base}/partners`)
    await page.fill('[data-test=partners-search]', 'Trinity')
    await page.press('[data-test=partners-search]', 'Enter')
    await page.waitForFunction(() => document.querySelectorAll('[data-test=partners-table] tbody tr').length === 1)
    await page.click('[data-test=partners-table] tbody tr')
    // Its history: the letter of support, the donation and the letter of thanks in one
    // timeline, newest first, and the same as a briefing PDF.
    await page.waitForSelector('[data-test=partner-history]')
    const kinds = await page.locator('[data-test=partner-history] .entry').evaluateAll((xs) => xs.map((x) => x.dataset.test))
    assert.deepEqual(kinds, ['history-letter', 'history-donation', 'history-letter'])
    assert.match(await page.innerText('[data-test=history-donation]'), /Donation received[\s\S]*GBP 20000\.00/)
    assert.match(await page.innerText('[data-test=history-counts]'), /1 letters in, 1 letters out, 0 visits, 1 donations/)
    await shot(page, 'partners-04b-history')
    const [briefing] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=partner-briefing]')])
    assert.match(briefing.suggestedFilename(), /^partner-\d+\.pdf$/)
    const brief = pdfText(readFileSync(await briefing.path()))
    for (const want of ['Partner briefing', 'University of Wales Trinity Saint David', 'GBP 20000.00', 'Letter of thanks']) {
      assert.ok(brief.includes(want), `${want} in ${brief}`)
    }
    await page.waitForSelector('[data-test=partner-donors] a')
    await page.click('[data-test=partner-donors] a')
    await page.waitForSelector('[data-test=donations-donor]')
    await page.waitForSelector('[data-test=donations-table] tr:has-text("GBP 20000.00")')
    assert.equal(await page.locator('[data-test=donations-table] tbody tr').count(), 1)
    await ctx.close()
  })

  it('the office records the embassy visit with the Pakistani students visited, an action and a photo', async () => {
    const ctx = await browser.newContext({ ...desktop, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.goto(`${server.base}/partners`)
    await page.fill('[data-test=partners-search]', 'Pakistan')
    await page.press('[data-test=partners-search]', 'Enter')
    await page.waitForFunction(() => document.querySelectorAll('[data-test=partners-table] tbody tr').length === 1)
    await page.click('[data-test=partners-table] tbody tr')
    await page.waitForSelector('[data-test=partner-heading]:has-text("Pakistan")')
    await page.click('[data-test=partner-record-visit]')
    await page.fill('[data-test=visit-place]', 'Mafangshan campus')
    await page.fill('[data-test=visit-purpose]', 'To visit Pakistani students and postdoctoral researchers')
    await page.fill('[data-test=visitor-name-0]', 'Muhammad Junaid')
    await page.fill('[data-test=visitor-title-0]', 'Third Secretary')
    // Everyone of Pakistani nationality at once.
    await page.click('[data-test=visit-nationality]')
    await page.keyboard.type('Pakistan')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'Pakistan' }).first().click()
    await page.click('[data-test=visit-add-nationality]')
    await page.waitForSelector('[data-test=visit-people] .el-tag')
    const added = await page.locator('[data-test=visit-people] .el-tag').count()
    await page.fill('[data-test=visit-discussed]', 'Masks and daily necessities for Pakistani citizens on campus.')
    await page.click('[data-test=visit-save]')
    await page.waitForSelector('[data-test=visit-heading]:has-text("Pakistan")')
    assert.equal(await page.locator('[data-test=visit-people-list] .el-tag').count(), added)
    assert.match(await page.innerText('[data-test=visit-visitors]'), /Muhammad Junaid · Third Secretary/)
    await page.fill('[data-test=action-text]', 'Deliver the embassy masks to the students')
    await page.click('[data-test=action-add]')
    await page.waitForSelector('[data-test=visit-actions] li:has-text("Deliver the embassy masks")')
    await page.setInputFiles('[data-test=visit-photo]', { name: 'visit.png', mimeType: 'image/png',
      buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64') })
    await page.waitForSelector('[data-test=visit-photos] a:has-text("visit.png")')
    await shot(page, 'partners-09-visit')
    const id = Number(new URL(page.url()).pathname.split('/').pop())
    const { body } = await api(server.base, office, 'GET', `/api/v1/partners/visits/${id}`)
    assert.ok(body.people.length >= 1)
    assert.ok(body.people.every((p) => p.nationality === 'PK'))
    assert.equal(body.actions.length, 1)
    assert.equal(body.photos.length, 1)
    // It is in the partner's history and in the visit log.
    await page.goto(`${server.base}/partners/visits`)
    await page.waitForSelector('[data-test=visits-table] tr:has-text("Pakistan")')
    await shot(page, 'partners-10-visits')
    await ctx.close()
  })

  it('the inbox shows the letters awaiting an answer', async () => {
    const ctx = await browser.newContext({ ...desktop, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.goto(`${server.base}/partners/letters?state=awaiting&box=in`)
    await page.waitForSelector('[data-test=letters-table] tr:has-text("Comoros")')
    const text = await page.innerText('[data-test=letters-table] tbody')
    assert.match(text, /Note verbale/)
    assert.doesNotMatch(text, /Letter of thanks/)  // sent, and needs no answer
    await shot(page, 'partners-05-inbox')
    await ctx.close()
  })

  it('a department sees only the partners assigned to it, read-only', async () => {
    const ctx = await browser.newContext({ ...desktop, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'hr')
    await page.goto(`${server.base}/partners`)
    await page.waitForSelector('[data-test=partners-table] tr:has-text("Kansai")')
    const names = await page.innerText('[data-test=partners-table] tbody')
    assert.match(names, /Great Lakes/)
    assert.doesNotMatch(names, /Comoros|Lyon/)
    assert.equal(await page.locator('[data-test=partner-new]').count(), 0)
    assert.equal(await page.locator('[data-test=partners-import]').count(), 0)
    await page.click('[data-test=partners-table] tbody tr:has-text("Kansai")')
    await page.waitForSelector('[data-test=partner-heading]')
    assert.equal(await page.locator('[data-test=partner-edit]').count(), 0)
    await shot(page, 'partners-06-department')
    await ctx.close()
  })

  it('the office imports partners from a spreadsheet, is told what is wrong and what it will do, and confirms', async () => {
    const ctx = await browser.newContext({ ...desktop, locale: 'en' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.goto(`${server.base}/partners`)
    await page.waitForSelector('[data-test=partners-table] tr:has-text("Kansai")')
    await page.click('[data-test=partners-import]')
    await page.waitForSelector('[data-test=import-dialog] [data-test=import-file]')
    await page.click('[data-test=import-unit]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'International Office' }).first().click()
    const head = 'English name,Kind,Country,Letter languages,Contact,Email\n'
    await page.setInputFiles('[data-test=import-file]', { name: 'partners-bad.csv', mimeType: 'text/csv',
      buffer: Buffer.from(head + 'Universidade do Minho,university,PT,"pt, en",Rita Costa,reitoria@uminho.example\n' +
        'Nowhere Institute,university,XX,en,,\n') })
    await page.waitForSelector('[data-test=import-issues]')
    assert.match(await page.innerText('[data-test=import-summary]'), /2 rows: 1 valid, 1 invalid/)
    assert.match(await page.innerText('[data-test=import-issues]'), /3[\s\S]*Country/)
    assert.equal(await page.locator('[data-test=import-confirm]').count(), 0)
    await shot(page, 'partners-07-import-invalid')
    await page.click('[data-test=import-again]')
    await page.setInputFiles('[data-test=import-file]', { name: 'partners.csv', mimeType: 'text/csv',
      buffer: Buffer.from(head + 'Universidade do Minho,university,PT,"pt, en",Rita Costa,reitoria@uminho.example\n' +
        'Universidade do Minho,,,,João Silva,vice@uminho.example\n' +
        'Kansai Institute of Technology,,,,Tanaka Kenji,president@kit-osaka.example\n') })
    await page.waitForSelector('[data-test=import-confirm]')
    assert.match(await page.innerText('[data-test=import-plan]'), /New partners: 1; partners that exist: 1; contacts to add: 2; contacts already there: 1/)
    await shot(page, 'partners-08-import-plan')
    await page.click('[data-test=import-confirm]')
    await page.waitForSelector('[data-test=import-done]')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=import-result]')
    assert.match(await page.innerText('[data-test=import-result]'), /1 new partners, 2 contacts added, 1 contacts already there/)
    await page.waitForSelector('[data-test=partners-table] tr:has-text("Universidade do Minho")')
    const listed = await api(server.base, office, 'GET', '/api/v1/partners?q=minho')
    assert.equal(listed.body.total, 1)
    assert.equal(listed.body.items[0].contacts.length, 2)
    await ctx.close()
  })

  it('on a phone, the office adds a partner in Chinese, is told what is missing, and adds its contact', async () => {
    const ctx = await browser.newContext({ ...phone, locale: 'zh-CN' })
    const page = await ctx.newPage()
    await login(page, server.base, 'office')
    await page.click('[data-test=lang-zh]')
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN')
    await page.goto(`${server.base}/partners`)
    await page.waitForSelector('[data-test=partner-card]')
    await page.click('[data-test=partner-new]')
    await page.fill('[data-test=partner-name-zh]', '埃及驻华大使馆')
    await page.fill('[data-test=partner-name-en]', 'Embassy of Egypt in China')
    await pick(page, 'partner-kind', '使馆')
    await page.click('[data-test=partner-save]')
    // No country yet: the form says so, in Chinese, beside the field.
    await page.waitForSelector('.el-form-item__error:has-text("国家")')
    await shot(page, 'partners-07-phone-missing')
    await page.click('[data-test=partner-country]')
    await page.keyboard.type('埃及')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '埃及' }).first().click()
    await page.click('[data-test=partner-save]')
    await page.waitForSelector('[data-test=partner-heading]:has-text("埃及驻华大使馆")')
    await page.click('[data-test=contact-add]')
    await page.fill('[data-test=contact-name]', 'Ahmed Farouk')
    await page.fill('[data-test=contact-title]', '参赞')
    await page.fill('[data-test=contact-email]', 'not-an-email')
    await page.click('[data-test=contact-save]')
    await page.waitForSelector('.el-form-item__error:has-text("邮箱")')
    await page.fill('[data-test=contact-email]', 'counsellor@egyptembassy.example')
    await page.click('[data-test=contact-save]')
    await page.waitForSelector('[data-test=partner-contacts]:has-text("Ahmed Farouk")')
    await shot(page, 'partners-08-phone-partner')
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(wide <= 1, `${wide}px wider than the phone`)
    const { body } = await api(server.base, office, 'GET', '/api/v1/partners?q=' + encodeURIComponent('埃及驻华'))
    assert.equal(body.total, 1)
    assert.equal(body.items[0].country, 'EG')
    assert.equal(body.items[0].kind, 'embassy')
    assert.equal(body.items[0].contacts[0].name, 'Ahmed Farouk')
    await ctx.close()
  })
})

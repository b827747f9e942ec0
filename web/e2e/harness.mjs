// Browser-test harness: a real tongxin server over a fresh SQLite database with the demo
// data, serving the built web app, and Debian's Chromium driven by playwright-core.
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
export const webRoot = resolve(here, '../dist')
export const shotsDir = resolve(here, 'screenshots')
const bin = process.env.TONGXIN_BIN ?? resolve(here, '../../build/release/tongxin')

// `smtpUrl`: email goes to that SMTP server (see startSmtpSink); none by default.
// The phone every browser test checks the app on.
export const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

// Fails when the page scrolls sideways on the phone.
export async function noWiderThanThePhone(page, what) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  if (wide > 1) throw new Error(`${what} is ${wide}px wider than the phone`)
}

export async function startServer({ smtpUrl = '' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tongxin-e2e-'))
  const db = `sqlite:${join(dir, 'e2e.db')}`
  // Background jobs every second, so alert notices appear while the test watches.
  const env = { ...process.env, ASAN_OPTIONS: 'detect_leaks=0', TONGXIN_JOBS_INTERVAL_SECONDS: '1' }
  execFileSync(bin, ['demo', '--db', db, '--log-level', 'warn'], { env, stdio: 'inherit' })
  const smtp = smtpUrl ? ['--notify-smtp-url', smtpUrl, '--notify-smtp-from', 'office@tongxin.example'] : []
  const proc = spawn(bin, ['serve', '--db', db, '--port', '0', '--web-root', webRoot, ...smtp], { env })
  const port = await new Promise((ok, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error('server did not start: ' + out)), 30000)
    const onData = (d) => {
      out += d.toString()
      const m = out.match(/listening on http:\/\/127\.0\.0\.1:(\d+)/)
      if (m) {
        clearTimeout(timer)
        ok(Number(m[1]))
      }
    }
    proc.stdout.on('data', onData)
    proc.stderr.on('data', onData)
    proc.on('exit', (code) => fail(new Error(`server exited with ${code}: ${out}`)))
  })
  return {
    base: `http://127.0.0.1:${port}`,
    dir,
    stop: () => new Promise((ok) => { proc.once('exit', ok); proc.kill('SIGTERM') }),
  }
}

export async function launch() {
  mkdirSync(shotsDir, { recursive: true })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu',
      '--disable-dev-shm-usage', '--no-first-run', '--disable-sync'],
  })
  // axe-core is injected into the pages it checks: past the app's strict CSP (which the
  // server's own tests check), in every context the tests open.
  const newContext = browser.newContext.bind(browser)
  browser.newContext = (options = {}) => newContext({ bypassCSP: true, ...options })
  return browser
}

export async function login(page, base, username, password = 'Tongxin2020!') {
  await page.goto(base + '/login')
  await page.fill('[data-test=username]', username)
  await page.fill('[data-test=password]', password)
  await page.click('[data-test=login-submit]')
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
}

// A screenshot of the page as the test left it, after checking it with axe-core: every
// page a test visits is screenshot, so every one is checked.
export async function shot(page, name) {
  await assertAccessible(page, name)
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true })
}

// API calls from the test itself (to arrange data), with a session like the browser's.
export async function apiLogin(base, username, password = 'Tongxin2020!') {
  const res = await fetch(base + '/api/v1/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
  })
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const me = await res.json()
  return { cookie, csrf: me.csrf_token }
}

export async function api(base, auth, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { Cookie: auth.cookie, 'X-CSRF-Token': auth.csrf, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: await res.json().catch(() => null) }
}

// axe-core on the page as it is now: serious and critical WCAG 2 A/AA violations, as
// readable lines ("color-contrast: .el-button--primary (3 nodes)"); [] when none.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
export async function axeViolations(page) {
  // Colours are judged when transitions (menus fading, tags appearing) have finished.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null,
    { timeout: 3000 }).catch(() => {})
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource })
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')} (${v.nodes.length} nodes)`)
}

// Fails the test when the page has serious or critical accessibility violations.
export async function assertAccessible(page, name) {
  const found = await axeViolations(page)
  if (found.length) throw new Error(`axe-core on ${name}:\n  ${found.join('\n  ')}`)
}

// A real SMTP server on 127.0.0.1 for browser tests: accepts every message and keeps it
// (envelope recipient, headers and body as sent), enough of RFC 5321 for libcurl.
export async function startSmtpSink() {
  const { createServer } = await import('node:net')
  const messages = []
  const server = createServer((sock) => {
    let buf = ''
    let inData = false
    let rcpt = ''
    sock.write('220 sink ESMTP\r\n')
    sock.on('data', (chunk) => {
      buf += chunk.toString('latin1')
      for (;;) {
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n')
          if (end < 0) return
          messages.push({ to: rcpt, data: Buffer.from(buf.slice(0, end), 'latin1').toString('utf8') })
          buf = buf.slice(end + 5)
          inData = false
          sock.write('250 queued\r\n')
          continue
        }
        const nl = buf.indexOf('\r\n')
        if (nl < 0) return
        const line = buf.slice(0, nl)
        buf = buf.slice(nl + 2)
        const cmd = line.toUpperCase()
        if (cmd.startsWith('EHLO') || cmd.startsWith('HELO')) sock.write('250-sink\r\n250 SIZE 52428800\r\n')
        else if (cmd.startsWith('RCPT')) { rcpt = line.slice(8).replace(/[<>]/g, ''); sock.write('250 ok\r\n') }
        else if (cmd === 'DATA') { inData = true; sock.write('354 go\r\n') }
        else if (cmd === 'QUIT') { sock.end('221 bye\r\n'); return }
        else sock.write('250 ok\r\n')
      }
    })
    sock.on('error', () => {})
  })
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok))
  return {
    url: `smtp://127.0.0.1:${server.address().port}`,
    messages,
    stop: () => new Promise((ok) => server.close(ok)),
  }
}

// The parts of a multipart message: headers and decoded body of each attached file.
export function mailFiles(data) {
  const type = data.match(/^Content-Type: multipart\/mixed; boundary="([^"]+)"/mi)
  if (!type) return []
  return data.split('--' + type[1]).slice(1, -1).map((part) => {
    const [head, ...rest] = part.split('\r\n\r\n')
    const name = head.match(/filename\*=UTF-8''([^\r\n]+)/)
    return name ? { filename: decodeURIComponent(name[1]), head, bytes: Buffer.from(rest.join('').replace(/\s+/g, ''), 'base64') } : null
  }).filter(Boolean)
}

// The text of a PDF (poppler's pdftotext).
export function pdfText(bytes) {
  const file = join(mkdtempSync(join(tmpdir(), 'tongxin-pdf-')), 'letter.pdf')
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8')
}

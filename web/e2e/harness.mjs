// Browser-test harness: a real tongxin server over a fresh SQLite database with the demo
// data, serving the built web app, and Debian's Chromium driven by playwright-core.
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
export const webRoot = resolve(here, '../dist')
export const shotsDir = resolve(here, 'screenshots')
const bin = process.env.TONGXIN_BIN ?? resolve(here, '../../build/release/tongxin')

export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'tongxin-e2e-'))
  const db = `sqlite:${join(dir, 'e2e.db')}`
  // Background jobs every second, so alert notices appear while the test watches.
  const env = { ...process.env, ASAN_OPTIONS: 'detect_leaks=0', TONGXIN_JOBS_INTERVAL_SECONDS: '1' }
  execFileSync(bin, ['demo', '--db', db, '--log-level', 'warn'], { env, stdio: 'inherit' })
  const proc = spawn(bin, ['serve', '--db', db, '--port', '0', '--web-root', webRoot], { env })
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
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu',
      '--disable-dev-shm-usage', '--no-first-run', '--disable-sync'],
  })
}

export async function login(page, base, username, password = 'Tongxin2020!') {
  await page.goto(base + '/login')
  await page.fill('[data-test=username]', username)
  await page.fill('[data-test=password]', password)
  await page.click('[data-test=login-submit]')
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
}

export const shot = (page, name) => page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true })

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

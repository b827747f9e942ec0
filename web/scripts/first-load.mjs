// The JavaScript (and CSS) a first visit to the login page downloads: index.html's entry
// script, its modulepreloads and stylesheets, and the login view's chunk with its imports,
// gzipped. Used for the figure in bench/README.md.
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const dist = new URL('../dist/', import.meta.url).pathname
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const files = new Set()
for (const m of html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)) files.add(m[1])
// The login route is a lazy chunk: add it and whatever it imports statically.
const login = readdirSync(join(dist, 'assets')).filter((f) => /login/i.test(f) && /\.(js|css)$/.test(f))
const queue = [...files].filter((f) => f.endsWith('.js')).concat(login.map((f) => 'assets/' + f))
while (queue.length) {
  const f = queue.pop()
  files.add(f)
  const text = readFileSync(join(dist, f), 'utf8')
  for (const m of text.matchAll(/from\s*"\.\/([^"]+\.js)"|import\s*"\.\/([^"]+\.js)"/g)) {
    const dep = 'assets/' + (m[1] ?? m[2])
    if (!files.has(dep)) queue.push(dep)
  }
}
let js = 0, css = 0
for (const f of files) {
  const gz = gzipSync(readFileSync(join(dist, f))).length
  if (f.endsWith('.js')) js += gz
  else css += gz
}
console.log(JSON.stringify({ files: files.size, js_gzip_kb: +(js / 1024).toFixed(1), css_gzip_kb: +(css / 1024).toFixed(1) }))

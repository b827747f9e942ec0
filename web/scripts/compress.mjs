// Writes a .gz next to every compressible file in dist/, served by the server when the
// browser accepts gzip.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const exts = ['.js', '.css', '.html', '.svg', '.json']
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p)
    else if (exts.some((e) => p.endsWith(e)) && statSync(p).size > 1024) {
      writeFileSync(p + '.gz', gzipSync(readFileSync(p), { level: 9 }))
    }
  }
}
walk(new URL('../dist', import.meta.url).pathname)

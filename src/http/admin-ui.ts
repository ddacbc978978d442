import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Hono } from 'hono'
import { ApiError } from '../errors.js'
import { adminRoute } from './admin-route.js'

/** Where the page's own files are: `ui/` at the package's root (beside `src/` and `dist/`). */
const UI_FOLDER = fileURLToPath(new URL('../../ui/', import.meta.url))
const resolve = createRequire(import.meta.url).resolve

/** A file the dashboard serves: where it is read from and its Content-Type. */
interface Asset {
  path: string
  type: string
}

const JS = 'text/javascript; charset=utf-8'

/**
 * The dashboard's files by the name they are served under (`/__mock/ui/NAME`): its own, and the
 * libraries it runs on (preact, its hooks, htm; pinned dependencies of the package, shipped in its
 * tarball), read from where Node resolves them, so nothing comes from the network.
 */
const ASSETS: Readonly<Record<string, Asset>> = {
  'app.js': { path: `${UI_FOLDER}app.js`, type: JS },
  'style.css': { path: `${UI_FOLDER}style.css`, type: 'text/css; charset=utf-8' },
  'preact.mjs': { path: resolve('preact'), type: JS },
  'hooks.mjs': { path: resolve('preact/hooks'), type: JS },
  // htm's `require` entry is CommonJS; its ES module sits beside it.
  'htm.mjs': { path: join(dirname(resolve('htm')), 'htm.mjs'), type: JS },
}

/** The bare names the page's modules import, mapped to the files above (the page's import map). */
const IMPORT_MAP = JSON.stringify({ imports: { preact: '/__mock/ui/preact.mjs', 'preact/hooks': '/__mock/ui/hooks.mjs', htm: '/__mock/ui/htm.mjs' } })

/**
 * The page's Content-Security-Policy: scripts, styles and requests to this server only, the
 * inline import map allowed by its hash. A page that tried to reach another host would fail
 * in the browser, not leak.
 */
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'sha256-${createHash('sha256').update(IMPORT_MAP).digest('base64')}'`,
  "img-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ')

/**
 * The dashboard (docs/dashboard.md): `GET /__mock/ui` answers the page, `GET /__mock/ui/NAME`
 * its scripts and styles ({@link ASSETS}); an unknown NAME answers a 404 envelope. Under
 * `/__mock/`, so the admin access rules hold for the page and its files as for every admin route
 * it calls (loopback clients, or the admin token; a browser sends the token as the password
 * of `Authorization: Basic`, which the 401 asks for). Files are read once, on first use.
 */
export function adminUiRoutes(admin: Hono): void {
  const read = new Map<string, string>()
  const text = (path: string) => {
    let content = read.get(path)
    if (content === undefined) {
      content = readFileSync(path, 'utf8')
      read.set(path, content)
    }
    return content
  }
  const headers = (type: string) => ({ 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
  adminRoute(admin, '/__mock/ui', 'mockUi', {
    GET: (c) => {
      const page = text(`${UI_FOLDER}index.html`).replace('<!--import-map-->', `<script type="importmap">${IMPORT_MAP}</script>`)
      return c.body(page, 200, { ...headers('text/html; charset=utf-8'), 'Content-Security-Policy': CSP })
    },
  })
  adminRoute(admin, '/__mock/ui/:name', 'mockUi', {
    GET: (c) => {
      const name = c.req.param('name') ?? ''
      const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined
      if (asset === undefined) throw new ApiError(404, `No dashboard file ${JSON.stringify(name)}; the dashboard is at /__mock/ui`)
      return c.body(text(asset.path), 200, headers(asset.type))
    },
  })
}

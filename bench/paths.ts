import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The mock-cloud checkout the benchmark runs against (its package.json's folder), found by package name. */
export const ROOT = dirname(createRequire(import.meta.url).resolve('mock-cloud/package.json'))

/** The `mock-cloud` command as a test harness spawns it: `node bin/mock-cloud.js`. */
export const BIN = join(ROOT, 'bin', 'mock-cloud.js')

/** The bundled fixture of `fixtures/`. */
export const BUNDLED_FIXTURE = join(ROOT, 'fixtures', 'users.json')

/** The floor app's compiled entry point, beside this file. */
export const FLOOR_SERVER = join(dirname(new URL(import.meta.url).pathname), 'floor-server.js')

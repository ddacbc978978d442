// npm run examples: packs mock-cloud as `npm pack` does for a release, checks what the tarball
// holds (no tests, benchmark, sources or scripts; the bin, types, fixtures and every docs/ page
// the README links to), then copies each project of examples/ to a scratch folder, installs mock-cloud there
// from the tarball as the README tells a user (`npm install --save-dev <tarball>`), runs its
// `npm test`, and removes the scratch folder. Not part of `npm test`: it installs packages.
// `npm run examples -- jest mocha` runs only the examples named.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const EXAMPLES = join(ROOT, 'examples')
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'
// The installs ask the registry for nothing they do not need.
const ENV = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }

/** Runs a command, its output going to ours; returns the exit status. */
function run(command, args, cwd) {
  console.log(`\n$ ${[command, ...args].join(' ')}    (in ${cwd})`)
  const result = spawnSync(command, args, { cwd, env: ENV, stdio: 'inherit' })
  return result.status ?? 1
}

/** What must and must not be in the tarball; returns the problems found. */
function packProblems(files, manifest) {
  const paths = new Set(files.map((file) => file.path))
  const problems = []
  for (const folder of ['test', 'bench', 'src', 'examples', 'scripts']) {
    const inside = [...paths].filter((path) => path.startsWith(`${folder}/`))
    if (inside.length > 0) problems.push(`${inside.length} files of ${folder}/ are packed, e.g. ${inside[0]} (tests, benchmark, sources and scripts stay out)`)
  }
  const wanted = ['fixtures/users.json', manifest.bin['mock-cloud'].replace(/^\.\//, ''), manifest.types]
  // The manual the README links to, so its links work in an installed copy too.
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  for (const [, page] of readme.matchAll(/\]\((docs\/[^)#]+)/g)) wanted.push(page)
  for (const entry of Object.values(manifest.exports)) {
    if (typeof entry === 'object') wanted.push(entry.types, entry.default)
  }
  for (const path of wanted.map((target) => target.replace(/^\.\//, ''))) {
    if (!paths.has(path)) problems.push(`${path} is missing from the tarball`)
  }
  if (![...paths].some((path) => path.startsWith('dist/') && path.endsWith('.d.ts'))) problems.push('no type declarations (dist/*.d.ts)')
  return problems
}

const only = process.argv.slice(2)
const names = readdirSync(EXAMPLES).filter((name) => existsSync(join(EXAMPLES, name, 'package.json')) && (only.length === 0 || only.includes(name)))
const unknown = only.filter((name) => !names.includes(name))
if (unknown.length > 0) {
  console.error(`examples: no example named ${unknown.join(', ')}; the examples are ${readdirSync(EXAMPLES).join(', ')}`)
  process.exit(2)
}

const scratch = mkdtempSync(join(tmpdir(), 'mock-cloud-examples-'))
const results = []
try {
  const pack = spawnSync(NPM, ['pack', '--json', '--pack-destination', scratch], { cwd: ROOT, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  if (pack.status !== 0) throw new Error(`npm pack failed (exit ${pack.status})`)
  // `npm pack --json` prints the prepare script's output before the JSON.
  const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))
  const tarball = join(scratch, packed.filename)
  const problems = packProblems(packed.files, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')))
  for (const problem of problems) console.error(`examples: tarball: ${problem}`)
  results.push({ name: `tarball ${packed.filename} (${packed.entryCount} files)`, ok: problems.length === 0 })

  for (const name of names) {
    const started = Date.now()
    const dir = join(scratch, name)
    cpSync(join(EXAMPLES, name), dir, { recursive: true, filter: (source) => !relative(EXAMPLES, source).split(/[\\/]/).includes('node_modules') })
    const ok = run(NPM, ['install', '--save-dev', tarball], dir) === 0 && run(NPM, ['test'], dir) === 0
    results.push({ name: `example ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`, ok })
  }
} catch (error) {
  console.error(`examples: ${error.message}`)
  results.push({ name: 'npm pack', ok: false })
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

console.log('')
for (const result of results) console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name}`)
const failed = results.filter((result) => !result.ok).length
console.log(`examples: ${results.length - failed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1

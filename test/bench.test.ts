import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// `npm run bench -- --quick`: the benchmark still runs end to end and every
// figure is valid. It asserts no timing: a quick run on a busy CI machine measures nothing.
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const EXPECTED = [
  'http.floor-fixed', 'http.floor-filter', 'http.floor-filter-objects', 'http.show-me', 'http.show-id', 'http.login', 'http.create',
  'http.query', 'http.query-order', 'http.query-count', 'http.search', 'http.objects-create', 'http.objects-query',
  'http.photos-create', 'http.photos-show', 'http.notify-1000',
  'startup.spawn-10k', 'startup.in-process', 'memory.100k', 'reset.1k', 'reset.100k',
  ...['query', 'id', 'username', 'email', 'login'].flatMap((name) => ['1k', '10k', '100k'].map((size) => `scaling.${name}.${size}`)),
]

interface Figure {
  id: string
  value: number | null
  invalid?: string
  ratio?: { to: string; value: number | null }
  target?: { text: string; met: boolean }
}

describe('npm run bench -- --quick', () => {
  let dir: string
  let run: { code: number | null; stdout: string; stderr: string }
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mock-cloud-bench-test-'))
    const child = spawn(process.execPath, ['bench/dist/run.js', '--quick', '--out', join(dir, 'results.json')], { cwd: ROOT })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    run = { code, stdout, stderr }
  }, 300_000)
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('completes with exit code 0 and prints the table with every figure, none INVALID', () => {
    expect(run.stderr).not.toMatch(/Error/)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^mock-cloud benchmark, quick mode, /)
    for (const label of ['floor: Hono, fixed small JSON', 'users/show/me (with a session)', 'objects/cars/query where + limit=10', 'reset of a 100,000-user baseline']) {
      expect(run.stdout).toContain(label)
    }
    expect(run.stdout).not.toContain('INVALID')
  })

  it('writes every figure to the JSON file as a valid positive median, with ratios and targets judged', async () => {
    const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as { mode: string; figures: Figure[] }
    expect(results.mode).toBe('quick')
    expect(results.figures.map((figure) => figure.id)).toEqual(EXPECTED)
    for (const figure of results.figures) {
      expect(figure.invalid, figure.id).toBeUndefined()
      expect(figure.value, figure.id).toBeGreaterThan(0)
      if (figure.ratio) expect(figure.ratio.value, figure.id).toBeGreaterThan(0)
      if (figure.target) expect(typeof figure.target.met, figure.id).toBe('boolean')
    }
    const byId = new Map(results.figures.map((figure) => [figure.id, figure]))
    expect(byId.get('http.show-me')?.ratio?.to).toBe('http.floor-fixed')
    expect(byId.get('http.query')?.ratio?.to).toBe('http.floor-filter')
    expect(byId.get('http.objects-create')?.ratio?.to).toBe('http.floor-fixed')
    expect(byId.get('http.objects-query')?.ratio?.to).toBe('http.floor-filter-objects')
    expect(byId.get('scaling.id.100k')?.ratio?.to).toBe('scaling.id.1k')
    expect(byId.get('reset.100k')?.target?.text).toBe('< 50 ms')
  })
})

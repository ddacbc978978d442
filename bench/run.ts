import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startChild } from './child.js'
import type { Figure } from './figure.js'
import { writeBenchFixture } from './fixture.js'
import { measureHttp, type HttpPlan } from './http.js'
import { measureInProcess, type InProcessPlan } from './in-process.js'
import { measureMemory } from './memory.js'
import { BIN, FLOOR_SERVER, ROOT } from './paths.js'
import { formatTable, thisMachine, type Results } from './report.js'
import { measureStartup } from './startup.js'
import { judge } from './targets.js'

/**
 * `npm run bench [-- --quick] [-- --out FILE]`: the benchmark of issue 5 against dist/, on
 * loopback only. Prints a table and writes the results as JSON (default bench/results.json; with
 * --quick, bench-results/quick.json, which git ignores).
 * Exit code 1 when any figure is INVALID, 2 for a bad command line.
 */

interface Plan {
  http: HttpPlan
  startupRounds: number
  memoryRounds: number
  inProcess: InProcessPlan
}

/** About 3 minutes on a 2-core machine. */
const FULL: Plan = {
  http: { rounds: 3, seconds: 3, warmupSeconds: 1 },
  startupRounds: 7,
  memoryRounds: 3,
  inProcess: { resetRounds: 15, scalingRounds: 7, batchMs: 100 },
}
/**
 * A tenth of a second per load scenario (at least 20 requests each, bench/load.ts), one sample of
 * everything else: proves the benchmark works end to end (npm test runs it), measures nothing worth quoting.
 */
const QUICK: Plan = {
  http: { rounds: 1, seconds: 0.1, warmupSeconds: 0 },
  startupRounds: 1,
  memoryRounds: 1,
  inProcess: { resetRounds: 2, scalingRounds: 1, batchMs: 10 },
}

async function main(): Promise<number> {
  let values: { quick?: boolean; out?: string }
  try {
    ;({ values } = parseArgs({ options: { quick: { type: 'boolean' }, out: { type: 'string' } } }))
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\nUsage: npm run bench -- [--quick] [--out FILE]\n`)
    return 2
  }
  const plan = values.quick ? QUICK : FULL
  // A quick run must not replace the committed figures of the last full run.
  const out = resolve(values.out ?? (values.quick ? join(ROOT, 'bench-results', 'quick.json') : join(ROOT, 'bench', 'results.json')))
  const started = new Date()
  const machine = thisMachine()
  if (machine.loadAtStart > machine.cores) {
    process.stderr.write(`bench: load average ${machine.loadAtStart} on ${machine.cores} cores: other work shares the machine, figures will be noisy\n`)
  }
  const figures: Figure[] = []
  const dir = await mkdtemp(join(tmpdir(), 'mock-cloud-bench-'))
  try {
    const fixture10k = await writeBenchFixture(dir, 10_000)
    const fixtureHttp = await writeBenchFixture(dir, 10_000, 10_000, true)
    const fixture100k = await writeBenchFixture(dir, 100_000)

    progress('HTTP throughput')
    const floor = await startChild([FLOOR_SERVER])
    const mock = await startChild([BIN, 'start', '--port', '0', '--fixtures', fixtureHttp])
    try {
      figures.push(...(await measureHttp({ floorUrl: floor.url, mockUrl: mock.url }, plan.http)))
    } finally {
      await Promise.all([floor.stop(), mock.stop()])
    }
    progress('start-up')
    figures.push(...(await measureStartup(fixture10k, plan.startupRounds)))
    progress('memory')
    figures.push(await measureMemory(fixture100k, plan.memoryRounds))
    progress('reset and growth with the data')
    figures.push(...(await measureInProcess(plan.inProcess)))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }

  const results: Results = {
    mode: values.quick ? 'quick' : 'full',
    started: started.toISOString(),
    seconds: (Date.now() - started.getTime()) / 1000,
    machine,
    figures: judge(figures),
  }
  process.stdout.write(formatTable(results))
  await mkdir(dirname(out), { recursive: true })
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`)
  process.stdout.write(`\nresults: ${out}\n`)
  return results.figures.some((item) => item.value === null) ? 1 : 0
}

const began = Date.now()

/** A line on stderr as each part starts, so a long run shows where it is. */
function progress(part: string): void {
  process.stderr.write(`bench: ${((Date.now() - began) / 1000).toFixed(1)} s: ${part}\n`)
}

process.exitCode = await main()

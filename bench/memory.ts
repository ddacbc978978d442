import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { usersPath } from './api.js'
import { firstAnswer, startChild } from './child.js'
import { figure, type Figure, type Sample } from './figure.js'
import { BIN } from './paths.js'

/** Resident memory of `mock-cloud start` holding 100,000 users, read once it has answered. */

/**
 * Spawns `mock-cloud start` with the fixture `rounds` times and reads its resident set size
 * after the first successful answer (and one users/query, so the query path is loaded too).
 *
 * @returns one figure, in MB (10^6 bytes).
 */
export async function measureMemory(fixture100k: string, rounds: number): Promise<Figure> {
  const samples: Sample[] = []
  for (let round = 0; round < rounds; round++) {
    const child = await startChild([BIN, 'start', '--port', '0', '--fixtures', fixture100k])
    try {
      const count = await firstAnswer(`${child.url}${usersPath('count')}`)
      const query = await firstAnswer(`${child.url}${usersPath('query', `&where=${encodeURIComponent('{"color":"red"}')}`)}`)
      samples.push(
        count === 200 && query === 200 ? { value: (await residentBytes(child.pid)) / 1e6 } : { invalid: `answers ${count}, ${query}` },
      )
    } finally {
      await child.stop()
    }
  }
  return figure({ id: 'memory.100k', section: 'Memory', label: 'resident memory, mock-cloud start with 100,000 users', unit: 'MB' }, samples)
}

/** The resident set size of a process, from /proc on Linux, else from `ps`. */
async function residentBytes(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const kib = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]
    if (kib !== undefined) return Number(kib) * 1024
  } catch {
    // Not Linux: ask ps.
  }
  const { stdout } = await promisify(execFile)('ps', ['-o', 'rss=', '-p', String(pid)])
  return Number(stdout.trim()) * 1024
}

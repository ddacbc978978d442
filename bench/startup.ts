import { performance } from 'node:perf_hooks'
import { startMockCloud } from 'mock-cloud'
import { usersPath } from './api.js'
import { firstAnswer, startChild } from './child.js'
import { figure, type Figure, type Sample } from './figure.js'
import { BIN, BUNDLED_FIXTURE } from './paths.js'
import { interleave } from './stats.js'

/** Start-up to first successful answer: `mock-cloud start` spawned with 10k users, and `startMockCloud()` in process. */

/**
 * Measures both start-ups `rounds` times, alternating.
 *
 * @param fixture10k - a fixture file of 10,000 users.
 * @returns the two figures, in ms.
 */
export async function measureStartup(fixture10k: string, rounds: number): Promise<Figure[]> {
  const spawned = async (): Promise<Sample> => {
    const start = performance.now()
    const child = await startChild([BIN, 'start', '--port', '0', '--fixtures', fixture10k])
    try {
      return await answeredAfter(start, child.url)
    } finally {
      await child.stop()
    }
  }
  const inProcess = async (): Promise<Sample> => {
    const start = performance.now()
    const cloud = await startMockCloud({ fixtures: BUNDLED_FIXTURE })
    try {
      return await answeredAfter(start, cloud.url)
    } finally {
      await cloud.stop()
    }
  }
  const [spawnSamples, inProcessSamples] = await interleave(rounds, [spawned, inProcess], (measure) => measure())
  const section = 'Start-up to first answer'
  return [
    figure({ id: 'startup.spawn-10k', section, label: 'spawn of mock-cloud start, 10,000 users', unit: 'ms' }, spawnSamples!),
    figure({ id: 'startup.in-process', section, label: 'startMockCloud() in process, fixtures/users.json', unit: 'ms' }, inProcessSamples!),
  ]
}

/** Milliseconds from `start` to the first answer of users/count; INVALID if that answer is not a 200. */
async function answeredAfter(start: number, url: string): Promise<Sample> {
  const status = await firstAnswer(`${url}${usersPath('count')}`)
  const elapsed = performance.now() - start
  return status === 200 ? { value: elapsed } : { invalid: `users/count answered ${status}` }
}

import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { benchFixture, type BenchCar } from './fixture.js'

/**
 * The floor of the benchmark, run as a child process (`node bench/dist/floor-server.js`): a bare
 * Hono app on @hono/node-server, as mock-cloud is, with nothing of mock-cloud in it.
 *
 * - `GET /fixed`: a fixed small JSON, the ceiling of any Hono endpoint on this machine.
 * - `GET /filter`: the 10,000 benchmark users filtered with a hand-written predicate, the same
 *   condition as the benchmark's `users/query` (`age > 28` and `color` red), first 10 returned.
 * - `GET /filter-objects`: the 10,000 benchmark cars filtered the same way, the same condition as
 *   the benchmark's `objects/cars/query` (`year > 2005` and `make` mini), first 10 returned.
 *
 * Prints `floor listening on http://127.0.0.1:PORT` once the port is open.
 */

interface FloorUser {
  id: string
  username: string
  custom_fields: { age: number; color: string }
}

// The stored users without their passwords, and the cars as the fixture gives them: the floor's "data set".
const fixture = benchFixture(10_000, 10_000)
const users: FloorUser[] = fixture.users.map(({ password: _password, ...user }) => user as FloorUser)
const cars: BenchCar[] = fixture.objects!.cars
const fixed = { meta: { code: 200, status: 'ok', method_name: 'floor' } }

const app = new Hono()
app.get('/fixed', (c) => c.json(fixed))
app.get('/filter', (c) => {
  const found = users.filter((user) => user.custom_fields.age > 28 && user.custom_fields.color === 'red')
  return c.json({ meta: { code: 200, status: 'ok', method_name: 'floor' }, response: { users: found.slice(0, 10) } })
})
app.get('/filter-objects', (c) => {
  const found = cars.filter((car) => car.year > 2005 && car.make === 'mini')
  return c.json({ meta: { code: 200, status: 'ok', method_name: 'floor' }, response: { cars: found.slice(0, 10) } })
})

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`floor listening on http://127.0.0.1:${info.port}\n`)
})
process.once('SIGTERM', () => server.close(() => process.exit(0)))

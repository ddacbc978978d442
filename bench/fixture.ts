import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Fixture, FixtureUser } from 'mock-cloud'

/**
 * The generated data of the benchmark, the same in every run:
 * - users with fixed ids, names, emails, passwords and custom fields `age` (18–67) and `color`
 *   (one of five), so that `where={"age":{"$gt":28},"color":"red"}` matches about 15 % of them;
 * - custom objects of class `cars` with fixed ids and owners and fields `make` (one of five),
 *   `year` (2000–2024) and `price`, so that `where={"year":{"$gt":2005},"make":"mini"}` matches
 *   about 12 % of them (docs/custom-objects.md, docs/fixtures.md "Custom objects");
 * - with uploads: an admin, {@link BENCH_PHOTOS} photos of the first users (one small PNG) and
 *   {@link BENCH_DEVICES} devices subscribed to channel `bench` (docs/fixtures.md "Files and
 *   photos", "Push subscriptions").
 */

const COLORS = ['red', 'green', 'blue', 'yellow', 'purple'] as const
const FIRST_NAMES = ['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal', 'Ivy', 'Jo'] as const
const LAST_NAMES = ['Ames', 'Bell', 'Cole', 'Dunn', 'Eyre', 'Ford', 'Gray'] as const
const TAGS = ['hiking', 'swimming', 'cycling', 'running', 'chess'] as const
const MAKES = ['mini', 'fiat', 'saab', 'audi', 'seat'] as const
const CREATED = Date.UTC(2024, 0, 1)

/** The user at `index` of any generated fixture; the same index always gives the same user. */
export function benchUser(index: number): Required<Omit<FixtureUser, 'admin' | 'role'>> {
  return {
    id: `be${index.toString(16).padStart(22, '0')}`,
    username: `user${index}`,
    email: `user${index}@example.com`,
    password: `pass-${index}`,
    first_name: FIRST_NAMES[index % FIRST_NAMES.length]!,
    last_name: LAST_NAMES[index % LAST_NAMES.length]!,
    tags: [TAGS[index % TAGS.length]!],
    // 7 and 50 are coprime, so ages cycle independently of the five colours.
    custom_fields: { age: 18 + ((index * 7) % 50), color: COLORS[index % COLORS.length]! },
    created_at: new Date(CREATED + index * 1000).toISOString(),
  }
}

/** A generated car as a fixture entry: fields at the top level, its owner by username. */
export type BenchCar = {
  owner: string
  id: string
  created_at: string
  make: string
  year: number
  price: number
}

/** The car at `index` of a fixture of `users` users, owned by the user at `index % users`; the same index always gives the same car. */
export function benchCar(index: number, users: number): BenchCar {
  return {
    owner: benchUser(index % users).username,
    id: `ca${index.toString(16).padStart(22, '0')}`,
    created_at: new Date(CREATED + index * 1000).toISOString(),
    make: MAKES[index % MAKES.length]!,
    // 7 and 25 are coprime, so years cycle independently of the five makes.
    year: 2000 + ((index * 7) % 25),
    price: 5000 + ((index * 37) % 20_000),
  }
}

/** The generated admin of a fixture with uploads: it sends the pushes. */
export const BENCH_ADMIN = { username: 'bench-admin', password: 'bench-admin-pass', admin: true } as const

/** Photos in a fixture with uploads, and the id of the one `photos/show` reads (the middle one). */
export const BENCH_PHOTOS = 100
export const benchPhotoId = (index: number): string => `fa${index.toString(16).padStart(22, '0')}`

/** Devices subscribed to channel `bench` in a fixture with uploads: a notify there reaches every one. */
export const BENCH_DEVICES = 1000

/**
 * A small PNG as photos/create gets it: the PNG signature and 1 KiB after it (mock-cloud reads the
 * type from the first bytes and never decodes the image).
 */
export const BENCH_PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1024, 7)])

/**
 * A fixture of `users` generated users (see {@link benchUser}), when `cars` > 0 that many cars (see
 * {@link benchCar}), and with `uploads` the admin, photos and subscribed devices described above.
 */
export function benchFixture(users: number, cars = 0, uploads = false): Fixture & { users: FixtureUser[]; objects?: { cars: BenchCar[] } } {
  const generated = Array.from({ length: users }, (_, index) => benchUser(index))
  return {
    users: uploads ? [...generated, BENCH_ADMIN] : generated,
    ...(cars > 0 && { objects: { cars: Array.from({ length: cars }, (_, index) => benchCar(index, users)) } }),
    ...(uploads && {
      photos: Array.from({ length: BENCH_PHOTOS }, (_, index) => ({
        id: benchPhotoId(index),
        owner: benchUser(index % users).username,
        base64: BENCH_PNG.toString('base64'),
        filename: `photo${index}.png`,
        photo_sizes: { thumb: '100x100#' },
      })),
      push_subscriptions: Array.from({ length: BENCH_DEVICES }, (_, index) => ({
        device_token: `device-${index}`,
        type: index % 2 === 0 ? 'ios' : 'android',
        channel: 'bench',
        user: benchUser(index % users).username,
      })),
    }),
  }
}

/**
 * Writes {@link benchFixture}(users, cars, uploads) to `dir/users-USERS.json`
 * (`users-USERS-cars-CARS.json` with cars, `-uploads` added with uploads).
 *
 * @returns the file's path.
 */
export async function writeBenchFixture(dir: string, users: number, cars = 0, uploads = false): Promise<string> {
  const file = join(dir, `${cars > 0 ? `users-${users}-cars-${cars}` : `users-${users}`}${uploads ? '-uploads' : ''}.json`)
  await writeFile(file, JSON.stringify(benchFixture(users, cars, uploads)))
  return file
}

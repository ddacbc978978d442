import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Fixture, FixtureUser } from 'mock-cloud'

/**
 * The generated users of the benchmark: `count` users with fixed ids, names, emails, passwords
 * and custom fields `age` (18–67) and `color` (one of five), so that every run loads the same data
 * and `where={"age":{"$gt":28},"color":"red"}` matches about 15 % of them.
 */

const COLORS = ['red', 'green', 'blue', 'yellow', 'purple'] as const
const FIRST_NAMES = ['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal', 'Ivy', 'Jo'] as const
const LAST_NAMES = ['Ames', 'Bell', 'Cole', 'Dunn', 'Eyre', 'Ford', 'Gray'] as const
const TAGS = ['hiking', 'swimming', 'cycling', 'running', 'chess'] as const
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

/** A fixture of `count` generated users (see {@link benchUser}). */
export function benchFixture(count: number): Fixture & { users: FixtureUser[] } {
  return { users: Array.from({ length: count }, (_, index) => benchUser(index)) }
}

/**
 * Writes {@link benchFixture}(count) to `dir/users-COUNT.json`.
 *
 * @returns the file's path.
 */
export async function writeBenchFixture(dir: string, count: number): Promise<string> {
  const file = join(dir, `users-${count}.json`)
  await writeFile(file, JSON.stringify(benchFixture(count)))
  return file
}

/**
 * The paths of the benchmark's mock-cloud requests. Every one names the app key `BENCH`: any key
 * gets a data set made from the fixture (spec §11 "unknown app key").
 */

const KEY = 'BENCH'

/**
 * `/v1/users/ENDPOINT.json?key=BENCH`, then `query` as given (`&name=value...`, already encoded).
 *
 * @example
 * usersPath('show', `&user_id=${id}`) // '/v1/users/show.json?key=BENCH&user_id=...'
 */
export function usersPath(endpoint: string, query = ''): string {
  return `/v1/users/${endpoint}.json?key=${KEY}${query}`
}

/**
 * The benchmark's query as query-string text: `where={"age":{"$gt":28},"color":"red"}` (about
 * 15 % of the generated users, see fixture.ts; the floor's `/filter` is the same condition written
 * by hand) and `limit=10`.
 */
export const WHERE_LIMIT_10 = `&where=${encodeURIComponent(JSON.stringify({ age: { $gt: 28 }, color: 'red' }))}&limit=10`

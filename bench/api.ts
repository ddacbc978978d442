/**
 * The paths of the benchmark's mock-cloud requests. Every one names the app key `BENCH`: any key
 * gets a data set made from the fixture (docs/fixtures.md "Per app key").
 */

const KEY = 'BENCH'

/**
 * `/v1/users/ENDPOINT.json?key=BENCH`, then `query` as given (`&name=value...`, already encoded).
 *
 * @example
 * usersPath('show', `&user_id=${id}`) // '/v1/users/show.json?key=BENCH&user_id=...'
 */
export function usersPath(endpoint: string, query = ''): string {
  return apiPath('users', endpoint, query)
}

/**
 * `/v1/OBJECT/ENDPOINT.json?key=BENCH` for any other object (`photos`, `push_notification`), then `query` as given.
 *
 * @example
 * apiPath('photos', 'show', `&photo_id=${id}`) // '/v1/photos/show.json?key=BENCH&photo_id=...'
 */
export function apiPath(object: string, endpoint: string, query = ''): string {
  return `/v1/${object}/${endpoint}.json?key=${KEY}${query}`
}

/**
 * `/v1/objects/CLASSNAME/ENDPOINT.json?key=BENCH`, then `query` as given (`&name=value...`, already encoded).
 *
 * @example
 * objectsPath('cars', 'query', CARS_WHERE_LIMIT_10) // '/v1/objects/cars/query.json?key=BENCH&where=...'
 */
export function objectsPath(classname: string, endpoint: string, query = ''): string {
  return apiPath(`objects/${classname}`, endpoint, query)
}

/**
 * The benchmark's query as query-string text: `where={"age":{"$gt":28},"color":"red"}` (about
 * 15 % of the generated users, see fixture.ts; the floor's `/filter` is the same condition written
 * by hand) and `limit=10`.
 */
export const WHERE_LIMIT_10 = `&where=${encodeURIComponent(JSON.stringify({ age: { $gt: 28 }, color: 'red' }))}&limit=10`

/**
 * The benchmark's custom-object query as query-string text: `where={"year":{"$gt":2005},"make":"mini"}`
 * (about 12 % of the generated cars, see fixture.ts; the floor's `/filter-objects` is the same
 * condition written by hand) and `limit=10`.
 */
export const CARS_WHERE_LIMIT_10 = `&where=${encodeURIComponent(JSON.stringify({ year: { $gt: 2005 }, make: 'mini' }))}&limit=10`

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { inProcessCall } from '../support/in-process-call.js'

// users/query with `$nearSphere` on the reserved `coordinates` field (docs/api.md "Queries"):
// matches come nearest first unless `order` says otherwise.
let cloud: MockCloud
beforeAll(async () => {
  const located = (username: string, coordinates: unknown) => ({ username, password: 'pw', custom_fields: { coordinates } })
  cloud = await createMockCloud({
    fixtures: {
      users: [
        located('far', [-73.98, 40.75]),
        located('middle', [-122.05, 37.39]),
        // Two points: the nearer one counts.
        located('near', [[2.35, 48.85], [-122.27, 37.8]]),
        { username: 'nowhere', password: 'pw' },
      ],
    },
  })
})
afterAll(() => cloud.close())

const usernames = async (params: Record<string, unknown>) =>
  (await inProcessCall(cloud, 'GET', 'users/query', params)).body.response.users.map((user: { username: string }) => user.username)

describe('users/query with $nearSphere', () => {
  const nearOakland = { coordinates: { $nearSphere: [-122.27, 37.8] } }

  it('answers the located users nearest first, a user with several points by the nearest', async () => {
    expect(await usernames({ where: nearOakland })).toEqual(['near', 'middle', 'far'])
    const geoJson = { coordinates: { $nearSphere: { $geometry: { type: 'Point', coordinates: [-122.27, 37.8] } } } }
    expect(await usernames({ where: geoJson })).toEqual(['near', 'middle', 'far'])
  })

  it('pages the sorted matches and counts them all', async () => {
    const reply = await inProcessCall(cloud, 'GET', 'users/query', { where: nearOakland, limit: 1, skip: 1, count: true })
    expect(reply.body.response.users.map((user: { username: string }) => user.username)).toEqual(['middle'])
    expect(reply.body.meta.count).toBe(3)
  })

  it('lets an order replace the distance order', async () => {
    expect(await usernames({ where: nearOakland, order: 'username' })).toEqual(['far', 'middle', 'near'])
  })
})

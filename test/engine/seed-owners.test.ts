import { describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/index.js'
import { fixtureS } from '../support/fixture-s.js'

// seed() (docs/toolkit.md): a seeded entry may name as owner a user the data set already has.

const carsOf = async (cloud: Awaited<ReturnType<typeof createMockCloud>>, key: string) =>
  ((await (await cloud.app.request(`/v1/objects/cars/query.json?key=${key}`)).json()) as any).response.cars as { user: { username: string } }[]

describe('seed with owners by username', () => {
  it('finds a user of the data set it joins (seed to one key), or a baseline user (seed to every key)', async () => {
    const cloud = await createMockCloud({ fixtures: fixtureS })
    await cloud.seed({ objects: { cars: [{ owner: 'alice', make: 'mini' }] } }, 'K')
    expect((await carsOf(cloud, 'K')).map((car) => car.user.username)).toEqual(['alice'])
    await cloud.seed({ acls: [{ name: 'friends', owner: 'bob' }] })
    const acls = await cloud.app.request('/v1/acls/count.json?key=OTHER')
    expect(((await acls.json()) as any).meta.count).toBe(1)
  })

  it('finds a user created through the API in that key, and still refuses a name nobody has, naming the seed', async () => {
    const cloud = await createMockCloud({ fixtures: fixtureS })
    const created = await cloud.app.request('/v1/users/create.json?key=K', {
      method: 'POST',
      body: new URLSearchParams({ username: 'zoe', password: 'p', password_confirmation: 'p' }),
    })
    expect(created.status).toBe(200)
    await cloud.seed({ objects: { cars: [{ owner: 'zoe' }] } }, 'K')
    expect((await carsOf(cloud, 'K')).map((car) => car.user.username)).toEqual(['zoe'])
    await expect(cloud.seed({ objects: { cars: [{ owner: 'zed' }] } }, 'K')).rejects.toThrow(
      'seed: objects.cars[0].owner: no user "zed" in this fixture or the data set',
    )
  })

  it('names the fixture file in a start-up error', async () => {
    await expect(createMockCloud({ fixtures: { ...fixtureS, objects: { cars: [{ owner: 'zed' }] } } })).rejects.toThrow(
      'fixtures option: objects.cars[0].owner: no user "zed" in this fixture',
    )
  })
})

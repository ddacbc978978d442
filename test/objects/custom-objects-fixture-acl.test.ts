import { describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/index.js'

// A fixture's custom object may name an ACL of its owner (docs/custom-objects.md "Fixtures").

const users = ['ann', 'bob', 'cy'].map((username) => ({ username, password: `pw-${username}` }))
const fixture = {
  users,
  acls: [{ name: 'friends', owner: 'ann', readers: ['bob'] }],
  objects: { cars: [{ owner: 'ann', make: 'mini', acl_name: 'friends' }, { owner: 'ann', make: 'fiat' }] },
}

async function makesSeenBy(cloud: Awaited<ReturnType<typeof createMockCloud>>, username: string): Promise<string[]> {
  const login = await cloud.app.request('/v1/users/login.json?key=K', {
    method: 'POST',
    body: new URLSearchParams({ login: username, password: `pw-${username}` }),
  })
  const session = ((await login.json()) as any).meta.session_id as string
  const reply = await cloud.app.request(`/v1/objects/cars/query.json?key=K&_session_id=${session}&order=make`)
  return ((await reply.json()) as any).response.cars.map((car: { make: string }) => car.make)
}

describe('custom objects in a fixture under an ACL', () => {
  it('attach the named ACL of their owner: its readers see them, others (signed in or not) do not', async () => {
    const cloud = await createMockCloud({ fixtures: fixture })
    expect(await makesSeenBy(cloud, 'bob')).toEqual(['fiat', 'mini'])
    expect(await makesSeenBy(cloud, 'cy')).toEqual(['fiat'])
    const all = ((await (await cloud.app.request('/v1/objects/cars/query.json?key=K&where={"make":"mini"}')).json()) as any).response.cars
    expect(all).toEqual([])
  })

  it('refuse an ACL name the owner has not in the fixture, naming the entry', async () => {
    const wrong = { ...fixture, objects: { cars: [{ owner: 'bob', make: 'vw', acl_name: 'friends' }] } }
    await expect(createMockCloud({ fixtures: wrong })).rejects.toThrow(
      'fixtures option: objects.cars[0].acl_name: no ACL "friends" of "bob" in this fixture (its "acls")',
    )
  })
})

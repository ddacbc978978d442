import { describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/index.js'

// Faults by path (docs/toolkit.md): a concrete path hits only its own calls, a path with variables
// every call it matches, a method_name every endpoint of that name.

const fixture = { users: [{ username: 'ann', password: 'pw', admin: true }] }

async function statusOf(cloud: Awaited<ReturnType<typeof createMockCloud>>, path: string, init?: RequestInit): Promise<number> {
  return (await cloud.app.request(`/v1/${path}`, init)).status
}

describe('faults on object endpoints', () => {
  it('a concrete class path fails only that class; a pattern fails every class', async () => {
    const cloud = await createMockCloud({ fixtures: fixture })
    cloud.fault({ path: 'objects/cars/query', times: 5, error: { code: 503 } })
    expect(await statusOf(cloud, 'objects/cars/query.json?key=K')).toBe(503)
    expect(await statusOf(cloud, 'objects/boats/query.json?key=K')).toBe(200)
    cloud.clearFaults()
    cloud.fault({ path: '/v1/objects/:classname/query.json', times: 2, error: { code: 502 } })
    expect(await statusOf(cloud, 'objects/cars/query.json?key=K')).toBe(502)
    expect(await statusOf(cloud, 'objects/boats/query.json?key=K')).toBe(502)
    expect(await statusOf(cloud, 'objects/boats/query.json?key=K')).toBe(200)
  })

  it('a method_name several objects share fails each of them, and the journal names the fault', async () => {
    const cloud = await createMockCloud({ fixtures: fixture })
    const id = cloud.fault({ method_name: 'batchDelete', times: 2, error: { code: 500, message: 'Down' } })
    expect(await statusOf(cloud, 'users/batch_delete.json?key=K', { method: 'DELETE' })).toBe(500)
    expect(await statusOf(cloud, 'objects/cars/batch_delete.json?key=K', { method: 'DELETE' })).toBe(500)
    expect(cloud.requests({ key: 'K' }).map((entry) => entry.fault)).toEqual([id, id])
  })

  it('a path that names no endpoint is refused, listing the known ones', () => {
    return createMockCloud({ fixtures: fixture }).then((cloud) => {
      expect(() => cloud.fault({ path: 'objects/cars/fly', error: { code: 503 } })).toThrow(/no endpoint at "objects\/cars\/fly"; known: users\/create/)
    })
  })
})

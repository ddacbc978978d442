import { describe, expect, it } from 'vitest'
import { ids } from '../support/fixture-s.js'
import { logIn, useTitaniumApp } from '../support/titanium-app.js'
import { installTitaniumGlobals, outcome } from '../support/titanium.js'
import * as example from './statuses-examples.js'

/**
 * The Modules.Cloud.Statuses documentation's examples (their text is in ./statuses-examples.js) run
 * unchanged against a mock-cloud server holding fixture S, alice signed in. The app's globals:
 * `myPlaceId`, a place alice made; `someUserId`, alice; `Titanium.Filesystem.getFile` giving a PNG
 * as a Blob (the photo a status's create sends, kept as its primary photo).
 */

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const Titanium = { Filesystem: { getFile: () => new Blob([PNG], { type: 'image/png' }) } }

const t = useTitaniumApp({ globals: { Titanium, someUserId: ids.alice } })

/** alice signs in and makes a place; the app's `myPlaceId` names it. */
async function givenPlace(): Promise<Record<string, any>> {
  await logIn(t.Cloud, 'alice')
  const made = await outcome((cb) => t.Cloud.Places.create({ name: 'Golden Gate', city: 'San Francisco' }, cb))
  t.app.remove()
  t.app = installTitaniumGlobals(t.Cloud, { Titanium, someUserId: ids.alice, myPlaceId: made.places[0].id })
  return made.places[0]
}

/** Alice's three statuses, oldest first, as created. */
async function givenStatuses(): Promise<Record<string, any>[]> {
  await logIn(t.Cloud, 'alice')
  const made = []
  for (const message of ['one', 'two', 'three']) made.push((await outcome((cb) => t.Cloud.Statuses.create({ message }, cb))).statuses[0])
  await logIn(t.Cloud, 'bob')
  await outcome((cb) => t.Cloud.Statuses.create({ message: 'bob' }, cb))
  return made
}

const line = (status: Record<string, any>) => `id: ${status.id}\nmessage: ${status.message}\nupdated_at: ${status.updated_at}`

describe('Create a Status', () => {
  it('alerts the status and the name of its place', async () => {
    const place = await givenPlace()
    const { alerts, replies } = await t.app.run(example.createAStatus)
    const status = replies[0]?.statuses[0]
    expect(status).toMatchObject({ message: 'What a great view!', place_id: place.id, photo: { content_type: 'image/png' } })
    expect(alerts).toEqual([`Success:\nid: ${status.id}\nplace: Golden Gate`])
  })
})

describe('Search Status', () => {
  it('alerts the count of alice’s statuses, then each', async () => {
    const made = await givenStatuses()
    expect((await t.app.run(example.searchStatus)).alerts).toEqual(['Success:\nCount: 3', ...made.map(line)])
  })
})

describe('Query Status', () => {
  it('alerts every status, last updated first', async () => {
    const made = await givenStatuses()
    const { alerts, replies } = await t.app.run(example.queryStatus)
    const statuses = replies[0]?.statuses as Record<string, any>[]
    expect(statuses).toHaveLength(4)
    expect(statuses.map((status) => status.id)).toEqual(expect.arrayContaining(made.map((status) => status.id)))
    const times = statuses.map((status) => String(status.updated_at))
    expect(times).toEqual([...times].sort().reverse())
    expect(alerts).toEqual(statuses.map((status) => `Success:\n${line(status)}`))
  })
})

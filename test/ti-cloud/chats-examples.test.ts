import { describe, expect, it } from 'vitest'
import { ids as users } from '../support/fixture-s.js'
import { logIn, useTitaniumApp } from '../support/titanium-app.js'
import * as example from './chats-examples.js'

/**
 * The Modules.Cloud.Chats documentation's examples (their text is in ./chats-examples.js) run
 * unchanged against a mock-cloud server holding fixture S. The app's globals: `ids` holds the
 * users picked (bob for alice's chat; alice for bob's poll), `last_update_time` the time of the
 * app's last poll. Each test checks the alerts (docs/chats.md).
 */

const ids: string[] = []
const poll = { last_update_time: '2000-01-01T00:00:00+0000' }
const t = useTitaniumApp({ globals: { ids } })

/** The globals `ids` and `last_update_time` of the app for the next run. */
function given(picked: string[], lastUpdate = '2000-01-01T00:00:00+0000'): void {
  ids.splice(0, ids.length, ...picked)
  poll.last_update_time = lastUpdate
  Object.assign(globalThis, poll)
}

describe('Create Chat Message', () => {
  it('alerts the sender’s names, the time and the message', async () => {
    await logIn(t.Cloud, 'alice')
    given([users.bob])
    const { alerts, replies } = await t.app.run(example.createChatMessage)
    expect(alerts).toEqual([expect.stringMatching(/^Success:\nFrom: Alice Smith\nUpdated: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000\nMessage: Good morning$/)])
    expect(replies[0]).toMatchObject({ success: true, meta: { method_name: 'createChatMessage' } })
  })

  it('alerts the error without a session', async () => {
    given([users.bob])
    expect((await t.app.run(example.createChatMessage)).alerts).toEqual(['Error:\nFailed to authenticate user'])
  })
})

describe('Query for Chat Message', () => {
  it('alerts each chat of the group since the last poll; none when nothing is newer', async () => {
    await logIn(t.Cloud, 'alice')
    given([users.bob])
    await t.app.run(example.createChatMessage)
    await logIn(t.Cloud, 'bob')
    given([users.alice])
    const { alerts } = await t.app.run(example.queryForChatMessage)
    expect(alerts).toEqual([expect.stringMatching(/^Success:\nFrom: Alice Smith\nUpdated: .*\nMessage: Good morning$/)])
    given([users.alice], '2099-01-01T00:00:00+0000')
    expect((await t.app.run(example.queryForChatMessage)).alerts).toEqual([])
  })
})

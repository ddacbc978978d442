// The checks both runner projects (jest/, mocha/) run in each of their two files, with the
// runner's own describe/it/before globals and node:assert: what a test file sees through the
// handle its runner's useMockCloud() gives. `name` is the file's name ('a' or 'b'); the files run
// at the same time on one server, each creating a user the other must never see.
import assert from 'node:assert/strict'

// Compared as JSON: under jest, replies parsed by the host's fetch are arrays of another realm
// than the literals here, and deepStrictEqual compares prototypes.
const same = (actual, expected) => assert.equal(JSON.stringify(actual), JSON.stringify(expected))

export function checks(cloud, runner, name) {
  const other = name === 'a' ? 'b' : 'a'
  const api = async (path, init = {}, params = {}) => {
    const query = new URLSearchParams({ key: cloud.key, ...params })
    const res = await fetch(`${cloud.url}/v1/${path}.json?${query}`, init)
    return { status: res.status, body: await res.json() }
  }
  const count = async () => (await api('users/count')).body.meta.count
  const signUp = (username) =>
    api('users/create', { method: 'POST', body: new URLSearchParams({ username, password: 'p', password_confirmation: 'p' }) })

  it('gives the file an app key made from its path', () => {
    assert.equal(cloud.key, `${runner}:test/toolkit/runners/${runner}/${name}.spec.js`)
    assert.match(cloud.url, /^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it("creates a user in the file's own data set; the other file's user is not there", async () => {
    assert.equal((await signUp(`only-in-${name}`)).status, 200)
    assert.equal(await count(), 7)
    const seen = await api('users/query', {}, { where: JSON.stringify({ username: `only-in-${other}` }) })
    same(seen.body.response.users, [])
  })

  it('starts each test from the fixture baseline (reset before each)', async () => {
    assert.equal(await count(), 6)
  })

  it("reads the file's outbox and journal, adds a fault, changes a setting, reads the clock", async () => {
    await api('users/request_reset_password', {}, { email: 'bob@example.com' })
    same((await cloud.outbox()).map((mail) => mail.to), ['bob@example.com'])
    same((await cloud.requests()).map((entry) => entry.method_name), ['requestResetPassword'])
    await cloud.fault({ method_name: 'usersCount', error: { code: 503, message: `Down for ${name}.` } })
    assert.equal((await api('users/count')).status, 503)
    assert.equal((await cloud.setSettings({ legacyPaging: true })).legacyPaging, true)
    assert.equal((await api('users/query')).body.meta.total_results, 6)
    assert.equal((await cloud.clock.state()).frozen, false)
  })

  it('undoes the outbox, journal, faults and settings at the reset before the next test', async () => {
    same([await cloud.outbox(), await cloud.faults(), (await cloud.settings()).legacyPaging], [[], [], false])
    assert.equal(await count(), 6)
  })

  it('gives a fresh app key of its own on demand', async () => {
    const fresh = cloud.freshAppKey()
    assert.equal(fresh.key, `${cloud.key}:1`)
    assert.equal(await count(), 6)
  })
}

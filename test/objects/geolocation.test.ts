import { describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/index.js'
import type { Fixture } from '../../src/objects/index.js'
import { fixtureS } from '../support/fixture-s.js'

/** Clients through app.request(): one test per rule of docs/geolocation.md. */

const PARIS = { country_code: 'FR', city: 'Paris', latitude: 48.8566, longitude: 2.3522 }
const SAN_JOSE = { country_code: 'US', state: 'CA', city: 'San Jose', postal_code: '95141', latitude: 37.3394, longitude: -121.895 }

async function geolocate(fixtures: Fixture, params: Record<string, string> = {}) {
  const cloud = await createMockCloud({ fixtures })
  const reply = await cloud.app.request(`/v1/clients/geolocate.json?${new URLSearchParams({ key: 'K', ...params })}`)
  return { status: reply.status, body: (await reply.json()) as any }
}

const table: Fixture = {
  ...fixtureS,
  ip_locations: [
    { ip_address: '10.0.0.2', location: PARIS },
    { ip_address: '2001:DB8:0:0:0:0:0:1', location: { country_code: 'DE' } },
    { ip_address: '10.0.0.9', location: null },
  ],
}

describe('clients/geolocate', () => {
  it('answers the table’s location of ip_address with the address, no login', async () => {
    const reply = await geolocate(table, { ip_address: '10.0.0.2' })
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({
      meta: { code: 200, status: 'ok', method_name: 'geolocateClient' },
      response: { ip_address: '10.0.0.2', location: PARIS },
    })
  })

  it('compares addresses in canonical form: IPv6 compressed, IPv4-mapped as IPv4', async () => {
    expect((await geolocate(table, { ip_address: '2001:db8::1' })).body.response).toEqual({ ip_address: '2001:db8::1', location: { country_code: 'DE' } })
    expect((await geolocate(table, { ip_address: '::ffff:10.0.0.2' })).body.response).toEqual({ ip_address: '10.0.0.2', location: PARIS })
  })

  it('answers the built-in San Jose for 184.72.37.109 and any address the table lacks', async () => {
    expect((await geolocate(table, { ip_address: '184.72.37.109' })).body.response.location).toEqual(SAN_JOSE)
    expect((await geolocate(table, { ip_address: '8.8.8.8' })).body.response).toEqual({ ip_address: '8.8.8.8', location: SAN_JOSE })
  })

  it('a * entry is the default location instead', async () => {
    const reply = await geolocate({ ip_locations: [{ ip_address: '*', location: PARIS }] }, { ip_address: '8.8.8.8' })
    expect(reply.body.response.location).toEqual(PARIS)
  })

  it('without ip_address locates the caller (in process: 127.0.0.1)', async () => {
    expect((await geolocate({ ip_locations: [{ ip_address: '127.0.0.1', location: PARIS }] })).body.response).toEqual({ ip_address: '127.0.0.1', location: PARIS })
  })

  it.each([
    [{ ip_address: '10.0.0.9' }, 404, 'Unable to determine location for IP address 10.0.0.9'],
    [{ ip_address: '10.0.0' }, 400, 'Invalid ip_address: 10.0.0'],
    [{ ip_address: 'example.com' }, 400, 'Invalid ip_address: example.com'],
  ])('refuses %j with %i %s', async (params, status, message) => {
    const reply = await geolocate(table, params)
    expect({ status: reply.status, meta: reply.body.meta }).toEqual({ status, meta: { status: 'fail', code: status, message, method_name: 'geolocateClient' } })
  })
})

describe('IP locations in fixtures', () => {
  it.each([
    [[{ ip_address: 'nope', location: PARIS }], /ip_locations\[0\]\.ip_address: must be an IPv4 or IPv6 address, or \*/],
    [[{ ip_address: '10.0.0.1' }], /ip_locations\[0\]\.location: is required/],
    [[{ ip_address: '10.0.0.1', location: { city: 'Paris' } }], /ip_locations\[0\]\.location\.country_code: must be a non-empty string/],
    [[{ ip_address: '10.0.0.1', location: { country_code: 'FR', latitude: '48' } }], /ip_locations\[0\]\.location\.latitude: must be a number/],
    [[{ ip_address: '10.0.0.1', location: PARIS }, { ip_address: '::ffff:10.0.0.1', location: PARIS }], /ip_locations\[1\]\.ip_address: 10\.0\.0\.1 is already in the table/],
  ])('refuses %j', async (entries, message) => {
    await expect(createMockCloud({ fixtures: { ip_locations: entries } as Fixture })).rejects.toThrow(message)
  })
})

import type { Fixture } from '../../src/objects/index.js'

/**
 * Fixture `S`, the users the reference cases run against: four users and an admin, with the
 * ids fixed so tests can name them.
 */
export const ids = {
  alice: '5f0000000000000000000001',
  bob: '5f0000000000000000000002',
  carol: '5f0000000000000000000003',
  dave: '5f0000000000000000000004',
  admin: '5f0000000000000000000005',
} as const

export const fixtureS: Fixture = {
  users: [
    {
      id: ids.alice,
      username: 'alice',
      email: 'alice@example.com',
      password: 'pw-alice',
      first_name: 'Alice',
      last_name: 'Smith',
      tags: ['golf', 'snowboarding'],
      custom_fields: { age: 30, color: 'red' },
    },
    {
      id: ids.bob,
      username: 'bob',
      email: 'bob@example.com',
      password: 'pw-bob',
      tags: ['golf'],
      custom_fields: { age: 25, color: 'blue' },
    },
    { id: ids.carol, username: 'carol', email: 'carol@example.com', password: 'pw-carol', custom_fields: { age: '35' } },
    { id: ids.dave, username: 'dave', email: 'dave@example.com', password: 'pw-dave' },
    { id: ids.admin, username: 'admin', email: 'admin@example.com', password: 'pw-admin', admin: true },
  ],
}

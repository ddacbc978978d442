import type { MockObject } from '../../engine/object.js'
import { usersEndpoints } from './endpoints.js'
import { USERS } from './collection.js'
import { usersFixture } from './seed.js'
import { userRecordProblem } from './record-check.js'
import { UsersService } from './service.js'

/**
 * The Users object (docs/users.md): accounts, sessions, the account flows, external accounts and
 * admin powers. It owns sessions, so it makes every call's caller.
 */
export const users = {
  name: 'users',
  title: 'Users',
  segments: ['users'],
  endpoints: usersEndpoints,
  service: (context) => new UsersService(context),
  collections: {
    owns: (name) => name === USERS,
    recordProblem: (record) => userRecordProblem(record),
  },
  fixture: usersFixture,
  social: { type: 'User' },
  primaryPhoto: true,
  caller: (service, sessionId) => service.caller(sessionId),
} satisfies MockObject<UsersService>

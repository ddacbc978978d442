import type { MockObject } from '../../engine/object.js'
import { aclsEndpoints } from './endpoints.js'
import { aclsFixture } from './fixture.js'
import { ACLS } from './record.js'
import { aclRecordProblem } from './record-check.js'
import { AclsService } from './service.js'

/**
 * The ACLs object (docs/acls.md): access control lists, and through its service's `access` the
 * read and write rules of every object that takes `acl_name` / `acl_id`.
 */
export const acls = {
  name: 'acls',
  title: 'ACLs',
  segments: ['acls'],
  endpoints: aclsEndpoints,
  service: (context) => new AclsService(context),
  collections: {
    owns: (name) => name === ACLS,
    recordProblem: (record) => aclRecordProblem(record),
  },
  fixture: aclsFixture,
} satisfies MockObject<AclsService>

import { describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/index.js'
import { acls } from '../../src/objects/acls/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'

// attachAcl and wireAcls: how an object's create/update names its ACL (docs/acls.md "Access to objects").
describe('attachAcl', () => {
  it('resolves acl_name among the acting user ACLs and acl_id among all; "" detaches on update only', async () => {
    const fixtures = { ...fixtureS, acls: [{ name: 'friends', owner: 'alice' }, { name: 'mine', owner: 'bob', id: '6f0000000000000000000001' }] }
    const cloud = await createMockCloud({ fixtures })
    const service = cloud.services.of('K', acls)
    const access = service.access
    const alice = { id: ids.alice, admin: false }
    const friends = service.aclByName(ids.alice, 'friends')!
    expect(access.attachAcl({ acl_name: 'friends' }, alice, false)).toBe(friends.id)
    expect(access.attachAcl({ acl_id: '6F0000000000000000000001' }, alice, false)).toBe('6f0000000000000000000001')
    expect(access.attachAcl({}, alice, true)).toBeUndefined()
    expect(access.attachAcl({ acl_name: '', acl_id: '' }, alice, false)).toBeUndefined()
    expect(access.attachAcl({ acl_name: '' }, alice, true)).toBeNull()
    const refusal = (params: Record<string, string>) => {
      try {
        access.attachAcl(params, alice, false)
      } catch (error) {
        return (error as Error).message
      }
      return 'accepted'
    }
    expect(refusal({ acl_name: 'mine' })).toBe('Invalid ACL name')
    expect(refusal({ acl_id: '6f00000000000000000000ff' })).toBe('Invalid ACL id')
    expect(refusal({ acl_id: 'x' })).toBe("Invalid object id: 'x'")
    expect(refusal({ acl_name: 'friends', acl_id: friends.id })).toBe('Specify acl_name or acl_id, not both')
    expect(access.wireAcls({ acl_id: friends.id }, undefined).acls?.[0]).toMatchObject({ name: 'friends', user_id: ids.alice })
    expect(access.wireAcls({ acl_id: '6f00000000000000000000ff' }, undefined)).toEqual({})
    expect(access.wireAcls({}, undefined)).toEqual({})
  })
})

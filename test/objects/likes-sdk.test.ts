import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { startServer } from '../support/client.js'
import { outcome } from '../support/titanium.js'
import { ok, refused } from '../support/arrowdb-calls.js'
import { ids } from '../support/fixture-s.js'

/** Likes end to end over real HTTP: the `arrowdb` SDK (1.0.12) and the Node `Cloud`. */

describe('Likes over real HTTP', () => {
  it('the arrowdb SDK: likesCreate → likesQuery → the liked object’s likes_count → likesRemove, and the texts of its refusals', async () => {
    const { server } = await startServer()
    try {
      const app = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
      await ok(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })
      const car = (await ok(app, 'customObjectsCreate', { classname: 'cars', fields: { make: 'VW' } })).body.response.cars[0]
      expect((await refused(app, 'likesCreate', {})).body.meta.message).toBe('Invalid like type')
      const made = await ok(app, 'likesCreate', { custom_object_id: car.id })
      expect(made.body.meta.method_name).toBe('createLike')
      expect(made.body.response.likes[0]).toMatchObject({ likeable_type: 'CustomObject', likeable_id: car.id })
      expect((await ok(app, 'likesQuery', {})).body.response.likes).toHaveLength(1)
      expect((await ok(app, 'customObjectsShow', { classname: 'cars', id: car.id, show_user_like: true })).body.response.cars[0]).toMatchObject({
        likes_count: 1,
        current_user_liked: true,
      })
      expect((await ok(app, 'likesRemove', { custom_object_id: car.id })).body.meta.method_name).toBe('deleteLike')
      const again = await refused(app, 'likesDelete', { custom_object_id: car.id })
      expect(again.body.meta).toMatchObject({ message: "Invalid CustomObject id or current user hasn't liked it", method_name: 'deleteLike' })
      expect((await refused(app, 'likesDelete', { custom_object_id: '5f00000000000000000000aa' })).body.meta.message).toBe('custom_object not found')
    } finally {
      await server.stop()
    }
  })

  it('Cloud.Likes: create and remove a like of a user', async () => {
    const { server, call } = await startServer()
    try {
      const Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
      await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
      expect((await outcome((cb) => Cloud.Likes.create({ user_id: ids.bob }, cb))).likes[0]).toMatchObject({ likeable_type: 'User', likeable_id: ids.bob })
      expect((await call('GET', 'users/show', { user_id: ids.bob })).body.response.users[0].likes_count).toBe(1)
      expect((await outcome((cb) => Cloud.Likes.remove({ user_id: ids.bob }, cb))).success).toBe(true)
      expect((await call('GET', 'users/show', { user_id: ids.bob })).body.response.users[0]).not.toHaveProperty('likes_count')
    } finally {
      await server.stop()
    }
  })
})

import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/app.js'

// GET /__mock/openapi.json describes every admin route (docs/toolkit.md).
describe('GET /__mock/openapi.json', () => {
  it('serves a valid OpenAPI 3.1 document', async () => {
    const cloud = await createMockCloud()
    const reply = await cloud.app.request('/__mock/openapi.json')
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/)
    const document = (await reply.json()) as any
    expect(document.openapi).toBe('3.1.0')
    const result = await new Validator().validate(document)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('has one entry per /__mock route, with the verbs the route answers, and none without a route', async () => {
    const cloud = await createMockCloud()
    const document = (await (await cloud.app.request('/__mock/openapi.json')).json()) as any
    // Hono writes path parameters as :name, OpenAPI as {name}.
    const routes = cloud.app.routes.map((route) => route.path.replace(/:(\w+)/g, '{$1}'))
    const adminPaths = [...new Set(routes.filter((path) => path.startsWith('/__mock/') && path !== '/__mock/*'))]
    expect(Object.keys(document.paths).sort()).toEqual(adminPaths.sort())
    for (const [path, item] of Object.entries<Record<string, unknown>>(document.paths)) {
      const verbs = Object.keys(item).filter((name) => ['get', 'post', 'put', 'delete', 'patch'].includes(name))
      for (const verb of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
        const reply = await cloud.app.request(path.replace('{name}', 'x'), { method: verb })
        // A verb the document lists is never a 405; one it does not list always is.
        expect(reply.status === 405, `${verb} ${path}`).toBe(!verbs.includes(verb.toLowerCase()))
      }
    }
  })
})

import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Fixture } from '../../src/objects/index.js'
import type { RunningMockCloud } from '../../src/server.js'
import { fixtureS } from '../support/fixture-s.js'
import { outcome } from '../support/titanium.js'
import { sdk } from '../support/arrowdb-calls.js'
import { serversStoppedAfterEach } from '../support/servers.js'

/**
 * Emails end to end over real HTTP: the real `arrowdb` npm SDK (1.0.12) and the Node `Cloud`
 * send from a fixture template, and the mail shows, filled in, in the outbox.
 */

const fixture: Fixture = {
  ...fixtureS,
  email_templates: [{ name: 'order_shipped', subject: 'Order {{order}} shipped', body: '<p>Hi {{name}}</p>', plain_body: 'Hi {{name}}' }],
}

describe('Emails over real HTTP', () => {
  const start = serversStoppedAfterEach()
  let server: RunningMockCloud

  beforeEach(async () => {
    ;({ server } = await start({ fixtures: fixture }))
  })

  it('the arrowdb SDK counts templates and sends one; the outbox holds it filled in', async () => {
    const app = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
    const count = await sdk(app, 'emailsCount')
    expect(count.result.body.meta).toMatchObject({ method_name: 'email_templatesCount', count: 1 })
    const sent = await sdk(app, 'emailsSend', { template: 'order_shipped', recipients: 'joe@example.com', order: 'A-7', name: 'Joe' })
    expect(sent.err).toBeNull()
    expect(sent.result.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'emailFromTemplate' })
    expect(server.outbox('TESTKEY')).toEqual([
      expect.objectContaining({ kind: 'template', to: ['joe@example.com'], subject: 'Order A-7 shipped', html: '<p>Hi Joe</p>', text: 'Hi Joe' }),
    ])
    const unknown = await sdk(app, 'emailsSend', { template: 'template_test', recipients: 'joe@example.com' })
    expect(unknown.err?.statusCode).toBe(422)
  })

  it('Cloud.Emails.send as ti.cloud sends it (extra name and subject are placeholder values)', async () => {
    const Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
    const sent = await outcome((cb) => Cloud.Emails.send({ template: 'order_shipped', recipients: 'a@example.com,b@example.com', name: 'Ann', subject: 'x' }, cb))
    expect(sent.success).toBe(true)
    expect(server.outbox('TESTKEY')[0]).toMatchObject({ to: ['a@example.com', 'b@example.com'], subject: 'Order  shipped', text: 'Hi Ann' })
    const missing = await outcome((cb) => Cloud.Emails.send({ template: 'DrillbitTest', recipients: 'a@example.com' }, cb))
    expect(missing).toMatchObject({ success: false, error: true, code: 422, message: "Email template 'DrillbitTest' not found." })
  })
})

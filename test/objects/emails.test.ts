import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import type { Fixture } from '../../src/objects/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { inProcessCall } from '../support/in-process-call.js'

/** Emails through app.request(): one test per rule of docs/emails.md. */

const fixture: Fixture = {
  ...fixtureS,
  email_templates: [
    {
      name: 'welcome',
      subject: 'Welcome, {{first_name}}',
      body: '<p>Hi {{ first_name }}, your code is {{code}}.</p>',
      plain_body: 'Hi {{first_name}}, your code is {{code}}.',
    },
    { name: 'html_only', subject: 'News', body: '<b>{{news}}</b>' },
    { name: 'plain_only', subject: 'Note', plain_body: 'Note: {{note}}' },
  ],
}

let cloud: MockCloud

const session = (username: string): Promise<string> => sessionOf(cloud, username)

const call = (verb: string, path: string, params: Record<string, string> = {}, sessionId?: string) => inProcessCall(cloud, verb, path, params, sessionId)

const send = (params: Record<string, string>, sessionId?: string) => call('POST', 'custom_mailer/email_from_template', params, sessionId)

/** The template mails of key K's outbox. */
const templateMails = () => cloud.outbox('K').flatMap((mail) => (mail.kind === 'template' ? [mail] : []))

function failure(reply: { status: number; body: any }) {
  return { status: reply.status, code: reply.body.meta.code, message: reply.body.meta.message, method_name: reply.body.meta.method_name }
}

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixture })
})

describe('custom_mailer/email_from_template', () => {
  it('fills the template in and records one mail for all recipients in the outbox, meta only', async () => {
    const reply = await send({ template: 'welcome', recipients: ' joe@example.com, ,ann@example.com', first_name: 'Joe', code: '42' })
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'emailFromTemplate' } })
    expect(cloud.outbox('K')).toEqual([
      {
        key: 'K',
        kind: 'template',
        template: 'welcome',
        from: 'no-reply@mock-cloud.local',
        to: ['joe@example.com', 'ann@example.com'],
        subject: 'Welcome, Joe',
        content_type: 'multipart',
        html: '<p>Hi Joe, your code is 42.</p>',
        text: 'Hi Joe, your code is 42.',
        params: { first_name: 'Joe', code: '42' },
        created_at: expect.any(String),
      },
    ])
  })

  it('needs no session; with one, records the caller; takes from; leaves unknown placeholders empty', async () => {
    const alice = await session('alice')
    await send({ template: 'welcome', recipients: 'joe@example.com', from: 'shop@example.com', subject: 'ignored' }, alice)
    const [mail] = templateMails()
    expect(mail).toMatchObject({ from: 'shop@example.com', session_user_id: ids.alice, subject: 'Welcome, ', text: 'Hi , your code is .' })
    expect(mail!.params).toEqual({ subject: 'ignored' })
    expect(mail!.unfilled).toEqual(['first_name', 'code'])
  })

  it('lists in unfilled only the placeholders of what was sent that had no value', async () => {
    await send({ template: 'welcome', recipients: 'joe@example.com', first_name: 'Joe' })
    await send({ template: 'welcome', recipients: 'joe@example.com', first_name: 'Joe', code: '' })
    expect(templateMails().map((mail) => mail.unfilled)).toEqual([['code'], undefined])
  })

  it('sends the body the template has, or the one content_type asks for', async () => {
    await send({ template: 'html_only', recipients: 'a@example.com', news: 'x' })
    await send({ template: 'plain_only', recipients: 'a@example.com', note: 'y' })
    await send({ template: 'welcome', recipients: 'a@example.com', content_type: 'plain' })
    await send({ template: 'welcome', recipients: 'a@example.com', content_type: 'html' })
    const mails = templateMails().map(({ content_type, html, text }) => ({ content_type, html, text }))
    expect(mails).toEqual([
      { content_type: 'html', html: '<b>x</b>', text: undefined },
      { content_type: 'plain', html: undefined, text: 'Note: y' },
      { content_type: 'plain', html: undefined, text: 'Hi , your code is .' },
      { content_type: 'html', html: '<p>Hi , your code is .</p>', text: undefined },
    ])
  })

  it('lands beside the account-flow mails and shows over GET /__mock/outbox', async () => {
    await call('GET', 'users/request_reset_password', { email: 'bob@example.com' })
    await send({ template: 'plain_only', recipients: 'a@example.com' })
    const reply = await cloud.app.request('/__mock/outbox?key=K')
    const body = (await reply.json()) as any
    expect(body.meta.count).toBe(2)
    expect(body.response.mails.map((mail: { kind: string }) => mail.kind)).toEqual(['reset_password', 'template'])
  })

  it.each([
    [{ recipients: 'a@example.com' }, 400, 'Required field: template'],
    [{ template: 'welcome' }, 400, 'Required field: recipients'],
    [{ template: 'welcome', recipients: ' , ' }, 400, 'Required field: recipients'],
    [{ template: 'welcome', recipients: 'a@example.com,not-an-address' }, 400, 'Invalid email address: not-an-address'],
    [{ template: 'welcome', recipients: 'a@example.com', content_type: 'rich' }, 400, 'Invalid content_type: rich'],
    [{ template: 'nope', recipients: 'a@example.com' }, 422, "Email template 'nope' not found."],
    [{ template: 'plain_only', recipients: 'a@example.com', content_type: 'html' }, 422, "Email template 'plain_only' has no html body."],
    [{ template: 'html_only', recipients: 'a@example.com', content_type: 'multipart' }, 422, "Email template 'html_only' has no plain body."],
  ])('refuses %j with %i %s and records nothing', async (params, status, message) => {
    expect(failure(await send(params))).toEqual({ status, code: status, message, method_name: 'emailFromTemplate' })
    expect(cloud.outbox('K')).toEqual([])
  })

  it('answers 422 while the emailConfigured app setting is false', async () => {
    await cloud.setSettings('K', { emailConfigured: false })
    expect(failure(await send({ template: 'welcome', recipients: 'a@example.com' }))).toEqual({
      status: 422,
      code: 422,
      message: 'Email is not configured for this application.',
      method_name: 'emailFromTemplate',
    })
    expect(cloud.outbox('K')).toEqual([])
    await cloud.setSettings('K', { emailConfigured: null })
    expect((await send({ template: 'welcome', recipients: 'a@example.com' })).status).toBe(200)
  })

  it('a reset of the key empties the outbox', async () => {
    await send({ template: 'welcome', recipients: 'a@example.com' })
    await cloud.reset('K')
    expect(cloud.outbox('K')).toEqual([])
  })
})

describe('email_templates', () => {
  it('count counts the fixture templates without a session', async () => {
    const reply = await call('GET', 'email_templates/count')
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'email_templatesCount', count: 3 })
  })

  it('an admin creates, shows, updates and deletes a template a send then uses', async () => {
    const admin = await session('admin')
    const made = await call('POST', 'email_templates/create', { name: 'bye', subject: 'Bye {{who}}', plain_body: 'See you' }, admin)
    const [template] = made.body.response.email_templates
    expect(template).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'bye',
      subject: 'Bye {{who}}',
      plain_body: 'See you',
      created_at: expect.stringMatching(/\+0000$/),
      updated_at: expect.stringMatching(/\+0000$/),
    })
    const updated = await call('PUT', 'email_templates/update', { email_template_id: template.id, body: '<i>See you</i>', plain_body: '' }, admin)
    expect(updated.body.response.email_templates[0]).toMatchObject({ name: 'bye', body: '<i>See you</i>' })
    expect(updated.body.response.email_templates[0]).not.toHaveProperty('plain_body')
    await send({ template: 'bye', recipients: 'a@example.com', who: 'Ann' })
    expect(cloud.outbox('K')[0]).toMatchObject({ subject: 'Bye Ann', content_type: 'html', html: '<i>See you</i>' })
    const shown = await call('GET', 'email_templates/show', { email_template_id: template.id }, admin)
    expect(shown.body.meta.method_name).toBe('showEmailTemplate')
    expect((await call('DELETE', 'email_templates/delete', { email_template_id: template.id }, admin)).body.meta.method_name).toBe('deleteEmailTemplate')
    expect(failure(await call('GET', 'email_templates/show', { email_template_id: template.id }, admin)).message).toBe(
      `Invalid object id: '${template.id}'`,
    )
  })

  it('refuses a non-admin with 403 and no session with 400', async () => {
    const alice = await session('alice')
    expect(failure(await call('GET', 'email_templates/query', {}, alice))).toEqual({
      status: 403,
      code: 403,
      message: 'You are not authorized to perform this action.',
      method_name: 'queryEmailTemplates',
    })
    expect(failure(await call('POST', 'email_templates/create', { name: 'x', subject: 's', body: 'b' }))).toMatchObject({
      status: 400,
      message: 'Failed to authenticate user',
    })
  })

  it.each([
    [{ subject: 's', body: 'b' }, "Failed to create email_template: Validation failed - Name can't be blank."],
    [{ name: 'x', body: 'b' }, "Failed to create email_template: Validation failed - Subject can't be blank."],
    [{ name: 'x', subject: 's' }, 'Failed to create email_template: Validation failed - Body or plain body is required.'],
    [{ name: 'welcome', subject: 's', body: 'b' }, 'Failed to create email_template: Validation failed - Name is already taken.'],
  ])('create refuses %j: %s', async (params, message) => {
    const admin = await session('admin')
    expect(failure(await call('POST', 'email_templates/create', params, admin))).toEqual({ status: 400, code: 400, message, method_name: 'createEmailTemplate' })
  })

  it('update refuses a taken name, removing the only body, and a missing id', async () => {
    const admin = await session('admin')
    const [html] = (await call('GET', 'email_templates/query', { order: 'name' }, admin)).body.response.email_templates
    expect(html.name).toBe('html_only')
    const update = (params: Record<string, string>) => call('PUT', 'email_templates/update', params, admin)
    expect(failure(await update({ email_template_id: html.id, name: 'welcome' })).message).toBe(
      'Failed to update email_template: Validation failed - Name is already taken.',
    )
    expect(failure(await update({ email_template_id: html.id, body: '' })).message).toBe(
      'Failed to update email_template: Validation failed - Body or plain body is required.',
    )
    expect(failure(await update({ name: 'y' }))).toMatchObject({ status: 400, message: 'Required field: email_template_id' })
  })
})

describe('email templates in fixtures', () => {
  it.each([
    [{ email_templates: [{ name: 'a', subject: 's' }] }, /email_templates\[0\]\.body: body or plain_body is required/],
    [{ email_templates: [{ name: 'a', subject: 's', body: 'b', html: 'x' }] }, /email_templates\[0\]\.html: is not an email template field/],
    [{ email_templates: [{ name: 'a', subject: 's', body: 'b' }, { name: 'a', subject: 's', body: 'b' }] }, /email_templates\[1\]\.name: "a" is already taken/],
  ])('refuses %j', async (bad, message) => {
    await expect(createMockCloud({ fixtures: bad as Fixture })).rejects.toThrow(message)
  })
})

import type { Hono } from 'hono'
import type { OpenAPIObject, PathItemObject, PathsObject, ResponsesObject, SchemaObject } from 'openapi3-ts/oas31'
import { DEFAULT_FAULT_MESSAGE, MAX_DELAY_MS } from '../faults.js'
import { REDACTED } from '../journal.js'
import { adminRoute } from './admin-route.js'

/**
 * The OpenAPI 3.1 description of the admin routes (`/__mock/*`, docs/toolkit.md), served at
 * `GET /__mock/openapi.json`. One entry of {@link paths} per route: a new admin route adds
 * its entry there (test/http/openapi.test.ts checks that every route has one and no entry
 * lacks a route).
 */

type Schema = SchemaObject

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` })

/** The query parameters every admin route takes: the envelope's own. */
const envelopeParams = [param('pretty_json'), param('suppress_response_codes')]

/** A success reply: the envelope with `meta` (method_name, extra fields) and an optional `response`. */
function ok(description: string, method_name: string, extra: Record<string, Schema> = {}, response?: Schema): ResponsesObject {
  const meta: Schema = {
    allOf: [ref('Meta'), { type: 'object', properties: { method_name: { const: method_name }, ...extra } }],
  }
  const properties: Record<string, Schema> = { meta }
  if (response) properties.response = response
  return {
    '200': {
      description,
      content: { 'application/json': { schema: { type: 'object', required: Object.keys(properties), properties } } },
    },
    default: { $ref: '#/components/responses/Failure' },
  }
}

const count = (what: string): Record<string, Schema> => ({ count: { type: 'integer', minimum: 0, description: what } })

const reset: PathItemObject = {
  post: {
    operationId: 'mockReset',
    summary: 'Put data sets back to their fixture baseline',
    description:
      'Every data set, or with `key` only that app key\'s: users created since are gone, updated users are as in the fixture, every session has ended; the journal and the faults of those keys are cleared. Twin of `reset(key?)`.',
    parameters: [param('key'), ...envelopeParams],
    responses: ok('Reset done.', 'mockReset'),
  },
}

const requests: PathItemObject = {
  get: {
    operationId: 'mockRequests',
    summary: 'The request journal: the /v1 calls received, oldest first',
    description: 'Every filter is optional; all given must hold. Twin of `requests(filter?)`.',
    parameters: [
      param('key'),
      { name: 'method_name', in: 'query', schema: { type: 'string' }, description: 'Only calls of this endpoint, e.g. `loginUser`.' },
      { name: 'status', in: 'query', schema: { type: 'integer', minimum: 100, maximum: 599 }, description: 'Only calls whose HTTP status or ArrowDB code (`meta.code`) is this: `400` also finds a failure sent as HTTP 200 under `suppress_response_codes`.' },
      {
        name: 'since',
        in: 'query',
        schema: { type: 'string' },
        description: 'Only calls that arrived at or after this instant: ISO 8601, or milliseconds since 1970.',
      },
      ...envelopeParams,
    ],
    responses: ok('The matching calls.', 'mockRequests', count('calls returned'), {
      type: 'object',
      required: ['requests'],
      properties: { requests: { type: 'array', items: ref('JournalEntry') } },
    }),
  },
  delete: {
    operationId: 'mockClearRequests',
    summary: 'Empty the journal of one app key, or of all',
    description: 'Twin of `clearRequests(key?)`.',
    parameters: [param('key'), ...envelopeParams],
    responses: ok('Journal emptied.', 'mockClearRequests', count('calls removed')),
  },
}

const faults: PathItemObject = {
  get: {
    operationId: 'mockFaults',
    summary: 'The live faults, in the order they were added',
    description: 'With `key`, only the faults scoped to that key (not those for every key). Twin of `faults(key?)`.',
    parameters: [param('key'), ...envelopeParams],
    responses: ok('The faults.', 'mockFaults', count('faults returned'), {
      type: 'object',
      required: ['faults'],
      properties: { faults: { type: 'array', items: ref('Fault') } },
    }),
  },
  post: {
    operationId: 'mockAddFault',
    summary: 'Add a fault: fail, delay or drop the next calls of an endpoint',
    description:
      'The fault is scoped to `key` (body or query; the body wins), or without one to every key. When several faults match a call, the oldest acts. Twin of `fault(spec)`, which returns the id.',
    parameters: [param('key'), ...envelopeParams],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: ref('FaultSpec') }, 'application/x-www-form-urlencoded': { schema: ref('FaultSpec') } },
    },
    responses: ok('The fault as stored, with its id.', 'mockAddFault', {}, {
      type: 'object',
      required: ['faults'],
      properties: { faults: { type: 'array', items: ref('Fault'), minItems: 1, maxItems: 1 } },
    }),
  },
  delete: {
    operationId: 'mockClearFaults',
    summary: 'Remove the faults of one app key, or all',
    description: 'Twin of `clearFaults(key?)`.',
    parameters: [param('key'), ...envelopeParams],
    responses: ok('Faults removed.', 'mockClearFaults', count('faults removed')),
  },
}

const snapshotName = { name: 'name', in: 'path' as const, required: true, schema: { type: 'string' as const }, description: 'The snapshot\'s name.' }
const snapshotReply = { type: 'object' as const, required: ['snapshot'], properties: { snapshot: ref('Snapshot') } }

const snapshotList: PathItemObject = {
  get: {
    operationId: 'mockSnapshots',
    summary: 'The snapshots taken',
    description: 'Twin of `snapshots()`.',
    parameters: envelopeParams,
    responses: ok('The snapshots.', 'mockSnapshots', {}, {
      type: 'object',
      required: ['snapshots'],
      properties: { snapshots: { type: 'array', items: ref('Snapshot') } },
    }),
  },
}

const snapshot: PathItemObject = {
  post: {
    operationId: 'mockSnapshot',
    summary: 'Save a snapshot of one data set, or of all',
    description: 'In memory only. Taken again under the same name (and key), it is replaced. Twin of `snapshot(name, key?)`.',
    parameters: [snapshotName, param('key'), ...envelopeParams],
    responses: ok('The snapshot saved.', 'mockSnapshot', {}, snapshotReply),
  },
  delete: {
    operationId: 'mockDeleteSnapshot',
    summary: 'Forget a snapshot, or only one key\'s part of it',
    description: 'An unknown name answers 404. Twin of `deleteSnapshot(name, key?)`.',
    parameters: [snapshotName, param('key'), ...envelopeParams],
    responses: ok('Snapshot forgotten.', 'mockDeleteSnapshot'),
  },
}

const snapshotRestore: PathItemObject = {
  post: {
    operationId: 'mockRestore',
    summary: 'Put a snapshot back: one key\'s data set, or all it holds',
    description: 'An unknown name, or one holding nothing for `key`, answers 404. Twin of `restore(name, key?)`.',
    parameters: [snapshotName, param('key'), ...envelopeParams],
    responses: ok('Snapshot restored.', 'mockRestore'),
  },
}

const data: PathItemObject = {
  get: {
    operationId: 'mockExportData',
    summary: 'Export data sets as JSON (not in an envelope)',
    description:
      'With `key`, that data set as `{ users, sessions, tokens, outbox }` (stored users, password hashes included); without, every data set as `{ apps }`, the `--data` file\'s layout. Twin of `exportData(key?)`.',
    parameters: [param('key'), param('pretty_json')],
    responses: {
      '200': { description: 'The data.', content: { 'application/json': { schema: { type: 'object' } } } },
      default: { $ref: '#/components/responses/Failure' },
    },
  },
  put: {
    operationId: 'mockImportData',
    summary: 'Import data sets: replace one (with `key`) or all with an export',
    description: 'A body that is not an export answers 400 naming the problem, and nothing changes. Twin of `importData(data, key?)`.',
    parameters: [param('key'), ...envelopeParams],
    requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
    responses: ok('Imported.', 'mockData'),
  },
}

const clock: PathItemObject = {
  get: {
    operationId: 'mockClock',
    summary: 'The server\'s clock',
    description: 'Twin of `clock.state()`.',
    parameters: envelopeParams,
    responses: ok('The clock.', 'mockClock', {}, { type: 'object', required: ['clock'], properties: { clock: ref('ClockState') } }),
  },
  post: {
    operationId: 'mockMoveClock',
    summary: 'Freeze, unfreeze, set or advance the clock',
    description:
      'It drives created_at/updated_at, ids\' time part, session expiry, push schedules (sent at the next API call or push outbox read once passed), the journal\'s times and fault ttls. Parameters in the query or the body (form or JSON). Twin of `clock.freeze()`, `unfreeze()`, `set(iso)`, `advance(by)`.',
    parameters: [
      { name: 'action', in: 'query', schema: { enum: ['freeze', 'unfreeze', 'set', 'advance'] }, description: 'Default `set` when `iso` is given.' },
      { name: 'iso', in: 'query', schema: { type: 'string' }, description: 'For `set`: the date to set, ISO 8601.' },
      { name: 'by', in: 'query', schema: { type: 'string' }, description: 'For `advance`: ms, or a duration such as `25h`, `30m`, `2 days`.' },
      ...envelopeParams,
    ],
    responses: ok('The clock as it is then.', 'mockClock', {}, { type: 'object', required: ['clock'], properties: { clock: ref('ClockState') } }),
  },
}

const settings: PathItemObject = {
  get: {
    operationId: 'mockSettings',
    summary: 'The app settings in force for one app key',
    description: 'Its run-time changes, over the fixture\'s settings for it, over the server\'s, over the defaults. Twin of `settings(key)`.',
    parameters: [{ ...param('key'), required: true }, ...envelopeParams],
    responses: ok('The settings.', 'mockSettings', {}, { type: 'object', required: ['settings'], properties: { settings: { type: 'object' } } }),
  },
  put: {
    operationId: 'mockSetSettings',
    summary: 'Change app settings of one app key until its next reset',
    description: 'Settings as parameters (JSON body or form), e.g. `{"legacyPaging": true}`; `null` puts one back. An unknown setting or a bad value answers 400 and changes nothing. Twin of `setSettings(key, changes)`.',
    parameters: [{ ...param('key'), required: true }, ...envelopeParams],
    responses: ok('The settings in force then.', 'mockSettings', {}, { type: 'object', required: ['settings'], properties: { settings: { type: 'object' } } }),
  },
}

const outbox: PathItemObject = {
  get: {
    operationId: 'mockOutbox',
    summary: 'The mails the real service would have sent, recorded instead',
    description: 'Confirmation, password reset and welcome mails and the mails sent from email templates, of one app key or of all, oldest first. Twin of `outbox(key?)`.',
    parameters: [param('key'), ...envelopeParams],
    responses: ok('The mails.', 'mockOutbox', count('mails returned'), {
      type: 'object',
      required: ['mails'],
      properties: { mails: { type: 'array', items: ref('Mail') } },
    }),
  },
}

const pushes: PathItemObject = {
  get: {
    operationId: 'mockPushes',
    summary: 'The pushes the real service would have delivered, recorded instead',
    description: 'Every accepted push_notification/notify and notify_tokens, and every occurrence of a push schedule the server clock has passed (kind `schedule`, fired before the read), of one app key or of all, oldest first, with each recipient device (token, type, user, channels) and the payload as that device would get it. Twin of `pushes(key?)`.',
    parameters: [param('key'), ...envelopeParams],
    responses: ok('The pushes.', 'mockPushes', count('pushes returned'), {
      type: 'object',
      required: ['pushes'],
      properties: { pushes: { type: 'array', items: { type: 'object', required: ['key', 'id', 'kind', 'channel', 'payload', 'target', 'deliveries', 'created_at'] } } },
    }),
  },
}

const processing: PathItemObject = {
  get: {
    operationId: 'mockUnprocessed',
    summary: 'The uploads held unprocessed by the processing setting\'s manual mode',
    description: 'Uploads (files, photos) stored while the app setting `processing` was `manual`, of one app key or of all: they show `processed: false` and their URLs answer 404 until released. Twin of `unprocessed(key?)`.',
    parameters: [param('key'), ...envelopeParams],
    responses: ok('The held uploads.', 'mockProcessing', count('uploads returned'), {
      type: 'object',
      required: ['unprocessed'],
      properties: { unprocessed: { type: 'array', items: ref('Upload') } },
    }),
  },
  post: {
    operationId: 'mockRelease',
    summary: 'Process held uploads: every one, or those ids names',
    description: 'From the next request on they show `processed: true` with their URLs. `ids` in the query or the body (form or JSON): a comma list or an array. An id that is not held answers 400 and releases nothing. Twin of `release(ids?, key?)`.',
    parameters: [
      param('key'),
      { name: 'ids', in: 'query', schema: { type: 'string' }, description: 'The uploads to process, a comma list or a JSON array; absent: every held upload.' },
      ...envelopeParams,
    ],
    responses: ok('The uploads processed.', 'mockProcessing', count('uploads released'), {
      type: 'object',
      required: ['released'],
      properties: { released: { type: 'array', items: ref('Upload') } },
    }),
  },
}

const keys: PathItemObject = {
  get: {
    operationId: 'mockKeys',
    summary: 'The app keys in use, with what each data set holds',
    description: 'Every data set in use, in order of first use: its stored collections (by name, with their record counts), and how many sessions, mails and pushes it holds. Creates no data set.',
    parameters: envelopeParams,
    responses: ok('The data sets.', 'mockKeys', count('app keys returned'), {
      type: 'object',
      required: ['keys'],
      properties: { keys: { type: 'array', items: ref('DataSetSummary') } },
    }),
  },
}

const collection: PathItemObject = {
  get: {
    operationId: 'mockCollection',
    summary: 'The stored records of one collection of a data set, filtered, sorted and paged',
    description:
      'Records as stored (as `GET /__mock/data` exports them), whatever object owns the collection. `where`, `order`, `limit`/`skip` and `page`/`per_page` follow the API\'s query rules (docs/api.md "Queries"), applied to the stored fields (a user\'s custom field is `custom_fields.NAME`). A bad one answers 400; a key with no data set, or a collection it does not hold, 404.',
    parameters: [
      { name: 'name', in: 'path', required: true, schema: { type: 'string' }, description: 'The collection\'s name in the data set, e.g. `users`, `objects:cars`.' },
      { ...param('key'), required: true },
      { name: 'where', in: 'query', schema: { type: 'string' }, description: 'A JSON query document, e.g. `{"username":"alice"}`.' },
      { name: 'order', in: 'query', schema: { type: 'string' }, description: 'Sort fields, e.g. `-created_at,username`.' },
      { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 10 } },
      { name: 'skip', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
      { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
      { name: 'per_page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
      ...envelopeParams,
    ],
    responses: ok('One page of the matching records.', 'mockCollection', count('records matching the where (all pages)'), {
      type: 'object',
      required: ['records'],
      properties: { records: { type: 'array', items: { type: 'object', required: ['id'] } } },
    }),
  },
}

const sessions: PathItemObject = {
  get: {
    operationId: 'mockSessions',
    summary: 'The live sessions of one data set, or of all',
    description: 'Each with its app key, session id, user id and start, oldest first.',
    parameters: [param('key'), ...envelopeParams],
    responses: ok('The sessions.', 'mockSessions', count('sessions returned'), {
      type: 'object',
      required: ['sessions'],
      properties: {
        sessions: {
          type: 'array',
          items: {
            type: 'object',
            required: ['key', 'session_id', 'user_id', 'created_at'],
            properties: { key: { type: 'string' }, session_id: { type: 'string' }, user_id: { type: 'string' }, created_at: { type: 'string', format: 'date-time' } },
          },
        },
      },
    }),
  },
}

const html = (description: string, type: string): ResponsesObject => ({
  '200': { description, content: { [type]: { schema: { type: 'string' } } } },
  default: { $ref: '#/components/responses/Failure' },
})

const ui: PathItemObject = {
  get: {
    operationId: 'mockUi',
    summary: 'The dashboard: a page to look inside the data sets and use these routes (docs/dashboard.md)',
    description: 'Its scripts and styles are served under `/__mock/ui/NAME`; the page calls only the admin routes of this server. A browser sends the admin token as the password of `Authorization: Basic`, which a 401 asks for.',
    responses: html('The page.', 'text/html'),
  },
}

const uiFile: PathItemObject = {
  get: {
    operationId: 'mockUiFile',
    summary: 'A script or style of the dashboard',
    parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' }, examples: { app: { value: 'app.js' } } }],
    responses: html('The file; an unknown name answers 404.', 'text/javascript'),
  },
}

const openApi: PathItemObject = {
  get: {
    operationId: 'mockOpenApi',
    summary: 'This document',
    responses: {
      '200': { description: 'The OpenAPI 3.1 document of the admin routes.', content: { 'application/json': { schema: { type: 'object' } } } },
      default: { $ref: '#/components/responses/Failure' },
    },
  },
}

/** The admin routes, one entry per route. */
const paths: PathsObject = {
  '/__mock/reset': reset,
  '/__mock/requests': requests,
  '/__mock/faults': faults,
  '/__mock/snapshots': snapshotList,
  '/__mock/snapshots/{name}': snapshot,
  '/__mock/snapshots/{name}/restore': snapshotRestore,
  '/__mock/data': data,
  '/__mock/clock': clock,
  '/__mock/settings': settings,
  '/__mock/outbox': outbox,
  '/__mock/pushes': pushes,
  '/__mock/processing': processing,
  '/__mock/keys': keys,
  '/__mock/collections/{name}': collection,
  '/__mock/sessions': sessions,
  '/__mock/ui': ui,
  '/__mock/ui/{name}': uiFile,
  '/__mock/openapi.json': openApi,
}

const schemas: Record<string, Schema> = {
  Meta: {
    type: 'object',
    required: ['code', 'status', 'method_name'],
    properties: { code: { const: 200 }, status: { const: 'ok' }, method_name: { type: 'string' } },
  },
  Failure: {
    type: 'object',
    required: ['meta'],
    properties: {
      meta: {
        type: 'object',
        required: ['status', 'code', 'message'],
        properties: {
          status: { const: 'fail' },
          code: { type: 'integer' },
          message: { type: 'string' },
          method_name: { type: 'string' },
        },
      },
    },
  },
  JournalEntry: {
    type: 'object',
    required: ['id', 'key', 'time', 'method', 'path', 'method_name', 'params', 'user_id', 'status', 'meta', 'duration_ms'],
    properties: {
      id: { type: 'integer', minimum: 1, description: 'Position in the server\'s journal; later calls have larger ids.' },
      key: { type: ['string', 'null'], description: 'The app key the call sent, or null.' },
      time: { type: 'string', format: 'date-time', description: 'Arrival, by the server\'s clock.' },
      method: { type: 'string' },
      path: { type: 'string', examples: ['/v1/users/login.json'] },
      method_name: { type: ['string', 'null'] },
      params: {
        type: 'object',
        description: `Query and body merged; passwords, tokens, secrets and session ids as "${REDACTED}".`,
      },
      user_id: { type: ['string', 'null'], description: 'The user of the session the call carried.' },
      status: { type: ['integer', 'null'], description: 'HTTP status sent; null when a fault dropped the connection.' },
      meta: { type: ['object', 'null'], description: 'The reply\'s `meta`.' },
      duration_ms: { type: 'number', minimum: 0 },
      fault: { type: 'string', description: 'The id of the fault that acted on the call.' },
    },
  },
  FaultError: {
    type: 'object',
    required: ['code'],
    additionalProperties: false,
    properties: {
      code: { type: 'integer', minimum: 400, maximum: 599 },
      message: { type: 'string', minLength: 1, default: DEFAULT_FAULT_MESSAGE },
    },
  },
  FaultSpec: {
    type: 'object',
    additionalProperties: false,
    description: 'Name the endpoint by `method_name` or `path` (one of them); give `error`, `delay` or `drop` (not both `error` and `drop`).',
    properties: {
      key: { type: 'string', description: 'Scope: this app key\'s calls; absent: every key.' },
      method_name: { type: 'string', examples: ['loginUser'] },
      path: { type: 'string', examples: ['users/login'] },
      times: { type: 'integer', minimum: 1, default: 1, description: 'How many calls it acts on.' },
      ttl: { type: 'integer', minimum: 1, description: 'Milliseconds on the server\'s clock after which it is gone.' },
      error: ref('FaultError'),
      delay: { type: 'integer', minimum: 0, maximum: MAX_DELAY_MS, description: 'Milliseconds of real time before answering.' },
      drop: { type: 'boolean', description: 'Destroy the connection without a reply.' },
    },
  },
  Snapshot: {
    type: 'object',
    required: ['name', 'keys', 'allKeys'],
    properties: {
      name: { type: 'string' },
      keys: { type: 'array', items: { type: 'string' }, description: 'The app keys whose data sets it holds.' },
      allKeys: { type: 'boolean', description: 'Taken of every data set (without a key).' },
    },
  },
  DataSetSummary: {
    type: 'object',
    required: ['key', 'collections', 'sessions', 'mails', 'pushes'],
    properties: {
      key: { type: 'string' },
      collections: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 }, description: 'Record counts by collection name.' },
      sessions: { type: 'integer', minimum: 0 },
      mails: { type: 'integer', minimum: 0 },
      pushes: { type: 'integer', minimum: 0 },
    },
  },
  ClockState: {
    type: 'object',
    required: ['now', 'frozen'],
    properties: { now: { type: 'string', format: 'date-time' }, frozen: { type: 'boolean' } },
  },
  Mail: {
    type: 'object',
    description: 'A mail of the account flows (confirmation, reset_password, welcome: one user in `to`), or one sent from an email template (template: every recipient in `to`).',
    required: ['key', 'kind', 'to', 'subject', 'created_at'],
    properties: {
      key: { type: 'string', description: 'The app key whose data set sent it.' },
      kind: { enum: ['confirmation', 'reset_password', 'welcome', 'template'] },
      to: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'The address (account flows) or the addresses (template).' },
      user_id: { type: 'string', description: 'The user it was sent to (account flows).' },
      subject: { type: 'string' },
      template: { type: 'string' },
      token: { type: 'string', description: 'The one-use token in the link (confirmation and reset mails).' },
      link: { type: 'string' },
      from: { type: 'string', description: 'The sender (template mails).' },
      content_type: { enum: ['plain', 'html', 'multipart'], description: 'How a template mail was sent.' },
      html: { type: 'string', description: 'The HTML body, filled in (template mails).' },
      text: { type: 'string', description: 'The plain body, filled in (template mails).' },
      params: { type: 'object', additionalProperties: { type: 'string' }, description: 'The placeholder values the call sent (template mails).' },
      unfilled: { type: 'array', items: { type: 'string' }, description: 'The placeholders the call gave no value, filled in empty; absent when none (template mails).' },
      session_user_id: { type: 'string', description: 'The caller, when the call carried a session (template mails).' },
      created_at: { type: 'string', format: 'date-time' },
    },
  },
  Upload: {
    type: 'object',
    required: ['key', 'object', 'id'],
    properties: {
      key: { type: 'string', description: 'The app key whose data set holds it.' },
      object: { type: 'string', description: 'The object it belongs to, named as in its download URLs (`/storage/<key>/<object>/<id>/…`).' },
      id: { type: 'string', description: 'Its id, as the object\'s show endpoint takes it.' },
    },
  },
  Fault: {
    type: 'object',
    required: ['id', 'key', 'path', 'method_name', 'remaining', 'expires_at'],
    properties: {
      id: { type: 'string', examples: ['fault-1'] },
      key: { type: ['string', 'null'] },
      path: { type: 'string' },
      method_name: { type: 'string' },
      remaining: { type: 'integer', minimum: 1, description: 'Calls it will still act on.' },
      expires_at: { type: ['string', 'null'], format: 'date-time' },
      error: ref('FaultError'),
      delay: { type: 'integer' },
      drop: { const: true },
    },
  },
}

/**
 * The document: `openapi` 3.1.0, the admin routes under {@link paths}, their schemas, and
 * the admin token as security (optional for loopback clients when the server has no token).
 */
const openApiDocument: OpenAPIObject = {
  openapi: '3.1.0',
  info: {
    title: 'mock-cloud admin API',
    version: '1',
    description:
      'Test controls of mock-cloud, beside its ArrowDB REST API v1 (`/v1/...`). Without `--admin-token` only loopback clients may call them; with it, every client must send the token.',
  },
  paths,
  components: {
    schemas,
    parameters: {
      key: {
        name: 'key',
        in: 'query',
        schema: { type: 'string' },
        description: 'The app key whose data set the call is about; absent: every data set.',
      },
      pretty_json: { name: 'pretty_json', in: 'query', schema: { type: 'boolean' }, description: 'Indent the reply by two spaces.' },
      suppress_response_codes: {
        name: 'suppress_response_codes',
        in: 'query',
        schema: { type: 'boolean' },
        description: 'Answer HTTP 200 whatever `meta.code` says.',
      },
    },
    responses: {
      Failure: { description: 'A failure envelope.', content: { 'application/json': { schema: ref('Failure') } } },
    },
    securitySchemes: {
      adminBearer: { type: 'http', scheme: 'bearer', description: '`Authorization: Bearer TOKEN`, TOKEN from `--admin-token`.' },
      adminHeader: { type: 'apiKey', in: 'header', name: 'x-mock-admin-token', description: 'The same token in a header of its own.' },
    },
  },
  security: [{}, { adminBearer: [] }, { adminHeader: [] }],
}

/** `GET /__mock/openapi.json`: {@link openApiDocument} as plain JSON (not in an envelope). */
export function openApiRoutes(admin: Hono): void {
  adminRoute(admin, '/__mock/openapi.json', 'mockOpenApi', { GET: (c) => c.json(openApiDocument) })
}

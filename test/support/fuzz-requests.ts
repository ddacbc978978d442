import fc from 'fast-check'
import { OBJECTS } from '../../src/objects/index.js'
import { ids } from './fixture-s.js'

/**
 * Generators of hostile requests for the fuzz suite (docs/limits.md): every endpoint, every
 * parameter, with values of every wrong shape, sent in every encoding a client may use or
 * botch. A request is plain data (method, raw path, headers, body bytes), sent as it is.
 */

/** One generated request, exactly as it goes on the wire. */
export interface FuzzRequest {
  method: string
  /** Path and query string as sent, bytes above 0x7f as latin1 characters. */
  path: string
  headers: Record<string, string>
  body?: Uint8Array
  /** How the parameters were encoded, for a readable counterexample. */
  encoding: string
}

/** Session ids the fuzz server has live before every request (see fuzz.test.ts). */
export const FUZZ_SESSIONS = { alice: 'fuzz-session-alice-000000', admin: 'fuzz-session-admin-000000' } as const

/** App keys the fuzzer sends; each one's data set exists before every request. */
export const FUZZ_KEYS = ['TESTKEY', 'OTHER', '__proto__', 'constructor', 'hasOwnProperty', ' ', 'k\u00e9y'] as const

const PARAMS = [
  'where', 'sel', 'unsel', 'custom_fields', 'order', 'limit', 'skip', 'page', 'per_page', 'count', 'q',
  'user_id', 'user_ids', 'su_id', 'sudo_id', 'login', 'password', 'password_confirmation', 'username',
  'email', 'first_name', 'last_name', 'role', 'tags', 'admin', 'suppress_response_codes', 'pretty_json',
  '_session_id', 'session_id', 'response_json_depth', 'photo', 'key', '__proto__', 'constructor', 'prototype',
] as const

const FIELD_NAMES = [
  'age', 'color', 'username', 'email', 'tags', 'created_at', 'id', '_id', 'a.b', '$x', '', '__proto__',
  'constructor', 'prototype', 'constructor.prototype', 'a.__proto__.b', 'toString', 'valueOf', 'coordinates',
]

const OPERATORS = [
  '$lt', '$lte', '$gt', '$gte', '$eq', '$ne', '$in', '$nin', '$all', '$exists', '$elemMatch', '$or', '$and',
  '$nor', '$not', '$regex', '$options', '$size', '$text', '$search', '$nearSphere', '$maxDistance',
  '$where', '$function', '$accumulator', '$expr', '$jsonSchema', '$mod', '$type', '$comment', '$unknown', '$',
  '$$ROOT', '$__proto__',
]

/** Patterns known to backtrack catastrophically in a backtracking engine, and broken ones. */
export const EVIL_PATTERNS = ['^(a+)+$', '^(a|a)*$', '^(a|aa)+$', '^([a-zA-Z]+)*$', '^(.*a){20}$', '^a(', '^[', '^\\', '^a{99999999}']

/** A string of `count` copies of `unit`: the huge strings of the fuzz. */
const repeated = (unit: string, count: number): string => unit.repeat(count)

/** JSON nested `depth` levels deep in one of several shapes a `where` or `custom_fields` might take. */
const deepJson = fc
  .record({
    depth: fc.oneof({ arbitrary: fc.integer({ min: 2, max: 300 }), weight: 20 }, fc.constantFrom(1000, 20_000)),
    shape: fc.constantFrom<[string, string]>(
      ['{"a":', '}'],
      ['[', ']'],
      ['{"$and":[', ']}'],
      ['{"$or":[{"a":', '}]}'],
      ['{"a":{"$not":', '}}'],
      ['{"a":{"$elemMatch":', '}}'],
      ['{"a":{"$in":[', ']}}'],
    ),
    leaf: fc.constantFrom('1', '{}', '[]', '"x"', 'null', '{"$gt":1}'),
  })
  .map(({ depth, shape: [open, close], leaf }) => repeated(open, depth) + leaf + repeated(close, depth))

const jsonText = fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value))

/** JSON text cut short, with a stray character, or in a dialect JSON.parse refuses. */
const malformedJson = fc.oneof(
  fc.tuple(jsonText, fc.nat()).map(([text, cut]) => text.slice(0, cut % Math.max(1, text.length))),
  fc.tuple(jsonText, fc.nat(), fc.constantFrom('{', '}', ',', ':', '"', '\\', '\u0000', '\ud800'))
    .map(([text, at, ch]) => text.slice(0, at % (text.length + 1)) + ch + text.slice(at % (text.length + 1))),
  fc.constantFrom('{', '{"a":}', '[1,]', 'NaN', "{'a':1}", 'undefined', '{"a":1}}', '{"a" 1}', '"\\u12"', '1e99999', '-', '{"__proto__":'),
)

/** `{"field": {"$op": value}}` and friends, with known, unknown and code-running operators. */
const operatorJson = fc
  .record({
    field: fc.constantFrom(...FIELD_NAMES),
    operator: fc.constantFrom(...OPERATORS),
    operand: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(...EVIL_PATTERNS),
      fc.constant('function () { return true }'),
      fc.constant('this.constructor.constructor("return process")().exit()'),
    ),
    second: fc.option(fc.constantFrom(...OPERATORS), { nil: undefined }),
    top: fc.boolean(),
  })
  .map(({ field, operator, operand, second, top }) => {
    const condition: Record<string, unknown> = { [operator]: operand }
    if (second !== undefined) condition[second] = operand
    return JSON.stringify(top ? condition : { [field]: condition })
  })

/** The same key twice in one JSON object: JSON.parse keeps the last. */
const duplicateKeys = fc
  .tuple(fc.constantFrom(...FIELD_NAMES), jsonText, jsonText)
  .map(([key, a, b]) => `{${JSON.stringify(key)}:${a},${JSON.stringify(key)}:${b}}`)

const hugeString = fc
  .record({ unit: fc.constantFrom('x', 'é', '\u{1F600}', '%', '{"a":1},', ',', ' '), count: fc.oneof({ arbitrary: fc.integer({ min: 1000, max: 8_000 }), weight: 30 }, fc.constant(300_000)) })
  .map(({ unit, count }) => repeated(unit, count))

const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) })

const idLike = fc.oneof(
  fc.constantFrom(...Object.values(ids), ids.alice.toUpperCase(), '5f000000000000000000000z', '5f00000000000000000000', ''),
  fc.array(fc.constantFrom(...Object.values(ids), 'nope', '', ' '), { maxLength: 5 }).map((list) => list.join(',')),
  fc.stringMatching(/^[0-9a-f]{24}$/),
)

const numberText = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('NaN', 'Infinity', '-0', '1e309', '0x10', '1.5', '', ' 3 ', '10abc', '99999999999999999999'),
)

/** A parameter value as text (query strings, forms, multipart). */
const textValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: jsonText, weight: 3 },
  { arbitrary: operatorJson, weight: 4 },
  { arbitrary: malformedJson, weight: 3 },
  { arbitrary: deepJson, weight: 1 },
  { arbitrary: duplicateKeys, weight: 1 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: fc.string({ unit: 'binary' }), weight: 2 },
  { arbitrary: loneSurrogates, weight: 1 },
  { arbitrary: idLike, weight: 2 },
  { arbitrary: numberText, weight: 2 },
  { arbitrary: fc.constantFrom('true', 'false', 't', '1', '0', 'yes', 'no', 'maybe', ''), weight: 1 },
  { arbitrary: fc.constantFrom('alice', 'ALICE@example.com', 'pw-alice', 'admin', 'a@b.c', 'bob@', 'hiking, golf'), weight: 2 },
)

/** A parameter value inside a JSON body, as JSON text: any JSON value, one of the texts, or deep nesting. */
const jsonBodyValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: textValue.map((text) => JSON.stringify(text)), weight: 3 },
  { arbitrary: fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value)), weight: 3 },
  { arbitrary: deepJson, weight: 1 },
  { arbitrary: fc.constantFrom('null', 'true', 'false', '0', '-1', '1e308', '[]', '{}', '[null]', '{"all":1}', '{"all":[1]}'), weight: 1 },
)

const params = <T>(value: fc.Arbitrary<T>) =>
  fc.array(fc.tuple(fc.constantFrom(...PARAMS), value), { maxLength: 6 })

/**
 * Percent-encodes text for a query string or form the way a careless client might: UTF-8
 * escapes (lone surrogates as U+FFFD, as `Buffer` writes them), or raw, or with broken escapes.
 */
const urlEncoding = fc.constantFrom('proper', 'raw', 'broken')

const ESCAPES = Array.from({ length: 256 }, (_, byte) => `%${byte.toString(16).padStart(2, '0')}`)

function encodeText(text: string, how: string): string {
  // Every byte escaped: valid, if wordier than a browser's encoding.
  if (how === 'proper') {
    let escaped = ''
    for (const byte of Buffer.from(text, 'utf8')) escaped += ESCAPES[byte]
    return escaped
  }
  // A raw request line may carry bytes 0x21–0xff but no space or control character.
  const latin1 = Buffer.from(text, 'utf8').toString('latin1').replace(/[\u0000-\u0020\u007f#]/g, '+')
  return how === 'raw' ? latin1 : `${latin1}%${['zz', 'E0%A4%A', '', 'C3', 'FF%FE', '00'][text.length % 6]}`
}

function formText(pairs: readonly (readonly [string, string])[], how: string): string {
  return pairs.map(([name, value]) => `${encodeText(name, how)}=${encodeText(value, how)}`).join('&')
}

function multipart(pairs: readonly (readonly [string, string])[], boundary: string): string {
  const parts = pairs.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
  return `${parts.join('')}--${boundary}--\r\n`
}

/** What the body of a request is, and what its Content-Type claims. */
const bodyKinds = fc.oneof(
  params(textValue).chain((pairs) =>
    fc.record({
      pairs: fc.constant(pairs),
      how: urlEncoding,
      type: fc.constantFrom(
        'application/x-www-form-urlencoded', '', 'application/json', 'multipart/form-data', 'text/plain',
        'application/x-www-form-urlencoded; charset=latin1', 'application/xml', ';;;', 'multipart/form-data; boundary=',
      ),
    }).map(({ pairs, how, type }) => ({ encoding: `form as ${type || 'no type'}`, type, body: Buffer.from(formText(pairs, how), 'latin1') })),
  ),
  fc.record({
    entries: params(jsonBodyValue),
    duplicate: fc.boolean(),
    type: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/vnd.api+json', 'application/x-www-form-urlencoded', ''),
  }).map(({ entries, duplicate, type }) => {
    const members = entries.map(([name, value]) => `${JSON.stringify(name)}:${value}`)
    if (duplicate && members.length > 0) members.push(members[0]!)
    return { encoding: `json as ${type || 'no type'}`, type, body: Buffer.from(`{${members.join(',')}}`, 'utf8') }
  }),
  fc.oneof(fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)), deepJson)
    .map((json) => ({ encoding: 'json body of any shape', type: 'application/json', body: Buffer.from(json, 'utf8') })),
  fc.record({
    pairs: params(textValue),
    boundary: fc.constantFrom('xYzZy', 'a', '----WebKitFormBoundary7MA4YWxkTrZu0gW'),
    declared: fc.constantFrom('same', 'other', 'none'),
    cut: fc.option(fc.nat(), { nil: undefined }),
  }).map(({ pairs, boundary, declared, cut }) => {
    const text = multipart(pairs, boundary)
    const type = declared === 'none' ? 'multipart/form-data' : `multipart/form-data; boundary=${declared === 'same' ? boundary : 'other'}`
    const body = cut === undefined ? text : text.slice(0, cut % (text.length + 1))
    return { encoding: `multipart${cut === undefined ? '' : ' truncated'} (${declared} boundary)`, type, body: Buffer.from(body, 'utf8') }
  }),
  fc.record({ bytes: fc.uint8Array({ maxLength: 512 }), type: fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=b', '') })
    .map(({ bytes, type }) => ({ encoding: `random bytes as ${type || 'no type'}`, type, body: bytes })),
  fc.constant({ encoding: 'empty body', type: 'multipart/form-data; boundary=b', body: new Uint8Array() }),
)

/** Every routed path, variables filled with a plain value (`objects/fuzz/query`). */
const ENDPOINT_PATHS = OBJECTS.flatMap((object) => object.endpoints.map((endpoint) => endpoint.path.replace(/:[a-z_]+/g, 'fuzz')))

const paths = fc.oneof(
  { arbitrary: fc.constantFrom(...ENDPOINT_PATHS).map((endpoint) => `/v1/${endpoint}.json`), weight: 12 },
  { arbitrary: fc.constantFrom(...ENDPOINT_PATHS).map((endpoint) => `/v1/${endpoint}`), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      '/v1/users/fly.json', '/v1/users.json', '/v1/users/show/me/extra.json', '/v1/objects/query.json', '/v1/', '/v1',
      '//v1/users/query.json', '/v1/users%2Fquery.json', '/v1/users/%zz.json', '/v1/users/query.json/', '/__mock/reset',
      '/__mock/nothing', '/', '/v1/users/__proto__.json', '/v1/users/constructor.json', '/v1/users/query.json%00',
    ),
    weight: 3,
  },
)

const keyParts = fc.oneof(
  { arbitrary: fc.constant('key=TESTKEY'), weight: 10 },
  { arbitrary: fc.constantFrom(...FUZZ_KEYS).map((key) => `key=${encodeURIComponent(key)}`), weight: 2 },
  { arbitrary: fc.constantFrom('', 'key=', 'key', 'key=TESTKEY&key=OTHER', 'key[]=TESTKEY', 'key=%zz'), weight: 1 },
)

const sessions = fc.constantFrom<{ query?: string; cookie?: string }>(
  {},
  { query: `_session_id=${FUZZ_SESSIONS.alice}` },
  { query: `_session_id=${FUZZ_SESSIONS.admin}` },
  { cookie: `_session_id=${FUZZ_SESSIONS.alice}` },
  { cookie: `_session_id=${FUZZ_SESSIONS.admin}; _session_id=garbage` },
  { query: 'session_id=nope' },
  { cookie: '_session_id=%zz; =; ;;' },
)

/** A whole hostile request: path, verb, app key, session, query string and body. */
export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({
    method: fc.constantFrom('GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'),
    path: paths,
    key: keyParts,
    session: sessions,
    query: params(textValue),
    how: urlEncoding,
    body: fc.option(bodyKinds, { nil: undefined, freq: 2 }),
  })
  .map(({ method, path, key, session, query, how, body }) => {
    const search = [key, session.query ?? '', formText(query, how)].filter((part) => part !== '').join('&')
    const headers: Record<string, string> = {}
    if (session.cookie !== undefined) headers.cookie = session.cookie
    if (body && body.type !== '') headers['content-type'] = body.type
    const request: FuzzRequest = {
      method,
      path: search === '' ? path : `${path}?${search}`,
      headers,
      encoding: body ? body.encoding : 'query string only',
    }
    if (body) request.body = body.body
    return request
  })

import type { CallResult, Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery, type QuerySource } from '../../engine/query-run.js'
import { actingUser, userNamed } from '../../engine/su-id.js'
import { failedToAuthenticate, invalidParameter } from '../../errors.js'
import { integerValue, parseBoolean, textParam, trimmed, type Params } from '../../param-values.js'
import { Collection } from '../../store/collection.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { keyValueErrors } from './errors.js'
import { toQueryDoc } from './query-doc.js'
import { KEYVALUES, pairKey, pairKeys, type KeyValueRecord } from './record.js'
import { toWireKeyValue } from './view.js'

/** Longest name, in characters (docs/key-values.md "Parameters and values"). */
const MAX_NAME_LENGTH = 256
/** Largest value, in bytes (UTF-8 for text): 2 MiB (docs/key-values.md "Parameters and values"). */
const MAX_VALUE_BYTES = 2 * 1024 * 1024
/** The content type `get` answers a binary value with. */
const BINARY_CONTENT_TYPE = 'application/octet-stream'

/** Which store a call reads or writes: public, or the private store of `userId`. */
interface Store {
  access_private: boolean
  userId: string
}

/**
 * The rules of the KeyValues object (docs/key-values.md), one method per endpoint, free of HTTP:
 * parameters in, the reply out, {@link ApiError} for every refusal. Every write is stored before
 * the method returns.
 */
export class KeyValuesService {
  private readonly pairs: Collection<KeyValueRecord>
  private readonly users: UsersService
  private readonly querySource: QuerySource<KeyValueRecord>

  constructor(private readonly context: ServiceContext) {
    this.pairs = new Collection(context.dataSet, KEYVALUES, pairKeys)
    this.users = context.service(users)
    this.querySource = {
      collection: this.pairs,
      toQueryDoc,
      whereLimits: context.server.whereLimits,
      legacyPaging: () => context.settings().legacyPaging,
      readable: (pair) => !pair.access_private,
    }
  }

  /**
   * keyvalues/set: stores `value` under `name` (text, a JSON number, or with `type=binary` the
   * bytes of a file part), replacing the value and type of an existing pair, which keeps its id,
   * creation date and owner.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Key-value name required`, `Key-value value required`,
   *   `Key-value name is too long`, `Key-value value is too large`, `Invalid type parameter: ...`; `su_id` refusals.
   */
  async set(params: Params, caller: Caller): Promise<CallResult> {
    const actor = this.actingUser(params, caller)
    const name = nameParam(params)
    const binary = typeParam(params) === 'binary'
    const value = binary ? await binaryValue(params.value) : storedValue(params)
    const store = storeOf(params, actor)
    const current = this.find(store, name)
    const type = binary ? 'binary' : 'string'
    const pair = current ? this.pairs.change(current, { value, type, updated_at: this.now() }) : this.insert(store, name, value, type)
    return this.written(pair)
  }

  /**
   * keyvalues/get: the pair named `name` in the public store, the caller's private store
   * (`access_private`), or with `user_id` (admins) that user's private store. A binary pair
   * answers its bytes as `application/octet-stream`, without the envelope.
   *
   * @throws ApiError 400 `Key-value name required`, `Invalid key-value name`, `Failed to authenticate user`;
   *   403 for `user_id` from a non-admin; 404 `User not found.`.
   */
  get(params: Params, caller: Caller): CallResult {
    const name = nameParam(params)
    const pair = this.find(this.readStore(params, caller), name)
    if (!pair) throw keyValueErrors.invalidName()
    if (pair.type === 'binary') return { bytes: { data: Buffer.from(String(pair.value), 'base64'), type: BINARY_CONTENT_TYPE } }
    return reply(pair)
  }

  /**
   * keyvalues/append: adds `value` as text at the end of the stored value (a number is first
   * written as decimal text); a missing pair is created holding `value`.
   *
   * @throws ApiError 400 as {@link set}, and `Not allowed on key-values with binary data`.
   */
  async append(params: Params, caller: Caller): Promise<CallResult> {
    const actor = this.actingUser(params, caller)
    const name = nameParam(params)
    const text = requiredText(params)
    const store = storeOf(params, actor)
    const current = this.find(store, name)
    if (current?.type === 'binary') throw keyValueErrors.binary()
    const value = current === undefined ? text : String(current.value) + text
    checkSize(value)
    const pair = current ? this.pairs.change(current, { value, updated_at: this.now() }) : this.insert(store, name, value, 'string')
    return this.written(pair)
  }

  /**
   * keyvalues/incrby: adds the integer `value` (a fractional part dropped toward zero) to the
   * stored integer, keeping a number; a stored value that is not an integer is replaced by the
   * increment, a missing pair is created holding it. An increment that is not a number changes
   * nothing (a missing pair is then created holding 0).
   *
   * @throws ApiError 400 as {@link set}, and `Not allowed on key-values with binary data`.
   */
  async incrby(params: Params, caller: Caller): Promise<CallResult> {
    const actor = this.actingUser(params, caller)
    const name = nameParam(params)
    const increment = incrementParam(params)
    const store = storeOf(params, actor)
    const current = this.find(store, name)
    if (current?.type === 'binary') throw keyValueErrors.binary()
    if (current === undefined) return this.written(this.insert(store, name, increment ?? 0, 'string'))
    if (increment === undefined) return reply(current)
    const base = integerValue(current.value)
    const value = base === undefined ? increment : base + increment
    return this.written(this.pairs.change(current, { value, updated_at: this.now() }))
  }

  /**
   * keyvalues/delete: removes the pair named `name` from the public store or the acting user's
   * private store; meta-only reply.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Key-value name required`, `Invalid key-value name`; `su_id` refusals.
   */
  async delete(params: Params, caller: Caller): Promise<CallResult> {
    const actor = this.actingUser(params, caller)
    const name = nameParam(params)
    const pair = this.find(storeOf(params, actor), name)
    if (!pair) throw keyValueErrors.invalidName()
    this.pairs.remove(new Set([pair.id]))
    await this.context.dataSet.write()
    return {}
  }

  /** keyvalues/count: every pair of the app, public and private, in `meta.count`; no login. */
  count(): CallResult {
    return { meta: { count: this.pairs.size } }
  }

  /**
   * keyvalues/query: the public pairs only, with `where`, `order`, `sel`/`unsel`, `limit`/`skip`
   * and `count` as users/query takes them (docs/api.md "Queries"); no login.
   *
   * @throws ApiError 400 for a parameter the query cannot read.
   */
  query(params: Params): CallResult {
    const page = runQuery(params, this.querySource)
    return { response: { keyvalues: page.records.map((pair) => page.select({ ...toWireKeyValue(pair) })) }, meta: page.meta }
  }

  /**
   * The user a write acts as: the caller, or with `su_id` (`user_id`, its name before ACS 1.1.9)
   * the user it names, for admins only (docs/key-values.md "Stores").
   *
   * @throws ApiError 400 `Failed to authenticate user` without a session, and the `su_id` refusals of {@link userNamed}.
   */
  private actingUser(params: Params, caller: Caller): Principal {
    return actingUser(params, caller, (id) => this.users.userById(id), ['su_id', 'user_id'])
  }

  /** The store `get` reads: `user_id` (admins, or the caller themself), `access_private`, or public. */
  private readStore(params: Params, caller: Caller): Store {
    const named = trimmed(textParam(params, 'user_id')) !== undefined
    if (!named && !parseBoolean(params.access_private)) return { access_private: false, userId: '' }
    if (!caller.user) throw failedToAuthenticate()
    return { access_private: true, userId: named ? userNamed(params.user_id, caller.user, (id) => this.users.userById(id)).id : caller.user.id }
  }

  private find(store: Store, name: string): KeyValueRecord | undefined {
    return this.pairs.by('pair', pairKey(store.access_private, store.userId, name))
  }

  private insert(store: Store, name: string, value: string | number, type: KeyValueRecord['type']): KeyValueRecord {
    const { runtime } = this.context.dataSet
    const now = runtime.now()
    const pair: KeyValueRecord = {
      id: runtime.objectId(now),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      name,
      value,
      type,
      access_private: store.access_private,
      user_id: store.userId,
    }
    this.pairs.insert(pair)
    return pair
  }

  private now(): string {
    return this.context.dataSet.runtime.now().toISOString()
  }

  /** Stores the data set, then answers the pair. */
  private async written(pair: KeyValueRecord): Promise<CallResult> {
    await this.context.dataSet.write()
    return reply(pair)
  }
}

/** The one-element `keyvalues` reply. */
function reply(pair: KeyValueRecord): CallResult {
  return { response: { keyvalues: [toWireKeyValue(pair)] } }
}

/** The store a write goes to: `access_private` picks the acting user's private store; public pairs are owned by the acting user too. */
function storeOf(params: Params, actor: Principal): Store {
  return { access_private: parseBoolean(params.access_private), userId: actor.id }
}

function nameParam(params: Params): string {
  const name = textParam(params, 'name')
  if (name === undefined || name === '') throw keyValueErrors.nameRequired()
  if ([...name].length > MAX_NAME_LENGTH) throw keyValueErrors.nameTooLong()
  return name
}

function typeParam(params: Params): 'string' | 'binary' {
  const type = trimmed(textParam(params, 'type'))?.toLowerCase() ?? 'string'
  if (type !== 'string' && type !== 'binary') throw invalidParameter('type', 'must be string or binary')
  return type
}

/** `value` as text, required and at most 2 MiB. */
function requiredText(params: Params): string {
  const text = textParam(params, 'value')
  if (text === undefined || text === '') throw keyValueErrors.valueRequired()
  checkSize(text)
  return text
}

/** A string pair's value: a JSON body's number as the number, anything else as {@link requiredText}. */
function storedValue(params: Params): string | number {
  return typeof params.value === 'number' && Number.isFinite(params.value) ? params.value : requiredText(params)
}

/** A binary value: the file part's bytes, as base64 text. */
async function binaryValue(value: unknown): Promise<string> {
  if (!(value instanceof Blob) || value.size === 0) throw keyValueErrors.valueRequired()
  if (value.size > MAX_VALUE_BYTES) throw keyValueErrors.valueTooLarge()
  return Buffer.from(await value.arrayBuffer()).toString('base64')
}

function checkSize(text: string): void {
  if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) throw keyValueErrors.valueTooLarge()
}

/** The increment of incrby: required; a number truncated toward zero, or undefined when it is not one. */
function incrementParam(params: Params): number | undefined {
  const text = textParam(params, 'value')?.trim()
  if (text === undefined || text === '') throw keyValueErrors.valueRequired()
  const increment = Math.trunc(Number(text))
  return Number.isSafeInteger(increment) ? increment : undefined
}

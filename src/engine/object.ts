import type { Params } from '../param-values.js'
import type { DataSet } from '../data-set.js'
import type { AppSettings } from './settings.js'
import type { StoredRecord } from '../store/stored-record.js'
import type { FixturePart } from './fixture-part.js'
import type { ServerConfig } from './server-config.js'
import type { SocialKind } from './social.js'
import type { HeldUploads } from './processing.js'
import type { PhotoStore } from './primary-photo.js'

/**
 * Who is calling: the user behind the request's live session, if any (docs/api.md "Sessions").
 * Every object sees the same caller; only the object that owns sessions (Users) makes it.
 */
export interface Caller {
  /** The signed-in user; undefined without a live session. */
  user?: Principal | undefined
  /** The session id the request sent, when it names a live session. */
  sessionId?: string | undefined
}

/** The part of a signed-in user every object may rely on: its id and whether it is an app admin. */
export interface Principal {
  readonly id: string
  readonly admin: boolean
}

/**
 * What an endpoint answers, for the pipeline to wrap in the envelope (docs/api.md "Envelope"):
 * `response` becomes the envelope's `response` (absent: a meta-only reply), `meta` adds fields
 * to `meta` (`count`, `page`, ...), `session_id` hands out a session (`meta.session_id` and the
 * `_session_id` cookie), `session_ended` clears the cookie, and `status` overrides HTTP 200 for a
 * success (e.g. 202 for a partly done batch; `meta.code` stays 200). `bytes` answers raw bytes
 * instead of the envelope (a binary key-value's `get`, docs/key-values.md).
 */
export interface CallResult {
  response?: Record<string, unknown>
  /** The reply's body as these bytes with this `Content-Type`, no envelope; `meta` still goes to the journal. */
  bytes?: { data: Uint8Array<ArrayBuffer>; type: string }
  meta?: Record<string, unknown>
  session_id?: string
  session_ended?: boolean
  status?: number
}

/** One API call as an endpoint sees it: everything it needs, and nothing of HTTP. */
export interface Call<S> {
  /** The object's service for the call's app key. */
  service: S
  /** Query string and body merged (docs/api.md "Parameters"). */
  params: Params
  caller: Caller
  /** The HTTP verb the call came with (`GET`, `PUT`, ...), for an endpoint that answers two verbs differently. */
  verb: string
  /** The app settings in force for the call's app key (docs/app-settings.md). */
  settings: AppSettings
  /** Values of the path's variables, e.g. `{ classname: 'cars' }` for `objects/:classname/query`. */
  path: Readonly<Record<string, string>>
  /**
   * The client's IP address as the socket gives it (`'127.0.0.1'`, `'::ffff:10.0.0.2'`);
   * undefined for a request made in process (`app.request()`), which has no socket.
   */
  address?: string | undefined
  /**
   * The origin the request was sent to (`http://127.0.0.1:4000`, from its Host), for URLs a reply
   * gives back to the client (a file's download URL, docs/files.md); undefined where unknown.
   */
  origin?: string | undefined
}

/**
 * One API endpoint: its path under `/v1/` without `.json` (segments starting with `:` are
 * variables: `objects/:classname/query`), its `method_name`, the verbs clients send, and the call.
 */
export interface Endpoint<S> {
  readonly path: string
  readonly method_name: string
  readonly verbs: readonly string[]
  call(call: Call<S>): CallResult | Promise<CallResult>
}

/**
 * What a service is made with: its app key's data set, the app settings in force for that key,
 * the server's limits, and the services of other objects of the same data set (an object that
 * embeds owners asks for the Users service this way).
 */
export interface ServiceContext {
  readonly dataSet: DataSet
  /** The server-wide configuration (hashing, limits). */
  readonly server: ServerConfig
  /** The app settings in force for this data set now (server default, fixture, run-time change). */
  settings(): AppSettings
  /** Another object's service over the same data set. */
  service<T>(object: MockObject<T>): T
  /** The objects that take reviews and likes, for the Reviews and Likes objects (docs/architecture.md "Reviews and likes"). */
  readonly social: SocialTargets
  /**
   * The ids of a user's friends (docs/friends.md "Friend lists": in `one-way` mode, the users they
   * follow), oldest friendship first, from the object that keeps friendships; `[]` without one.
   * How PushNotifications' notify reaches `friends` without knowing the Friends object.
   */
  friendsOf(userId: string): readonly string[]
  /**
   * The photos of this data set, from the object that keeps them (Photos), for an object whose
   * records take a primary photo (docs/architecture.md "Primary photos"). Ask for it when a call
   * needs it, not while the service is made.
   *
   * @throws Error when no registered object keeps photos.
   */
  photoStore(): PhotoStore
}

/** The kinds of object that opted into reviews and likes (a descriptor's `social`), over one data set. */
export interface SocialTargets {
  /** Their types, in registry order: `User`, `CustomObject`, `Photo`, ... */
  readonly types: readonly string[]
  /** Whether a record of `type` (one of {@link types}) with this id (24 lowercase hex) is stored. */
  exists(type: string, id: string): boolean
}

/**
 * One ArrowDB object as mock-cloud serves it: the descriptor an object folder exports and
 * `src/objects/index.ts` lists. Routes, the method_name catalogue (journal, faults), fixtures,
 * the data file, export/import, snapshots and `--help` all come from these descriptors
 * (docs/architecture.md).
 *
 * @typeParam S - the object's service: its rules over one data set, free of HTTP.
 */
export interface MockObject<S> {
  /** The docs page and folder name, e.g. `custom-objects`. */
  readonly name: string
  /** As ArrowDB names it, e.g. `CustomObjects`. */
  readonly title: string
  /** The REST path segments it serves under `/v1/`, for `--help`: `users`, `objects/:classname`. */
  readonly segments: readonly string[]
  readonly endpoints: readonly Endpoint<S>[]
  /** Makes the object's service over one data set; called once per app key and kept. */
  service(context: ServiceContext): S
  /**
   * Whether a stored collection belongs to this object, by the collection's name in the data set
   * (`users`, `acls`, `objects:cars`), and the check of its records for a data file or import.
   */
  readonly collections: CollectionOwnership
  /** The object's part of a fixture file, if fixtures may hold it. */
  readonly fixture?: FixturePart
  /**
   * For an object whose replies give download URLs (Files): the stored bytes of its item `id` and
   * their Content-Type, served at `/storage/<app key>/<name>/<id>/<file name>` (docs/files.md
   * "Download URL"); undefined answers 404.
   */
  serve?(service: S, id: string): { data: Uint8Array<ArrayBuffer>; type: string } | undefined
  /**
   * Work the server clock has made due (PushSchedules: occurrences whose time has passed), done in
   * memory; true when it changed anything. Run before every API call of the app key and before its
   * push outbox is read (docs/push-schedules.md "Firing").
   */
  due?(service: S): boolean
  /**
   * Reviews and likes on this object's records (docs/architecture.md "Reviews and likes"): its
   * type as they name it; its replies then carry `likes_count`, `reviews_count`, `ratings_*`.
   */
  readonly social?: SocialKind
  /**
   * For an object whose uploads wait for processing (Files, Photos): its records held by the
   * `processing` app setting's `manual` mode, and their release by a test (docs/app-settings.md
   * "processing"; `GET`/`POST /__mock/processing`).
   */
  processing?(service: S): HeldUploads
  /**
   * For the object that keeps friendships (Friends): the ids of `userId`'s friends, as
   * {@link ServiceContext.friendsOf} gives them to every other object.
   */
  friendsOf?(service: S, userId: string): readonly string[]
  /** For the object that keeps photos (Photos): the store other objects' primary photos live in. */
  photoStore?(service: S): PhotoStore
  /**
   * Whether its records take a primary photo (`photo` / `photo_id`, docs/architecture.md "Primary
   * photos"): the pipeline then embeds `photo` beside each listed record's `photo_id`.
   */
  readonly primaryPhoto?: true
  /** For the object that owns sessions (Users): the caller behind a session id. */
  caller?(service: S, sessionId: string | undefined): Caller
}

/** Which stored collections an object owns, and how their records are checked when read from outside. */
export interface CollectionOwnership {
  /** Whether the collection named `name` is this object's. */
  owns(name: string): boolean
  /**
   * What makes one stored record unusable (the field's name and the problem), or undefined:
   * checked once when a data file is opened or data is imported, so no request later meets a
   * half-formed record.
   */
  recordProblem(record: unknown, collection: string): string | undefined
}

/** Any object descriptor, whatever its service. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMockObject = MockObject<any>

export type { StoredRecord }

import type { DataSets } from '../data-sets.js'
import type { Params } from '../param-values.js'
import type { AnyMockObject, Caller, MockObject, ServiceContext, SocialTargets } from './object.js'
import type { UnprocessedUpload } from './processing.js'
import type { ServerConfig } from './server-config.js'
import { DEFAULT_SETTINGS, type AppSettings } from './settings.js'
import { withSocialFields } from './social.js'
import { withPrimaryPhotos, type PhotoStore } from './primary-photo.js'
import { Collection } from '../store/collection.js'

/**
 * The object services of every app key: each object's service over a data set is made on first
 * use and kept (a reset replaces the data, not the services, which read it through the data set).
 * The caller of a call comes from the one object that owns sessions (Users).
 */
export class ServiceDirectory {
  private readonly services = new Map<string, Map<AnyMockObject, unknown>>()
  private readonly sessionOwner: AnyMockObject | undefined
  private readonly friendsKeeper: AnyMockObject | undefined
  private readonly photoKeeper: AnyMockObject | undefined
  private readonly timed: readonly AnyMockObject[]
  private readonly social: ReadonlyMap<string, AnyMockObject>
  private readonly processed: readonly AnyMockObject[]

  /**
   * @param serverSettings - the server-wide app settings (options, CLI flags), over {@link DEFAULT_SETTINGS}.
   */
  constructor(
    objects: readonly AnyMockObject[],
    private readonly dataSets: DataSets,
    private readonly server: ServerConfig,
    private readonly serverSettings: Readonly<Partial<AppSettings>>,
  ) {
    this.sessionOwner = objects.find((object) => object.caller !== undefined)
    this.friendsKeeper = objects.find((object) => object.friendsOf !== undefined)
    this.photoKeeper = objects.find((object) => object.photoStore !== undefined)
    this.timed = objects.filter((object) => object.due !== undefined)
    this.social = new Map(objects.flatMap((object) => (object.social ? [[object.social.type, object] as const] : [])))
    this.processed = objects.filter((object) => object.processing !== undefined)
  }

  /**
   * A reply of `object` in `key`'s data set with the counters of reviews and likes on the records
   * it lists, when the object takes them (its descriptor's `social`); the reply as it is otherwise
   * (docs/architecture.md "Reviews and likes").
   */
  withSocialFields(key: string, object: AnyMockObject, response: Record<string, unknown>, params: Params, caller: Caller): Record<string, unknown> {
    if (object.social === undefined) return response
    return withSocialFields(this.dataSets.dataSet(key), object.social, response, params, caller.user?.id)
  }

  /**
   * A reply of `object` in `key`'s data set with each listed record's primary photo embedded as
   * `photo`, when the object's records take one (its descriptor's `primaryPhoto`); the reply as it
   * is otherwise (docs/architecture.md "Primary photos").
   *
   * @param origin - the origin the request was sent to, for the photo's urls.
   */
  withPrimaryPhotos(key: string, object: AnyMockObject, response: Record<string, unknown>, caller: Caller, origin: string): Record<string, unknown> {
    if (object.primaryPhoto === undefined) return response
    return withPrimaryPhotos(response, this.photoStore(key), caller.user, origin)
  }

  /**
   * The uploads held unprocessed in `key`'s data set (docs/app-settings.md "processing"), by
   * object in registry order, each in creation order.
   */
  held(key: string): UnprocessedUpload[] {
    return this.processed.flatMap((object) => object.processing!(this.of(key, object)).held().map((id) => ({ key, object: object.name, id })))
  }

  /**
   * Processes the uploads held in `key`'s data set whose ids are in `ids` (all without `ids`), in
   * memory: the caller writes the data set.
   *
   * @returns those released, as {@link held} lists them.
   */
  release(key: string, ids?: ReadonlySet<string>): UnprocessedUpload[] {
    return this.processed.flatMap((object) => object.processing!(this.of(key, object)).release(ids).map((id) => ({ key, object: object.name, id })))
  }

  /**
   * Does the work the server clock has made due in `key`'s data set (each object's `due`), in
   * memory; true when anything changed, for the caller to persist (docs/push-schedules.md "Firing").
   */
  due(key: string): boolean {
    let changed = false
    for (const object of this.timed) changed = object.due!(this.of(key, object)) || changed
    return changed
  }

  /** {@link due}, then the store persisted when anything changed: what every API call does first. */
  async dueStored(key: string): Promise<void> {
    if (this.due(key)) await this.dataSets.dataSet(key).write()
  }

  /** `object`'s service over `key`'s data set. */
  of<S>(key: string, object: MockObject<S>): S {
    let byObject = this.services.get(key)
    if (byObject === undefined) {
      byObject = new Map()
      this.services.set(key, byObject)
    }
    let service = byObject.get(object) as S | undefined
    if (service === undefined) {
      service = object.service(this.context(key))
      byObject.set(object, service)
    }
    return service
  }

  /** The caller behind `sessionId` in `key`'s data set: no user when it is not a live session. */
  caller(key: string, sessionId: string | undefined): Caller {
    const owner = this.sessionOwner
    if (owner?.caller === undefined) return {}
    return owner.caller(this.of(key, owner), sessionId)
  }

  /**
   * The app settings in force for `key` now: its run-time changes, over the fixture's settings
   * for it, over the server's, over the defaults (docs/app-settings.md).
   */
  settings(key: string): AppSettings {
    return {
      ...DEFAULT_SETTINGS,
      ...this.serverSettings,
      ...this.dataSets.fixtureSettings(key),
      ...this.dataSets.data(key).settings,
    }
  }

  private context(key: string): ServiceContext {
    return {
      dataSet: this.dataSets.dataSet(key),
      server: this.server,
      settings: () => this.settings(key),
      service: (object) => this.of(key, object),
      social: this.socialTargets(key),
      friendsOf: (userId) => {
        const keeper = this.friendsKeeper
        return keeper?.friendsOf === undefined ? [] : keeper.friendsOf(this.of(key, keeper), userId)
      },
      photoStore: () => this.photoStore(key),
    }
  }

  /** The photo store of `key`'s data set (docs/architecture.md "Primary photos"). @throws Error when no object keeps photos. */
  private photoStore(key: string): PhotoStore {
    const keeper = this.photoKeeper
    if (keeper?.photoStore === undefined) throw new Error('no registered object keeps photos')
    return keeper.photoStore(this.of(key, keeper))
  }

  private socialTargets(key: string): SocialTargets {
    const dataSet = this.dataSets.dataSet(key)
    return {
      types: [...this.social.keys()],
      exists: (type, id) => {
        const owner = this.social.get(type)
        if (owner === undefined) return false
        const names = Object.keys(dataSet.data.collections).filter((name) => owner.collections.owns(name))
        return names.some((name) => new Collection(dataSet, name).byId(id) !== undefined)
      },
    }
  }
}

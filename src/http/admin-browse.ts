import type { Hono } from 'hono'
import type { MockCloud } from '../app.js'
import { runQuery, type QueryDoc } from '../engine/query-run.js'
import { Sessions } from '../engine/sessions.js'
import { ApiError } from '../errors.js'
import type { Params } from '../param-values.js'
import type { WhereLimits } from '../query/where-limits.js'
import { Collection } from '../store/collection.js'
import type { StoredRecord } from '../store/stored-record.js'
import { adminKey, adminRoute, onlyParams } from './admin-route.js'
import { renderSuccess } from './envelope.js'

/** What `GET /__mock/keys` tells of one data set: its stored collections and their sizes, and how many sessions, mails and pushes it holds. */
export interface DataSetSummary {
  key: string
  /** Record counts by collection name (`users`, `objects:cars`), in the data set's order. */
  collections: Record<string, number>
  sessions: number
  mails: number
  pushes: number
}

/** A live session (not ended, not past the key's `sessionLifetime`) as `GET /__mock/sessions` lists it. */
export interface SessionSummary {
  key: string
  session_id: string
  user_id: string
  created_at: string
}

/**
 * Read-only views of the data sets, for the dashboard (docs/dashboard.md) and for tests that
 * look inside (docs/toolkit.md "The admin API"). Generic: they read the stored collections by
 * name, whatever object owns them, and create no data set.
 *
 * - `GET /__mock/keys` → `response.keys`: a {@link DataSetSummary} per app key in use, in
 *   order of first use.
 * - `GET /__mock/collections/NAME?key=K&where=&order=&limit=&skip=` (or `page`/`per_page`) →
 *   `response.records`: K's stored records of collection NAME as stored (what `GET
 *   /__mock/data` exports), filtered by `where`, sorted by `order` and paged by the API's query
 *   rules (docs/api.md "Queries") applied to the stored fields; `meta.count` is the number of
 *   matches. 400 for a bad `where`/`order`/paging or no `key`, 404 for a key with no data set
 *   or a collection it does not hold.
 * - `GET /__mock/sessions[?key=K]` → `response.sessions`: {@link SessionSummary}s, oldest first.
 *
 * @param whereLimits - the server's limits on a `where` (docs/limits.md), as the API applies them.
 */
export function adminBrowseRoutes(admin: Hono, cloud: Pick<MockCloud, 'dataSets' | 'settings'>, whereLimits: Partial<WhereLimits>): void {
  const { dataSets } = cloud
  // Sessions past the key's sessionLifetime setting (docs/app-settings.md) count as ended.
  const liveSessions = (key: string) => new Sessions(dataSets.dataSet(key), () => cloud.settings(key).sessionLifetime).live()
  adminRoute(admin, '/__mock/keys', 'mockKeys', {
    GET: (c, params) => {
      onlyParams(params, '/__mock/keys', [])
      const keys = dataSets.keys().map((key): DataSetSummary => {
        const data = dataSets.data(key)
        const collections = Object.fromEntries(Object.entries(data.collections).map(([name, records]) => [name, records.length]))
        return { key, collections, sessions: liveSessions(key).length, mails: data.outbox.length, pushes: data.pushes.length }
      })
      return renderSuccess(c, params, 'mockKeys', { count: keys.length }, { keys })
    },
  })
  adminRoute(admin, '/__mock/collections/:name', 'mockCollection', {
    GET: (c, params) => {
      onlyParams(params, '/__mock/collections/NAME', ['key', 'where', 'order', 'limit', 'skip', 'page', 'per_page'])
      const key = existingKey(params, cloud)
      const name = c.req.param('name') ?? ''
      const dataSet = dataSets.dataSet(key)
      const collection = new Collection<StoredRecord>(dataSet, name)
      if (!collection.exists()) {
        const names = Object.keys(dataSet.data.collections).map((held) => JSON.stringify(held))
        throw new ApiError(404, `No collection ${JSON.stringify(name)} in the data set of ${JSON.stringify(key)}; it holds ${names.join(', ') || 'none'}`)
      }
      const page = runQuery({ ...params, count: 'true' }, { collection, toQueryDoc: (record) => record as unknown as QueryDoc, whereLimits })
      return renderSuccess(c, params, 'mockCollection', page.meta, { records: page.records })
    },
  })
  adminRoute(admin, '/__mock/sessions', 'mockSessions', {
    GET: (c, params) => {
      onlyParams(params, '/__mock/sessions', ['key'])
      const key = adminKey(params)
      const keys = key === undefined ? dataSets.keys() : dataSets.keys().filter((held) => held === key)
      const sessions = keys.flatMap((appKey) =>
        liveSessions(appKey).map(([session_id, session]): SessionSummary => ({ key: appKey, session_id, user_id: session.user_id, created_at: session.created_at })),
      )
      return renderSuccess(c, params, 'mockSessions', { count: sessions.length }, { sessions })
    },
  })
}

/**
 * The `key` of a route about one existing data set.
 * @throws ApiError 400 without `key`, 404 for a key whose data set does not exist (never used, or reset).
 */
function existingKey(params: Params, cloud: Pick<MockCloud, 'dataSets'>): string {
  const key = adminKey(params)
  if (key === undefined) throw new ApiError(400, 'Missing key parameter: name the app key whose data set to read')
  const keys = cloud.dataSets.keys()
  if (!keys.includes(key)) {
    throw new ApiError(404, `No data set for app key ${JSON.stringify(key)}: no call used it since the server started or since the last reset of every key; keys in use: ${keys.map((held) => JSON.stringify(held)).join(', ') || 'none'}`)
  }
  return key
}

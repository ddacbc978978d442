import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Checkins` (docs/checkins.md), as ti.cloud has it: create (to a `place_id` or an
 * `event_id`), query, show and remove (delete) by `checkin_id`. ti.cloud has no update.
 */
export const Checkins = {
  create: { verb: 'POST', path: 'checkins/create.json', args: 'data' },
  query: { verb: 'GET', path: 'checkins/query.json', args: 'optional' },
  show: { verb: 'GET', path: 'checkins/show.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'checkins/delete.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.Checkins` as a type: each method of {@link Checkins} with the arguments its shape takes. */
export type CloudCheckins = Calls<typeof Checkins>

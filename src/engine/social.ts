import type { DataSet } from '../data-set.js'
import { parseBoolean, type Params } from '../param-values.js'
import { compileSelection } from '../query/select.js'
import { Collection } from '../store/collection.js'
import type { StoredRecord } from '../store/stored-record.js'

/**
 * How an object takes Reviews and Likes (docs/architecture.md "Reviews and likes"): its one line
 * in the descriptor, `social: { type: 'Photo' }`. Its records then carry the counters of
 * {@link socialFields} in every reply that lists them, and reviews and likes name them by
 * `<snake type>_id` (`photo_id`, `custom_object_id`).
 */
export interface SocialKind {
  /** The type as reviews and likes name it (`reviewed_object.type`, `likeable_type`): `Photo`, `CustomObject`. */
  readonly type: string
}

/**
 * What a review and a like store about the object they are about (docs/architecture.md "Reviews and likes"):
 * who made them, the object's type (a {@link SocialKind} type) and id; a review's rating when it
 * has one (an integer).
 */
export interface SocialLink extends StoredRecord {
  readonly user_id: string
  readonly target_type: string
  readonly target_id: string
  readonly rating?: number
}

/** The collection of reviews and the collection of likes, each a data set's one collection of that name. */
export const REVIEWS = 'reviews'
export const LIKES = 'likes'

/** `Photo:<id>`: the group a review or like is filed under, that of the object it is about. */
const targetKey = (type: string, id: string): string => `${type}:${id}`

/** The grouping of reviews and likes, one function so every `Collection` of them shares one index. */
const byTarget = (record: SocialLink): string => targetKey(record.target_type, record.target_id)

/**
 * The reviews (`REVIEWS`) or likes (`LIKES`) of a data set, filed by the object they are about: the
 * only way to open either collection, so every writer keeps the counters' index (`group-index.ts`).
 */
export function socialCollection<R extends SocialLink>(dataSet: DataSet, name: typeof REVIEWS | typeof LIKES): Collection<R> {
  return new Collection<R>(dataSet, name, undefined, byTarget)
}

/**
 * `CustomObject` → `custom_object`: the type as the parameters that name an object of it
 * (`custom_object_id`) and the likes' `<type> not found` spell it.
 */
export function snakeType(type: string): string {
  return type.replace(/(?<=[a-z0-9])([A-Z])/g, '_$1').toLowerCase()
}

/**
 * The counters of one object, derived from the stored reviews and likes about it
 * (docs/architecture.md "Reviews and likes"): `reviews_count`, `ratings_count`, `ratings_average` and `ratings_summary`
 * (rating → how many) once it has a review, `likes_count` once it has a like, and
 * `current_user_liked: true` when `liker` (the caller's user id, asked with `show_user_like`)
 * liked it. Empty for an object nobody reviewed or liked.
 */
export function socialFields(dataSet: DataSet, type: string, id: string, liker?: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  const key = targetKey(type, id)
  const reviews = socialCollection(dataSet, REVIEWS).group(key)
  if (reviews.size > 0) {
    const summary: Record<string, number> = {}
    let rated = 0
    let sum = 0
    for (const { rating } of reviews) {
      if (rating === undefined) continue
      rated++
      sum += rating
      summary[String(rating)] = (summary[String(rating)] ?? 0) + 1
    }
    fields.reviews_count = reviews.size
    fields.ratings_count = rated
    fields.ratings_average = rated === 0 ? 0 : sum / rated
    fields.ratings_summary = summary
  }
  const likes = socialCollection(dataSet, LIKES).group(key)
  if (likes.size > 0) {
    fields.likes_count = likes.size
    if (liker !== undefined && [...likes].some((like) => like.user_id === liker)) fields.current_user_liked = true
  }
  return fields
}

/**
 * A reply's `response` with the counters of {@link socialFields} added to every record of `kind`
 * it lists (each element of its arrays that has an `id`), as the pipeline does for every object
 * that opts in; `current_user_liked` only when the call sent `show_user_like=true` and has a
 * caller. A `sel`/`unsel` of the call applies to the counters as to the record's own fields.
 *
 * @param params - the call's parameters (`show_user_like`, `sel`, `unsel`).
 * @param viewer - the caller's user id, if signed in.
 */
export function withSocialFields(
  dataSet: DataSet,
  kind: SocialKind,
  response: Record<string, unknown>,
  params: Params,
  viewer: string | undefined,
): Record<string, unknown> {
  const liker = parseBoolean(params.show_user_like) ? viewer : undefined
  const select = selectionOf(params)
  const decorated: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(response)) {
    decorated[name] = Array.isArray(value) ? value.map((record: unknown) => withFields(record)) : value
  }
  return decorated

  function withFields(record: unknown): unknown {
    if (typeof record !== 'object' || record === null || typeof (record as { id?: unknown }).id !== 'string') return record
    const id = (record as { id: string }).id
    const fields = socialFields(dataSet, kind.type, id, liker)
    if (Object.keys(fields).length === 0) return record
    const { id: _id, ...kept } = select({ id, ...fields })
    return { ...record, ...kept }
  }
}

/**
 * The call's `sel`/`unsel` as a projection, identity without one; also identity for one the
 * call's own endpoint did not read (the endpoint answered, so it took no `sel` or ignored it).
 */
function selectionOf(params: Params): (wire: Record<string, unknown>) => Record<string, unknown> {
  try {
    return compileSelection(params.sel, params.unsel) ?? ((wire) => wire)
  } catch {
    return (wire) => wire
  }
}

/**
 * `toQueryDoc` of an object that takes reviews and likes, with its counters (those of
 * {@link socialFields} but `current_user_liked`) beside the record's own fields, so `where` and
 * `order` read `reviews_count`, `ratings_average`, `likes_count`... (docs/architecture.md
 * "Reviews and likes"). The counters are read at each use, the record's own document stays cached.
 */
export function withSocialQueryFields<R extends StoredRecord>(
  dataSet: DataSet,
  kind: SocialKind,
  toQueryDoc: (record: R) => Readonly<Record<string, unknown>>,
): (record: R) => Readonly<Record<string, unknown>> {
  return (record) => {
    const doc = toQueryDoc(record)
    const fields = socialFields(dataSet, kind.type, record.id)
    return Object.keys(fields).length === 0 ? doc : { ...doc, ...fields }
  }
}

/** One object a review or like call names: its type and the id as sent (trimmed, unchecked). */
export interface SentTarget {
  readonly type: string
  readonly id: string
}

/**
 * The objects a Reviews or Likes call names (docs/architecture.md "Reviews and likes"): for each
 * type that takes them, the first of `namesOf(type)` sent non-blank (by default `<snake type>_id`:
 * `post_id`, `custom_object_id`). Reviews and Likes give their own names where a type's differs
 * (a user target is `user_object_id` on some calls).
 *
 * @param types - the types that take reviews and likes (`ServiceContext.social.types`).
 */
export function sentTargets(params: Params, types: readonly string[], namesOf: (type: string) => readonly string[]): SentTarget[] {
  return types.flatMap((type) => {
    for (const name of namesOf(type)) {
      const raw = params[name]
      const id = typeof raw === 'string' ? raw.trim() : undefined
      if (id) return [{ type, id }]
    }
    return []
  })
}

/** `<snake type>_id`: the parameter that names an object of `type` (`custom_object_id`). */
export const targetParam = (type: string): string => `${snakeType(type)}_id`

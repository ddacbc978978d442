import { badPrimaryPhoto, type PrimaryPhotoRef } from '../../engine/primary-photo.js'
import { isObjectId } from '../../ids.js'
import { recordCheck } from '../../store/db.js'
import { badCustomFields, badOptionalId, badTags } from '../../store/record-fields.js'
import type { StoredRecord } from '../../store/stored-record.js'

/** The stored collection of places. */
export const PLACES = 'places'

/** The text fields of a place, as sent and as shown (docs/places.md "The place"). */
export const PLACE_TEXTS = ['address', 'city', 'state', 'postal_code', 'country', 'website', 'twitter', 'phone_number'] as const

/** One of {@link PLACE_TEXTS}. */
export type PlaceText = (typeof PLACE_TEXTS)[number]

/**
 * A place as mock-cloud stores it (docs/places.md "The place" for what a client sees): its owner's
 * id, name, the text fields set, `latitude`/`longitude` in degrees when sent (a place has a location
 * for geo queries only when both are), tags, custom fields and the attached ACL. Dates are ISO 8601
 * UTC strings.
 */
export interface PlaceRecord extends StoredRecord, Partial<Readonly<Record<PlaceText, string>>> {
  readonly user_id: string
  readonly name: string
  readonly latitude?: number
  readonly longitude?: number
  readonly tags?: readonly string[]
  readonly custom_fields: Readonly<Record<string, unknown>>
  /** The ACL attached with `acl_name` / `acl_id` (docs/acls.md "Access to objects"), if any. */
  readonly acl_id?: string
  /** The primary photo, a Photos object (`photo` / `photo_id`, docs/api.md "Primary photos"), if any. */
  readonly photo?: PrimaryPhotoRef
}

/** The place's `[longitude, latitude]` when it has both, for geo queries and distances; else undefined. */
export function lngLatOf(place: Pick<PlaceRecord, 'latitude' | 'longitude'>): [number, number] | undefined {
  return place.latitude === undefined || place.longitude === undefined ? undefined : [place.longitude, place.latitude]
}

/**
 * What makes a stored place (from a data file or an import) unusable: the first field the API
 * could not render, as `field is missing or malformed`, or undefined.
 */
export const placeRecordProblem = recordCheck(fieldProblem)

function fieldProblem(record: Record<string, unknown>): string | undefined {
  if (typeof record.user_id !== 'string' || !isObjectId(record.user_id)) return 'user_id'
  if (typeof record.name !== 'string') return 'name'
  const text = PLACE_TEXTS.find((name) => record[name] !== undefined && typeof record[name] !== 'string')
  if (text !== undefined) return text
  const number = (['latitude', 'longitude'] as const).find((name) => record[name] !== undefined && !Number.isFinite(record[name]))
  if (number !== undefined) return number
  if (badTags(record.tags)) return 'tags'
  if (badOptionalId(record.acl_id)) return 'acl_id'
  if (badPrimaryPhoto(record.photo)) return 'photo'
  if (badCustomFields(record.custom_fields)) return 'custom_fields'
  return undefined
}

import { ApiError, NAME_PROBLEMS, validationFailed } from '../../errors.js'
import { parseTags } from '../../engine/custom-fields.js'
import { textParam, trimmed, type Params } from '../../param-values.js'
import { PLACE_TEXTS, type PlaceRecord } from './record.js'

/** The fields of a place a create or update sends; a key present with undefined clears it (`tags=`). */
export type PlaceFields = { -readonly [K in 'name' | 'latitude' | 'longitude' | 'tags' | (typeof PLACE_TEXTS)[number]]?: PlaceRecord[K] }

/** The location part of the create rule, worded as the real service (sic: "one the of"). */
const NO_LOCATION = 'Place must have one the of [longitude, latitude] or address or city or state or country or postal_code'

/** One problem of {@link readPlaceFields}: the field it is about (none for the missing location) and the real service's words. */
export interface PlaceProblem {
  field?: string
  problem: string
}

/**
 * The place fields a create or update sends (docs/places.md "Writes"): `name`, the text fields,
 * `latitude`/`longitude` (numbers, or numeric text), `tags` (a comma list; empty clears on update).
 * A blank text counts as not sent. On create the place must get a name and a location (a text of
 * the address or both coordinates). Fixtures check their places with it too (docs/fixtures.md).
 *
 * @param verb - `create` or `update`: only a create needs a name and a location.
 * @returns the fields read and the problems found, in the order the real service lists them: the
 *   missing location, `Name can't be blank`, `Latitude is not a number`, `Longitude is not a number`.
 * @throws ApiError 400 `Invalid <name> parameter: expected text, …` for a field sent as an object or a list.
 */
export function readPlaceFields(params: Params, verb: 'create' | 'update'): { fields: PlaceFields; problems: PlaceProblem[] } {
  const fields: PlaceFields = {}
  const problems: PlaceProblem[] = []
  const name = trimmed(textParam(params, 'name'))
  if (name !== undefined) fields.name = name
  for (const text of PLACE_TEXTS) {
    const value = trimmed(textParam(params, text))
    if (value !== undefined) fields[text] = value
  }
  for (const coordinate of ['latitude', 'longitude'] as const) {
    const text = trimmed(textParam(params, coordinate))
    if (text === undefined) continue
    const value = Number(text)
    if (Number.isFinite(value)) fields[coordinate] = value
    else problems.push({ field: coordinate, problem: `${coordinate === 'latitude' ? 'Latitude' : 'Longitude'} is not a number` })
  }
  if (params.tags !== undefined && params.tags !== null) fields.tags = parseTags(params.tags)
  if (verb === 'create') {
    const located = PLACE_TEXTS.slice(0, 5).some((text) => fields[text] !== undefined) || (fields.latitude !== undefined && fields.longitude !== undefined)
    if (fields.name === undefined) problems.unshift({ field: 'name', problem: NAME_PROBLEMS.blank })
    if (!located) problems.unshift({ problem: NO_LOCATION })
  }
  return { fields, problems }
}

/**
 * The place fields a create or update sends, as {@link readPlaceFields} reads them.
 *
 * @throws ApiError 400 `Failed to <verb> place: Validation failed - <problems>.`, the problems of
 *   {@link readPlaceFields} joined with `, ` (e.g. `Failed to create place: Validation failed - Place
 *   must have one the of [longitude, latitude] or address or city or state or country or
 *   postal_code, Latitude is not a number.`).
 */
export function placeFields(params: Params, verb: 'create' | 'update'): PlaceFields {
  const { fields, problems } = readPlaceFields(params, verb)
  if (problems.length > 0) throw validationFailed(`${verb} place`, problems.map(({ problem }) => problem))
  return fields
}

import { ApiError } from '../../errors.js'
import { parseTags } from '../../engine/custom-fields.js'
import { textParam, trimmed, type Params } from '../../param-values.js'
import { PLACE_TEXTS, type PlaceRecord } from './record.js'

/** The fields of a place a create or update sends; a key present with undefined clears it (`tags=`). */
export type PlaceFields = { -readonly [K in 'name' | 'latitude' | 'longitude' | 'tags' | (typeof PLACE_TEXTS)[number]]?: PlaceRecord[K] }

/** The location part of the create rule, worded as the real service (sic: "one the of"). */
const NO_LOCATION = 'Place must have one the of [longitude, latitude] or address or city or state or country or postal_code'

/**
 * The place fields a create or update sends (docs/places.md "Writes"): `name`, the text fields,
 * `latitude`/`longitude` (numbers, or numeric text), `tags` (a comma list; empty clears on update).
 * A blank text counts as not sent. On create the place must get a name and a location (a text of
 * the address or both coordinates).
 *
 * @param verb - `create` or `update`, for the message.
 * @throws ApiError 400 `Failed to <verb> place: Validation failed - <problems>.`, the problems
 *   (joined with `, `) among the missing location, `Name can't be blank`, `Latitude is not a
 *   number`, `Longitude is not a number`.
 */
export function placeFields(params: Params, verb: 'create' | 'update'): PlaceFields {
  const fields: PlaceFields = {}
  const problems: string[] = []
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
    else problems.push(`${coordinate === 'latitude' ? 'Latitude' : 'Longitude'} is not a number`)
  }
  if (params.tags !== undefined && params.tags !== null) fields.tags = parseTags(params.tags)
  if (verb === 'create') {
    const located = PLACE_TEXTS.slice(0, 5).some((text) => fields[text] !== undefined) || (fields.latitude !== undefined && fields.longitude !== undefined)
    const missing = [...(located ? [] : [NO_LOCATION]), ...(fields.name === undefined ? ["Name can't be blank"] : [])]
    problems.unshift(...missing)
  }
  if (problems.length > 0) throw new ApiError(400, `Failed to ${verb} place: Validation failed - ${problems.join(', ')}.`)
  return fields
}

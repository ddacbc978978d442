import { ApiError, invalidParameter } from '../errors.js'
import { isPlainObject } from '../json.js'

/**
 * Resolves the `{"$inc": n}` values of sent fields against the stored ones (docs/custom-objects.md
 * "Atomic increment"): `"score": {"$inc": 10}` becomes the stored number plus 10 (negative
 * subtracts), or 10 when the field is not stored (and on a create, where nothing is). Every other
 * value is returned as sent.
 *
 * @param param - the parameter's name in messages: `fields` (CustomObjects) or `custom_fields`.
 * @returns a new object; neither argument is changed.
 * @throws ApiError 400 `$inc operation only support to increase one field once.` for a second `$inc`;
 *   400 `Invalid $inc value for <field>` for a non-numeric increment or stored value;
 *   400 `Invalid <param> parameter: unsupported operator <op>` for a value keyed by another `$` operator.
 */
export function applyIncrements(
  stored: Readonly<Record<string, unknown>>,
  sent: Readonly<Record<string, unknown>>,
  param: string,
): Record<string, unknown> {
  const resolved: Record<string, unknown> = { ...sent }
  let increments = 0
  for (const [field, value] of Object.entries(sent)) {
    if (!isPlainObject(value)) continue
    const operator = Object.keys(value).find((key) => key.startsWith('$'))
    if (operator === undefined) continue
    if (operator !== '$inc' || Object.keys(value).length !== 1) {
      throw invalidParameter(param, `unsupported operator ${operator === '$inc' ? Object.keys(value).find((key) => key !== '$inc') : operator}`)
    }
    if (++increments > 1) throw new ApiError(400, '$inc operation only support to increase one field once.')
    const by = value.$inc
    const current = Object.hasOwn(stored, field) ? stored[field] : 0
    if (typeof by !== 'number' || !Number.isFinite(by) || typeof current !== 'number') {
      throw new ApiError(400, `Invalid $inc value for ${field}`)
    }
    resolved[field] = current + by
  }
  return resolved
}

import { ApiError } from '../../errors.js'
import { isPlainObject, FORBIDDEN_KEYS } from '../../json.js'
import { jsonParam, type Params } from '../../param-values.js'

/** At most this many sizes per request (docs/photos.md "Sizes"). */
const MAX_SIZES = 5

/**
 * The sizes every photo had on apps made before ACS 1.1.7, named and reported beside the asked-for
 * ones under the `legacyPhotoSizes` app setting (docs/photos.md "Sizes"); never made.
 */
export const LEGACY_PHOTO_SIZES: Readonly<Record<string, string>> = Object.freeze({
  square_75: '75x75#',
  thumb_100: '100x67',
  small_240: '240x160',
  medium_500: '500x333',
  medium_640: '640x427',
  large_1024: '1024x683',
})

/** `<width>x<height>`, `#` for an exact square crop. */
const GEOMETRY = /^\d+x\d+#?$/

/** 400 for a size whose geometry is malformed, or one past the fifth (docs/photos.md "Errors"). */
const invalidPhotoSize = (name: string): ApiError => new ApiError(400, `Invalid photo size: ${name}`)

/**
 * The sizes a create or update asks for (docs/photos.md "Sizes"): `photo_sizes` as one JSON object
 * (`{"preview":"120x120#"}`) and/or one field per size (`photo_sizes[preview]=120x120#`); the
 * spelling `photo_size` is taken too. Name → geometry; undefined when none is sent.
 *
 * @throws ApiError 400 `Invalid photo size: <name>` for a geometry not `<width>x<height>[#]`, or
 *   past five sizes; 400 `Invalid photo_sizes parameter: ...` for JSON that is not an object.
 */
export function photoSizesParam(params: Params): Record<string, string> | undefined {
  const sizes: Record<string, string> = {}
  let sent = false
  for (const [key, raw] of Object.entries(params)) {
    const whole = /^photo_sizes?$/.exec(key)
    const one = /^photo_sizes?\[([^\]]+)\]$/.exec(key)
    if (whole !== null && raw !== undefined && raw !== '') {
      sent = true
      const parsed = jsonParam(key, raw)
      if (!isPlainObject(parsed)) throw new ApiError(400, `Invalid ${key} parameter: must be an object of size names and geometries`)
      for (const [name, geometry] of Object.entries(parsed)) sizes[name] = String(geometry)
    } else if (one !== null) {
      sent = true
      sizes[one[1]!] = String(raw)
    }
  }
  if (!sent) return undefined
  const names = Object.keys(sizes)
  for (const [index, name] of names.entries()) {
    if (index >= MAX_SIZES || FORBIDDEN_KEYS.has(name) || name === 'original' || !GEOMETRY.test(sizes[name]!.trim())) throw invalidPhotoSize(name)
    sizes[name] = sizes[name]!.trim()
  }
  return sizes
}

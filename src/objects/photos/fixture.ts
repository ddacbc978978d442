import type { FixturePart } from '../../engine/fixture-part.js'
import { checkBytesSource, fixtureBytes } from '../../engine/fixture-bytes.js'
import { asField, fixtureEntries, fixtureOwnedFields, fixtureText, ownedRecordFields, type FixtureOwned } from '../../engine/fixture-fields.js'
import { FixtureError } from '../../fixtures.js'
import { storedImage } from './image.js'
import type { PhotoRecord } from './record.js'
import { photoSizesParam } from './sizes.js'

/**
 * One photo as a fixture writes it (docs/fixtures.md "Files and photos"): its `owner` (a username
 * of the same baseline) and its image, `base64` (the bytes) or `path` (a file read at load,
 * relative to the fixture file's folder), a JPEG, PNG or GIF by its first bytes.
 *
 * @example
 * const cat: FixturePhoto = { owner: 'alice', path: 'photos/cat.png', title: 'Cat', photo_sizes: { thumb: '100x100#' } }
 */
export interface FixturePhoto extends FixtureOwned {
  base64?: string
  path?: string
  /** Default the path's file name, else `photo`. */
  filename?: string
  title?: string
  /** Size name → `<width>x<height>[#]`, at most five, as `photo_sizes` on create (docs/photos.md "Sizes"). */
  photo_sizes?: Record<string, string>
}

const FIELDS = ['owner', 'base64', 'path', 'filename', 'title', 'tags', 'photo_sizes', 'custom_fields', 'id', 'created_at']

/** Checks one list of `photos` entries. */
function parseEntries(value: unknown, source: string, list: string): FixturePhoto[] {
  return fixtureEntries(value, source, list, FIELDS, 'photo', (raw, fail) => {
    const { tags } = raw
    // The fixture's own wording for a tags value of the wrong type, kept from before the shared owned fields.
    if (tags !== undefined && !(typeof tags === 'string' || (Array.isArray(tags) && tags.every((tag) => typeof tag === 'string')))) fail('tags', 'must be a list of strings or a comma-separated string')
    const owned = fixtureOwnedFields(raw, fail)
    checkBytesSource(raw, true, fail)
    const filename = fixtureText(raw, 'filename', fail)
    const title = raw.title === undefined || typeof raw.title === 'string' ? (raw.title as string | undefined) : fail('title', 'must be a string')
    const photo_sizes = raw.photo_sizes === undefined ? undefined : asField('photo_sizes', fail, () => photoSizesParam({ photo_sizes: raw.photo_sizes as never }))
    return {
      ...owned,
      ...(raw.base64 !== undefined && { base64: raw.base64 as string }),
      ...(raw.path !== undefined && { path: raw.path as string }),
      ...(filename !== undefined && { filename }),
      ...(title !== undefined && { title }),
      ...(photo_sizes !== undefined && { photo_sizes }),
    }
  })
}

/**
 * The photos' part of a fixture file (docs/fixtures.md "Files and photos"): `photos` lists, each
 * entry one processed photo, its image served at its URLs as an upload's is.
 *
 * @throws FixtureError `<list>[i].base64` / `.path`: bytes that are no JPEG, PNG or GIF.
 */
export const photosFixture: FixturePart<FixturePhoto[], 'photos'> = {
  key: 'photos',
  parse: parseEntries,
  records: async (entries, context) => {
    const records: PhotoRecord[] = []
    for (const [index, entry] of entries.entries()) {
      const read = (await fixtureBytes(entry, context, index))!
      const image = storedImage(read.bytes, entry.filename ?? read.fileName ?? 'photo')
      if (image === undefined) {
        throw new FixtureError(context.source, index, entry.path === undefined ? 'base64' : 'path', 'is no JPEG, PNG or GIF image (read from its first bytes)', context.list)
      }
      records.push({
        ...ownedRecordFields(entry, context, index),
        ...image,
        sizes: entry.photo_sizes ?? {},
        ...(entry.title !== undefined && { title: entry.title }),
      })
    }
    return { photos: records }
  },
}

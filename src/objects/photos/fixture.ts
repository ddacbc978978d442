import type { FixturePart } from '../../engine/fixture-part.js'
import { checkBytesSource, fixtureBytes } from '../../engine/fixture-bytes.js'
import { asField, fixtureCustomFields, fixtureEntries, fixtureIdAndDate, fixtureText } from '../../engine/fixture-fields.js'
import { mergeCustomFields, splitTags } from '../../engine/custom-fields.js'
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
export interface FixturePhoto {
  owner: string
  base64?: string
  path?: string
  /** Default the path's file name, else `photo`. */
  filename?: string
  title?: string
  /** A list or a comma string. */
  tags?: string[] | string
  /** Size name → `<width>x<height>[#]`, at most five, as `photo_sizes` on create (docs/photos.md "Sizes"). */
  photo_sizes?: Record<string, string>
  custom_fields?: Record<string, unknown>
  /** 24 hex characters; default a new id. */
  id?: string
  /** ISO 8601; default the load time. */
  created_at?: string
}

const FIELDS = ['owner', 'base64', 'path', 'filename', 'title', 'tags', 'photo_sizes', 'custom_fields', 'id', 'created_at']

/** Checks one list of `photos` entries. */
function parseEntries(value: unknown, source: string, list: string): FixturePhoto[] {
  return fixtureEntries(value, source, list, FIELDS, 'photo', (raw, fail) => {
    const owner = fixtureText(raw, 'owner', fail)
    if (owner === undefined) fail('owner', 'must be the username of a user of this fixture')
    checkBytesSource(raw, true, fail)
    const filename = fixtureText(raw, 'filename', fail)
    const title = raw.title === undefined || typeof raw.title === 'string' ? (raw.title as string | undefined) : fail('title', 'must be a string')
    const { tags } = raw
    if (tags !== undefined && !(typeof tags === 'string' || (Array.isArray(tags) && tags.every((tag) => typeof tag === 'string')))) fail('tags', 'must be a list of strings or a comma-separated string')
    const photo_sizes = raw.photo_sizes === undefined ? undefined : asField('photo_sizes', fail, () => photoSizesParam({ photo_sizes: raw.photo_sizes as never }))
    const custom_fields = fixtureCustomFields(raw.custom_fields, fail)
    return {
      owner: owner!,
      ...(raw.base64 !== undefined && { base64: raw.base64 as string }),
      ...(raw.path !== undefined && { path: raw.path as string }),
      ...(filename !== undefined && { filename }),
      ...(title !== undefined && { title }),
      ...(tags !== undefined && { tags: tags as string[] | string }),
      ...(photo_sizes !== undefined && { photo_sizes }),
      ...(custom_fields !== undefined && { custom_fields }),
      ...fixtureIdAndDate(raw, fail),
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
      const created = entry.created_at === undefined ? context.runtime.now() : new Date(entry.created_at)
      const read = (await fixtureBytes(entry, context, index))!
      const image = storedImage(read.bytes, entry.filename ?? read.fileName ?? 'photo')
      if (image === undefined) {
        throw new FixtureError(context.source, index, entry.path === undefined ? 'base64' : 'path', 'is no JPEG, PNG or GIF image (read from its first bytes)', context.list)
      }
      const tags = entry.tags === undefined ? [] : splitTags(entry.tags)
      records.push({
        id: entry.id ?? context.runtime.objectId(created),
        created_at: created.toISOString(),
        updated_at: created.toISOString(),
        user_id: context.userId(entry.owner, index, 'owner'),
        ...image,
        sizes: entry.photo_sizes ?? {},
        ...(entry.title !== undefined && { title: entry.title }),
        ...(tags.length > 0 && { tags }),
        custom_fields: mergeCustomFields({}, entry.custom_fields ?? {}),
      })
    }
    return { photos: records }
  },
}

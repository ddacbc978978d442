import type { FixturePart } from '../../engine/fixture-part.js'
import { checkBytesSource, fixtureBytes } from '../../engine/fixture-bytes.js'
import { fixtureEntries, fixtureOwnedFields, fixtureText, ownedRecordFields, type FixtureOwned } from '../../engine/fixture-fields.js'
import type { FileRecord } from './record.js'
import { lastSegment } from './service.js'

/**
 * One file as a fixture writes it (docs/fixtures.md "Files and photos"): its `owner` (a username
 * of the same baseline) and its content, one of `base64` (the bytes), `path` (a file read at load,
 * relative to the fixture file's folder) or `url` (a remote address, kept, never fetched).
 *
 * @example
 * const report: FixtureFile = { owner: 'alice', path: 'files/report.pdf', content_type: 'application/pdf' }
 */
export interface FixtureFile extends Omit<FixtureOwned, 'tags'> {
  base64?: string
  path?: string
  url?: string
  /** The name replies give; default the path's file name or the url's last segment. Required with `base64`. */
  name?: string
  /** The Content-Type its URL serves; default `application/octet-stream`. Not with `url`. */
  content_type?: string
}

const FIELDS = ['owner', 'base64', 'path', 'url', 'name', 'content_type', 'custom_fields', 'id', 'created_at']

/** Checks one list of `files` entries. */
function parseEntries(value: unknown, source: string, list: string): FixtureFile[] {
  return fixtureEntries(value, source, list, FIELDS, 'file', (raw, fail) => {
    const owned = fixtureOwnedFields(raw, fail)
    checkBytesSource(raw, false, fail)
    const url = fixtureText(raw, 'url', fail)
    if (url !== undefined && (raw.base64 !== undefined || raw.path !== undefined)) fail('url', 'give one of base64, path or url')
    if (url === undefined && raw.base64 === undefined && raw.path === undefined) fail(undefined, 'the content is missing: give base64 (the bytes), path (a file) or url')
    if (url !== undefined && !(URL.canParse(url) && /^https?:$/.test(new URL(url).protocol))) fail('url', 'must be an http or https URL')
    const name = fixtureText(raw, 'name', fail)
    if (name === undefined && raw.base64 !== undefined) fail('name', 'is required with base64')
    const content_type = fixtureText(raw, 'content_type', fail)
    if (content_type !== undefined && url !== undefined) fail('content_type', 'is the type of uploaded bytes: not with url')
    return {
      ...owned,
      ...(raw.base64 !== undefined && { base64: raw.base64 as string }),
      ...(raw.path !== undefined && { path: raw.path as string }),
      ...(url !== undefined && { url }),
      ...(name !== undefined && { name }),
      ...(content_type !== undefined && { content_type }),
    }
  })
}

/**
 * The files' part of a fixture file (docs/fixtures.md "Files and photos"): `files` lists, each
 * entry one processed file, its bytes served at its URL as an upload's are.
 */
export const filesFixture: FixturePart<FixtureFile[], 'files'> = {
  key: 'files',
  parse: parseEntries,
  records: async (entries, context) => {
    const records: FileRecord[] = []
    for (const [index, entry] of entries.entries()) {
      const read = await fixtureBytes(entry, context, index)
      const urlName = entry.url === undefined ? undefined : lastSegment(new URL(entry.url).pathname) || entry.url
      records.push({
        ...ownedRecordFields(entry, context, index),
        name: entry.name ?? read?.fileName ?? urlName!,
        ...(read === undefined
          ? { source_url: entry.url! }
          : { data: read.bytes.toString('base64'), content_type: entry.content_type ?? 'application/octet-stream' }),
      })
    }
    return { files: records }
  },
}

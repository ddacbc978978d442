import type { FixturePart } from '../../engine/fixture-part.js'
import { checkBytesSource, fixtureBytes } from '../../engine/fixture-bytes.js'
import { fixtureCustomFields, fixtureEntries, fixtureIdAndDate, fixtureText } from '../../engine/fixture-fields.js'
import { mergeCustomFields } from '../../engine/custom-fields.js'
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
export interface FixtureFile {
  owner: string
  base64?: string
  path?: string
  url?: string
  /** The name replies give; default the path's file name or the url's last segment. Required with `base64`. */
  name?: string
  /** The Content-Type its URL serves; default `application/octet-stream`. Not with `url`. */
  content_type?: string
  custom_fields?: Record<string, unknown>
  /** 24 hex characters; default a new id. */
  id?: string
  /** ISO 8601; default the load time. */
  created_at?: string
}

const FIELDS = ['owner', 'base64', 'path', 'url', 'name', 'content_type', 'custom_fields', 'id', 'created_at']

/** Checks one list of `files` entries. */
function parseEntries(value: unknown, source: string, list: string): FixtureFile[] {
  return fixtureEntries(value, source, list, FIELDS, 'file', (raw, fail) => {
    const owner = fixtureText(raw, 'owner', fail)
    if (owner === undefined) fail('owner', 'must be the username of a user of this fixture')
    checkBytesSource(raw, false, fail)
    const url = fixtureText(raw, 'url', fail)
    if (url !== undefined && (raw.base64 !== undefined || raw.path !== undefined)) fail('url', 'give one of base64, path or url')
    if (url === undefined && raw.base64 === undefined && raw.path === undefined) fail(undefined, 'the content is missing: give base64 (the bytes), path (a file) or url')
    if (url !== undefined && !(URL.canParse(url) && /^https?:$/.test(new URL(url).protocol))) fail('url', 'must be an http or https URL')
    const name = fixtureText(raw, 'name', fail)
    if (name === undefined && raw.base64 !== undefined) fail('name', 'is required with base64')
    const content_type = fixtureText(raw, 'content_type', fail)
    if (content_type !== undefined && url !== undefined) fail('content_type', 'is the type of uploaded bytes: not with url')
    const custom_fields = fixtureCustomFields(raw.custom_fields, fail)
    return {
      owner: owner!,
      ...(raw.base64 !== undefined && { base64: raw.base64 as string }),
      ...(raw.path !== undefined && { path: raw.path as string }),
      ...(url !== undefined && { url }),
      ...(name !== undefined && { name }),
      ...(content_type !== undefined && { content_type }),
      ...(custom_fields !== undefined && { custom_fields }),
      ...fixtureIdAndDate(raw, fail),
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
      const created = entry.created_at === undefined ? context.runtime.now() : new Date(entry.created_at)
      const read = await fixtureBytes(entry, context, index)
      const urlName = entry.url === undefined ? undefined : lastSegment(new URL(entry.url).pathname) || entry.url
      records.push({
        id: entry.id ?? context.runtime.objectId(created),
        created_at: created.toISOString(),
        updated_at: created.toISOString(),
        user_id: context.userId(entry.owner, index, 'owner'),
        name: entry.name ?? read?.fileName ?? urlName!,
        ...(read === undefined
          ? { source_url: entry.url! }
          : { data: read.bytes.toString('base64'), content_type: entry.content_type ?? 'application/octet-stream' }),
        custom_fields: mergeCustomFields({}, entry.custom_fields ?? {}),
      })
    }
    return { files: records }
  },
}

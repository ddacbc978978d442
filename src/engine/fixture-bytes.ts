import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { FixtureError } from '../fixtures.js'
import type { FixtureContext } from './fixture-part.js'

/**
 * The bytes of an upload in a fixture entry (docs/fixtures.md "Files and photos"): `base64`, the
 * bytes written out, or `path`, a file read when the fixture is loaded, relative to the fixture
 * file's folder (the current directory for a fixture given in code).
 */
export interface FixtureBytesSource {
  base64?: string
  path?: string
}

/** Standard base64, padded: what `Buffer.toString('base64')` writes. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/**
 * Checks an entry's `base64` and `path`: at most one of them, `base64` padded standard base64
 * (whitespace allowed), `path` a non-empty string.
 *
 * @param required - whether one of them must be given (false where another source, a `url`, may stand instead).
 * @param fail - throws the FixtureError naming the entry and the field.
 */
export function checkBytesSource(entry: Readonly<Record<string, unknown>>, required: boolean, fail: (field: string, problem: string) => never): void {
  const { base64, path } = entry
  if (base64 !== undefined && path !== undefined) fail('path', 'give the bytes as base64 or as a path, not both')
  if (required && base64 === undefined && path === undefined) fail('path', 'the bytes are missing: give base64 (the bytes as base64) or path (a file)')
  if (base64 !== undefined && !(typeof base64 === 'string' && BASE64.test(base64.replace(/\s+/g, '')))) fail('base64', 'must be the bytes as base64 text')
  if (path !== undefined && (typeof path !== 'string' || path.trim() === '')) fail('path', 'must be a non-empty path to a file')
}

/**
 * The bytes an entry checked by {@link checkBytesSource} gives, and the file name of its `path`;
 * undefined when it gives neither.
 *
 * @throws FixtureError `<list>[entry].path: cannot read <absolute path> (<why>)` for a file that
 *   cannot be read.
 */
export async function fixtureBytes(
  entry: FixtureBytesSource,
  context: FixtureContext,
  index: number,
): Promise<{ bytes: Buffer; fileName?: string } | undefined> {
  if (entry.base64 !== undefined) return { bytes: Buffer.from(entry.base64.replace(/\s+/g, ''), 'base64') }
  if (entry.path === undefined) return undefined
  const file = resolve(context.folder, entry.path)
  try {
    return { bytes: await readFile(file), fileName: basename(file) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'a directory, not a file' : (error as Error).message
    throw new FixtureError(context.source, index, 'path', `cannot read ${file} (${why}; a relative path starts from the fixture file's folder)`, context.list)
  }
}

import { open, readFile, rename, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'

/**
 * The permission bits of a data file mock-cloud creates: read and write for its owner alone, as
 * it holds password hashes and live session ids (docs/reliability.md).
 */
export const NEW_DATA_FILE_MODE = 0o600

/**
 * lowdb's adapter for a `--data` file: JSON (two-space indented, as lowdb's own `JSONFile`
 * writes it), each write atomic (a temp file `.NAME.tmp` beside it, then a rename), so that a
 * crash never leaves a half-written file. Unlike lowdb's writer, the rewrite keeps the permission
 * bits of the file it replaces (a 0600 file stays 0600, whatever the umask), and a new file is
 * made {@link NEW_DATA_FILE_MODE}. Writes asked for while one runs are merged into one of the
 * latest data; each `write` resolves once data at least as new as its own is on disk.
 *
 * @example
 * const db = new Low(new JsonFile<StoreData>('/tmp/data.json'), initial)
 */
export class JsonFile<T> implements Adapter<T> {
  readonly #file: string
  readonly #temp: string
  /** The newest data not yet written, as text. */
  #latest = ''
  /** The write that will pick up {@link #latest}, while it has not started. */
  #queued: Promise<void> | undefined
  /** The last write started or queued, settled either way: the next one waits for it. */
  #tail: Promise<void> = Promise.resolve()

  /** Whether the last {@link read} found data: a file holding more than white space. */
  found = false

  /** @param file - the data file's path (symlinks already resolved: the rename replaces what it names). */
  constructor(file: string) {
    this.#file = file
    this.#temp = join(dirname(file), `.${basename(file)}.tmp`)
  }

  /**
   * The parsed file, or null when there is none yet: no file, or an empty one (`touch data.json`
   * makes a new data file), which {@link found} tells apart from a file holding `null`.
   *
   * @throws SyntaxError when it is not JSON; the error of reading it otherwise (EISDIR, EACCES...).
   */
  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.#file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    this.found = text.trim() !== ''
    return this.found ? (JSON.parse(text) as T) : null
  }

  /**
   * Writes `data` atomically, keeping the file's permission bits.
   *
   * @throws the file system's error (ENOSPC, EACCES...) when the temp file cannot be written or renamed.
   */
  write(data: T): Promise<void> {
    this.#latest = JSON.stringify(data, null, 2)
    this.#queued ??= this.#tail.then(() => {
      this.#queued = undefined
      return this.#replace(this.#latest)
    })
    const write = this.#queued
    this.#tail = write.catch(() => undefined)
    return write
  }

  async #replace(text: string): Promise<void> {
    const mode = await stat(this.#file).then(
      (stats) => stats.mode & 0o7777,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return NEW_DATA_FILE_MODE
        throw error
      },
    )
    // A temp file left by a killed process keeps its old mode through open(): chmod before any data goes in.
    const handle = await open(this.#temp, 'w', mode)
    try {
      await handle.chmod(mode)
      await handle.writeFile(text, 'utf8')
    } finally {
      await handle.close()
    }
    await rename(this.#temp, this.#file)
  }
}

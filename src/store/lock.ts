import { open, readFile, unlink } from 'node:fs/promises'

/**
 * The lock that keeps two mock-cloud processes (or two in one process) off one `--data` file
 * (issue 6 "durability"): each would overwrite the other's writes. The lock is the file
 * `FILE.lock` next to the data file, created exclusively and holding the owner's process id.
 * A lock left by a process that no longer runs (killed with SIGKILL, crashed) is taken over.
 * proper-lockfile was not used: it judges a lock stale by its age (refreshed on a timer), so a
 * server restarted right after a SIGKILL would wait, and a long synchronous start (a large
 * fixture) could lose its own lock.
 */

/** Why the lock cannot be had: another live process holds it, or the lock file cannot be made. */
export class LockError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LockError'
  }
}

/**
 * Takes the lock of `file` for this process.
 *
 * @returns a release function (removes the lock file; safe to call twice).
 * @throws LockError naming the process that holds the lock, or why the lock file cannot be made.
 * @example
 * const release = await lockDataFile('data.json') // data.json.lock holds process.pid
 * await release()
 */
export async function lockDataFile(file: string): Promise<() => Promise<void>> {
  const lockFile = `${file}.lock`
  if (!(await create(lockFile))) {
    const holder = await holderOf(lockFile)
    if (holder === undefined) {
      throw new LockError(`${lockFile} exists but names no process; if no mock-cloud uses this data file, delete the lock file`)
    }
    if (isRunning(holder)) {
      const who = holder === process.pid ? 'this process (another mock-cloud in it)' : `process ${holder}`
      throw new LockError(`in use by ${who}, which holds ${lockFile}; stop it first, or give this server another data file`)
    }
    // The holder is gone: its lock is stale. Only one of two racing starts creates the new one.
    await unlink(lockFile).catch(() => undefined)
    if (!(await create(lockFile))) throw new LockError(`another mock-cloud took ${lockFile} just now; stop it first, or give this server another data file`)
  }
  let released = false
  return async () => {
    if (released) return
    released = true
    // Only our own lock: a stale one taken over by someone else is theirs now.
    if ((await holderOf(lockFile)) === process.pid) await unlink(lockFile).catch(() => undefined)
  }
}

/** Creates the lock file with this process's id; false when it exists already. */
async function create(lockFile: string): Promise<boolean> {
  let handle
  try {
    handle = await open(lockFile, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw new LockError(`cannot be created (its lock file: ${(error as Error).message}); check that its folder exists and is writable`)
  }
  try {
    await handle.writeFile(`${process.pid}\n`)
  } finally {
    await handle.close()
  }
  return true
}

/** The process id a lock file names, or undefined when it names none (empty, half-written, not ours). */
async function holderOf(lockFile: string): Promise<number | undefined> {
  const text = await readFile(lockFile, 'utf8').catch(() => '')
  const pid = Number(text.trim())
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

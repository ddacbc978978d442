import { open, readFile, unlink } from 'node:fs/promises'

/**
 * The lock that keeps two mock-cloud processes (or two in one process) off one `--data` file
 * (docs/reliability.md): each would overwrite the other's writes. The lock is the
 * file `FILE.lock` next to the data file, created exclusively, holding the owner's process id on
 * its first line and, on Linux, the identity of that process instance on the second (boot id and
 * start time, from /proc). A lock is stale, and taken over, when its process no longer runs
 * (killed with SIGKILL, crashed) or when its pid now belongs to another process: a container
 * restarted after a SIGKILL gives the new server the same pid (often 1), and any pid is reused
 * in time. A lock naming this process's own pid is stale unless a mock-cloud in this process
 * holds it. Without /proc (macOS, Windows) a lock naming another live pid is taken as held.
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
    if (await isHeld(lockFile, holder)) {
      const who = holder.pid === process.pid ? 'this process (another mock-cloud in it)' : `process ${holder.pid}`
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
    heldHere.delete(lockFile)
    // Only our own lock: a stale one taken over by someone else is theirs now.
    if ((await holderOf(lockFile))?.pid === process.pid) await unlink(lockFile).catch(() => undefined)
  }
}

/** The lock files held by mock-cloud servers of this process (module instance). */
const heldHere = new Set<string>()

/** Who a lock file names: a process id and, when recorded, that process instance's {@link instanceOf}. */
interface Holder {
  pid: number
  instance?: string
}

/** Creates the lock file naming this process (held here from then on); false when it exists already. */
async function create(lockFile: string): Promise<boolean> {
  let handle
  try {
    handle = await open(lockFile, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw new LockError(`cannot be created (its lock file: ${(error as Error).message}); check that its folder exists and is writable`)
  }
  heldHere.add(lockFile)
  try {
    const instance = await instanceOf(process.pid)
    await handle.writeFile(`${process.pid}\n${instance === undefined ? '' : `${instance}\n`}`)
  } finally {
    await handle.close()
  }
  return true
}

/** Who a lock file names, or undefined when it names no process (empty, half-written, not ours). */
async function holderOf(lockFile: string): Promise<Holder | undefined> {
  const [first = '', instance] = (await readFile(lockFile, 'utf8').catch(() => '')).split('\n')
  const pid = Number(first.trim())
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined
  return instance ? { pid, instance } : { pid }
}

/**
 * Whether the process a lock names still holds it: it runs and is the same process instance
 * (a pid reused since, by a restarted container or another program, is not); for this
 * process's own pid, whether a mock-cloud in it holds the lock.
 */
async function isHeld(lockFile: string, holder: Holder): Promise<boolean> {
  if (holder.pid === process.pid) {
    if (heldHere.has(lockFile)) return true
    // Another copy of mock-cloud's modules in this process (one loaded from src/, one from dist/).
    return holder.instance !== undefined && holder.instance === (await instanceOf(process.pid))
  }
  if (!isRunning(holder.pid)) return false
  if (holder.instance === undefined) return true
  const now = await instanceOf(holder.pid)
  return now === undefined || now === holder.instance
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

/**
 * What tells one process instance from a later one with the same pid, on Linux: the boot id
 * and the process's start time in clock ticks since boot (field 22 of /proc/PID/stat), e.g.
 * `3c81f77b-ed05-4e63-8a6e-bac76e46bb69/32728`. Undefined where /proc cannot tell (not Linux,
 * or the process is gone).
 */
async function instanceOf(pid: number): Promise<string | undefined> {
  try {
    const [bootId, stat] = await Promise.all([
      readFile('/proc/sys/kernel/random/boot_id', 'utf8'),
      readFile(`/proc/${pid}/stat`, 'utf8'),
    ])
    // The command name (field 2) is in parentheses and may hold spaces and ")": count from the last ")".
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
    return startTime === undefined ? undefined : `${bootId.trim()}/${startTime}`
  } catch {
    return undefined
  }
}

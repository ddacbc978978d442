import ArrowDB from 'arrowdb'

/** What one SDK call gave its callback. */
export type Outcome = { err: ArrowDB.SdkError | null; result: ArrowDB.Result }

/** Calls an SDK method (`usersLogin`, …) and resolves with both callback arguments. */
export function sdk(app: ArrowDB, method: string, params: Record<string, unknown> = {}): Promise<Outcome> {
  const fn = app[method] as ArrowDB.Method | undefined
  if (typeof fn !== 'function') throw new Error(`the arrowdb SDK has no method ${method}`)
  return new Promise((resolve) => fn.call(app, params, (err, result) => resolve({ err, result })))
}

/** Resolves with the result of a call that must succeed; an SDK error fails the test with its message. */
export async function ok(app: ArrowDB, method: string, params: Record<string, unknown> = {}): Promise<ArrowDB.Result> {
  const { err, result } = await sdk(app, method, params)
  if (err) throw new Error(`${method} failed: ${err.message}`)
  return result
}

/** Resolves with the error of a call that must fail. */
export async function refused(app: ArrowDB, method: string, params: Record<string, unknown> = {}): Promise<ArrowDB.SdkError> {
  const { err } = await sdk(app, method, params)
  if (!err) throw new Error(`${method} was expected to fail but succeeded`)
  return err
}

/** A new SDK client of app key TESTKEY at `url`, signed in as `login` of fixture S (password `pw-<login>`). */
export async function signedInSdk(url: string, login: string): Promise<ArrowDB> {
  const app = new ArrowDB('TESTKEY', { apiEntryPoint: url })
  await ok(app, 'usersLogin', { login, password: `pw-${login}` })
  return app
}

/**
 * Just enough of the `arrowdb` npm SDK (1.0.12, plain CommonJS without types) for the
 * end-to-end test. Every API method takes optional params and an `(err, result)` callback.
 */
declare module 'arrowdb' {
  namespace ArrowDB {
    interface Result {
      statusCode: number
      reason: string
      body: any
      /** The cookies the SDK's per-request jar holds after the reply (absent for relayed calls). */
      cookieString?: string
    }
    /** Thrown for HTTP ≥ 400: carries `statusCode`, `reason` (= meta.message) and `body`. */
    interface SdkError extends Error {
      errorCode: number
      statusCode?: number
      reason?: string
      body?: any
    }
    type Callback = (err: SdkError | null, result: Result) => void
    type Method = (params: Record<string, unknown> | Callback, callback?: Callback) => void
    interface Options {
      apiEntryPoint?: string
      autoSessionManagement?: boolean
      prettyJson?: boolean
      proxy?: string
    }
  }
  interface ArrowDB {
    appKey: string
    appOptions: ArrowDB.Options
    /** `_session_id=<id>` after usersLogin; null after usersLogout. A bare id is accepted too. */
    sessionCookieString: string | null
    [method: string]: unknown
  }
  const ArrowDB: new (appKey: string, options?: ArrowDB.Options) => ArrowDB
  export = ArrowDB
}

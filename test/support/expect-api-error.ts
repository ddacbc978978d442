import { expect } from 'vitest'
import { ApiError } from '../../src/errors.js'

/** Asserts that `run` throws an ApiError with this code and message (exact string or pattern). */
export function expectApiError(run: () => unknown, code: number, message: string | RegExp): void {
  let thrown: unknown
  try {
    run()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(ApiError)
  const error = thrown as ApiError
  expect(error.code).toBe(code)
  if (typeof message === 'string') expect(error.message).toBe(message)
  else expect(error.message).toMatch(message)
}

import type { MockCloud } from '../../src/index.js'

/**
 * Logs `username` in (password `pw-<username>`, as the test fixtures give it) on app key `key`
 * of an in-process mock-cloud, and returns the session id.
 */
export async function sessionOf(cloud: MockCloud, username: string, key = 'K'): Promise<string> {
  const reply = await cloud.app.request(`/v1/users/login.json?key=${key}`, {
    method: 'POST',
    body: new URLSearchParams({ login: username, password: `pw-${username}` }),
  })
  return ((await reply.json()) as { meta: { session_id: string } }).meta.session_id
}

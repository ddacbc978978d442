/**
 * What @hono/node-server hands the app for a client connecting from `address`: the third argument
 * of `app.request()`, to test rules about the client's address (docs/toolkit.md "The admin API")
 * without a socket. `undefined` stands for a socket already closed.
 *
 * @example
 * await cloud.app.request('/__mock/reset', { method: 'POST' }, from('203.0.113.9')) // 403
 */
export const from = (address: string | undefined) => ({ incoming: { socket: { remoteAddress: address } } })

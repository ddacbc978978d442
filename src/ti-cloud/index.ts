/**
 * `mock-cloud/ti-cloud`: Titanium's `Cloud` module (ti.cloud) for Node, talking to a mock-cloud
 * server, so app code written against `Cloud.Users` runs unmodified in tests.
 *
 * @example
 * import { startMockCloud } from 'mock-cloud'
 * import { createCloud, settled } from 'mock-cloud/ti-cloud'
 * const server = await startMockCloud({ fixtures: 'fixtures/users.json' })
 * globalThis.Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
 * Cloud.Users.login({ login: 'alice', password: 'alice-pass' }, (e) => console.log(e.success))
 * await settled(Cloud)
 */
export { createCloud } from './cloud.js'
export { settled } from './pending.js'
export type {
  Cloud,
  CloudCallback,
  CloudData,
  CloudMeta,
  CloudNamespaces,
  CloudResponse,
  CreateCloudOptions,
  DataCall,
  NoDataCall,
  OptionalDataCall,
  SendRequestParams,
} from './types.js'
// Each namespace's type (`CloudUsers`, `CloudObjects`, ...), from its file.
export type * from './namespaces/index.js'

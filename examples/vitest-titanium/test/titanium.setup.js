import { beforeEach, vi } from 'vitest'
import { useMockCloud } from 'mock-cloud/vitest'
import { createCloud, settled } from 'mock-cloud/ti-cloud'

const server = useMockCloud() // this test file's own app key; its data reset before each test
globalThis.Cloud = createCloud({ url: server.url, key: server.key })

beforeEach(async () => {
  Cloud.Users.logout(() => {}) // ti.cloud's own way to forget its session
  await settled(Cloud)
  globalThis.alert = vi.fn() // Titanium's alert, captured
})

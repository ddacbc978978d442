import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One mock-cloud for the run, for the files that use mock-cloud/vitest (test/toolkit/).
    globalSetup: ['test/toolkit/mock-cloud.setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})

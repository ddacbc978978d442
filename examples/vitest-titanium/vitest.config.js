import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    globalSetup: ['test/mock-cloud.setup.js'], // one mock-cloud for the run
    setupFiles: ['test/titanium.setup.js'], // a Cloud for each test file
  },
})

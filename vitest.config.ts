import { defineConfig } from 'vitest/config'

/** Files that replace a module with vi.mock: they need a module graph of their own. */
const OWN_MODULES = ['test/hardening/security.test.ts']

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // vitest's default on 2 cores is one worker: files waiting on child processes (the
    // benchmark, the jest and mocha runs, the CLI) would hold up the rest.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: OWN_MODULES,
          // A worker runs file after file on one module graph instead of loading src/, hono and
          // mingo again for each of about 80 files: half of npm test's CPU time went to that.
          isolate: false,
          // One mock-cloud for the run, for the files that use mock-cloud/vitest (test/toolkit/).
          globalSetup: ['test/toolkit/mock-cloud.setup.ts'],
        },
      },
      { extends: true, test: { name: 'own-modules', include: OWN_MODULES } },
    ],
  },
})

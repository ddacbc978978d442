// The jest project mock-cloud's own tests run (test/toolkit/runners.test.ts), set up as the
// docs/toolkit.md "Jest set-up" says: ES modules, no transform, one server for the run.
export default {
  rootDir: '.',
  testMatch: ['**/*.spec.js'],
  transform: {},
  globalSetup: './mock-cloud.setup.js',
  globalTeardown: './mock-cloud.teardown.js',
}

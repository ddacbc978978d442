export default {
  transform: {}, // the test files run as ES modules, untransformed
  globalSetup: './test/mock-cloud.setup.js', // one mock-cloud for the run
  globalTeardown: './test/mock-cloud.teardown.js',
}

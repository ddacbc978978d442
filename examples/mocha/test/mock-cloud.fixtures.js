import { mockCloudFixtures } from 'mock-cloud/mocha'

// One mock-cloud for the run, parallel or not.
export const { mochaGlobalSetup, mochaGlobalTeardown } =
  mockCloudFixtures({ fixtures: 'node_modules/mock-cloud/fixtures/users.json' })

import { mockCloudFixtures } from 'mock-cloud/mocha'

export const { mochaGlobalSetup, mochaGlobalTeardown } = mockCloudFixtures({ fixtures: 'fixtures/users.json' })

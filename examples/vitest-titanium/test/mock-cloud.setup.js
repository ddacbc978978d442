import { mockCloudSetup } from 'mock-cloud/vitest-setup'

// The users bundled with mock-cloud (alice, bob, ...); copy the file into the project to change them.
export default mockCloudSetup({ fixtures: 'node_modules/mock-cloud/fixtures/users.json' })

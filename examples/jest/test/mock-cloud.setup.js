import { mockCloudSetup } from 'mock-cloud/jest-setup'

export default mockCloudSetup({ fixtures: 'node_modules/mock-cloud/fixtures/users.json' })

import { mockCloudSetup } from 'mock-cloud/jest-setup'

export default mockCloudSetup({ fixtures: 'fixtures/users.json' })

export { mockCloudTeardown as default } from 'mock-cloud/jest-setup'

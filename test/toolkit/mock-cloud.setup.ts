import { mockCloudSetup } from 'mock-cloud/vitest-setup'
import { fixtureS } from '../support/fixture-s.js'

// The project's own use of its vitest integration (docs/toolkit.md): one server for the run;
// test/toolkit/*.test.ts reach it with useMockCloud(), each file on its own app key.
export default mockCloudSetup({ fixtures: fixtureS })

// A mistake test/toolkit/runners.test.ts makes on purpose: useMockCloud() at the top level of a
// mocha file, where its hooks would run for every file's tests.
import { useMockCloud } from 'mock-cloud/mocha'

const cloud = useMockCloud()
it('never runs', () => cloud.key)

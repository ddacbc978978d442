import { useMockCloud } from 'mock-cloud/mocha'
import { checks } from '../checks.js'

describe('mock-cloud/mocha, file a', function () {
  checks(useMockCloud(), 'mocha', 'a')
})

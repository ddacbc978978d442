import { useMockCloud } from 'mock-cloud/mocha'
import { checks } from '../checks.js'

describe('mock-cloud/mocha, file b', function () {
  checks(useMockCloud(), 'mocha', 'b')
})

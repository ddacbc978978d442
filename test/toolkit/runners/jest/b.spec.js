import { useMockCloud } from 'mock-cloud/jest'
import { checks } from '../checks.js'

const cloud = useMockCloud()
describe('mock-cloud/jest, file b', () => checks(cloud, 'jest', 'b'))

import { useMockCloud } from 'mock-cloud/jest'
import { checks } from '../checks.js'

const cloud = useMockCloud()
describe('mock-cloud/jest, file a', () => checks(cloud, 'jest', 'a'))

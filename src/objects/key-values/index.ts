import type { MockObject } from '../../engine/object.js'
import { keyValuesEndpoints } from './endpoints.js'
import { keyValuesFixture } from './fixture.js'
import { KEYVALUES, keyValueRecordProblem } from './record.js'
import { KeyValuesService } from './service.js'

/**
 * The KeyValues object (docs/key-values.md): named values in an app-wide public store and in a
 * private store per user, set, read, appended to, incremented and deleted by name.
 */
export const keyValues = {
  name: 'key-values',
  title: 'KeyValues',
  segments: ['keyvalues'],
  endpoints: keyValuesEndpoints,
  service: (context) => new KeyValuesService(context),
  collections: {
    owns: (name) => name === KEYVALUES,
    recordProblem: (record) => keyValueRecordProblem(record),
  },
  fixture: keyValuesFixture,
} satisfies MockObject<KeyValuesService>

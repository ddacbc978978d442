import type { MockObject } from '../../engine/object.js'
import { classOfCollection } from './class-name.js'
import { customObjectsEndpoints } from './endpoints.js'
import { customObjectsFixture } from './fixture.js'
import { customObjectRecordProblem } from './record.js'
import { CustomObjectsService } from './service.js'

/**
 * The CustomObjects object (docs/custom-objects.md): objects of classes the app names in the path,
 * `/v1/objects/<classname>/...`, each class a collection of its own (`objects:<classname>`).
 */
export const customObjects = {
  name: 'custom-objects',
  title: 'CustomObjects',
  segments: ['objects/:classname'],
  endpoints: customObjectsEndpoints,
  service: (context) => new CustomObjectsService(context),
  collections: {
    owns: (name) => classOfCollection(name) !== undefined,
    recordProblem: (record) => customObjectRecordProblem(record),
  },
  fixture: customObjectsFixture,
  social: { type: 'CustomObject' },
  primaryPhoto: true,
} satisfies MockObject<CustomObjectsService>

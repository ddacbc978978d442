import type { MockObject } from '../../engine/object.js'
import { photoCollectionsEndpoints } from './endpoints.js'
import { photoCollectionRecordProblem } from './record.js'
import { PhotoCollectionsService } from './service.js'

/**
 * The PhotoCollections object (docs/photo-collections.md): photo albums a user owns, nestable,
 * `/v1/collections/...`, kept in the `photo_collections` collection; the photos filed in them
 * are Photos that name their collection.
 */
export const photoCollections = {
  name: 'photo-collections',
  title: 'PhotoCollections',
  segments: ['collections'],
  endpoints: photoCollectionsEndpoints,
  service: (context) => new PhotoCollectionsService(context),
  collections: {
    owns: (name) => name === 'photo_collections',
    recordProblem: (record) => photoCollectionRecordProblem(record),
  },
} satisfies MockObject<PhotoCollectionsService>

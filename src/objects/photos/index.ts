import type { MockObject } from '../../engine/object.js'
import { photosEndpoints } from './endpoints.js'
import { photosFixture } from './fixture.js'
import { photoRecordProblem } from './record.js'
import { PHOTO_TYPE, PhotosService } from './service.js'

/**
 * The Photos object (docs/photos.md): images the app uploads, `/v1/photos/...`, kept in the
 * `photos` collection with their bytes, and served back (every size as the original) at
 * `/storage/<app key>/photos/<id>/<name>`.
 */
export const photos = {
  name: 'photos',
  title: 'Photos',
  segments: ['photos'],
  endpoints: photosEndpoints,
  service: (context) => new PhotosService(context),
  collections: {
    owns: (name) => name === 'photos',
    recordProblem: (record) => photoRecordProblem(record),
  },
  fixture: photosFixture,
  serve: (service, id) => service.served(id),
  photoStore: (service) => service.store,
  social: { type: PHOTO_TYPE },
  processing: (service) => service.processing,
} satisfies MockObject<PhotosService>

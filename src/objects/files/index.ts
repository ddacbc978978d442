import type { MockObject } from '../../engine/object.js'
import { filesEndpoints } from './endpoints.js'
import { filesFixture } from './fixture.js'
import { fileRecordProblem } from './record.js'
import { FilesService } from './service.js'

/**
 * The Files object (docs/files.md): files the app uploads, `/v1/files/...`, kept in the `files`
 * collection with their bytes, and served back at `/storage/<app key>/files/<id>/<name>`.
 */
export const files = {
  name: 'files',
  title: 'Files',
  segments: ['files'],
  endpoints: filesEndpoints,
  service: (context) => new FilesService(context),
  collections: {
    owns: (name) => name === 'files',
    recordProblem: (record) => fileRecordProblem(record),
  },
  fixture: filesFixture,
  serve: (service, id) => service.served(id),
  processing: (service) => service.processing,
} satisfies MockObject<FilesService>

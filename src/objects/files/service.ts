import { batchDelete } from '../../engine/batch-delete.js'
import { actingUser } from '../../engine/su-id.js'
import type { Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery, type QuerySource } from '../../engine/query-run.js'
import { mergeCustomFields, parseCustomFields } from '../../engine/custom-fields.js'
import { ApiError, deniedByAcl, failedToAuthenticate, invalidObjectId, invalidParameter, requiredField } from '../../errors.js'
import { isAbsent, textParam, trimmed, type Params } from '../../param-values.js'
import { Collection } from '../../store/collection.js'
import { isProcessed, Processing } from '../../engine/processing.js'
import { servedBytes, STORAGE_PREFIX, storedBytes, type ServedBytes } from '../../engine/stored-bytes.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { keptAclId, type AclAccess } from '../acls/access.js'
import { acls } from '../acls/index.js'
import { toQueryDoc } from './query-doc.js'
import type { FileRecord } from './record.js'
import { toWireFile, type WireFile } from './view.js'

/** What a Files call answers: `files` become `response.files`; `meta` adds to `meta`. */
export interface FilesResult {
  files?: WireFile[]
  meta?: Record<string, unknown>
}

/** 400 when a create sends neither `file` nor `url` (docs/files.md "Errors"). */
const fileRequired = (): ApiError => new ApiError(400, 'File parameter required for file upload')

/**
 * The rules of the Files object (docs/files.md), one method per endpoint, free of HTTP: the
 * parameters in, {@link FilesResult} out, an {@link ApiError} for every refusal. Files live in
 * the `files` collection, their bytes inside the record (base64). The reply to a create or to an
 * update that replaces the content says `processed: false` without a `url`; later replies show the
 * file processed, at once under `instant` processing, once released under `manual`
 * (docs/files.md "Processing").
 *
 * Who may read and write a file is decided by the shared ACL access (docs/acls.md) only.
 */
export class FilesService {
  private readonly dataSet: ServiceContext['dataSet']
  private readonly whereLimits: ServiceContext['server']['whereLimits']
  private readonly users: UsersService
  private readonly access: AclAccess
  private readonly files: Collection<FileRecord>
  /** The uploads held by the `processing` app setting's `manual` mode (docs/app-settings.md "processing"). */
  readonly processing: Processing<FileRecord>

  constructor(private readonly context: ServiceContext) {
    this.dataSet = context.dataSet
    this.whereLimits = context.server.whereLimits
    this.users = context.service(users)
    this.access = context.service(acls).access
    this.files = new Collection<FileRecord>(this.dataSet, 'files')
    this.processing = new Processing(this.files, () => context.settings())
  }

  /**
   * files/create: a new file owned by the caller (or the `su_id` user, admins), from the multipart
   * part `file` or a remote `url` (kept, never fetched); `name` defaults to the part's file name.
   *
   * @param origin - the origin the request was sent to (`http://127.0.0.1:4000`), for the file's URL.
   * @throws ApiError 400 `Failed to authenticate user` without a session; 400 `File parameter
   *   required for file upload` with neither `file` nor `url`.
   */
  async create(params: Params, caller: Caller, origin: string): Promise<FilesResult> {
    if (!caller.user) throw failedToAuthenticate()
    const owner = this.actingUser(params, caller)
    const content = await contentParam(params)
    if (content === undefined) throw fileRequired()
    const custom = isAbsent(params.custom_fields) ? {} : parseCustomFields(params.custom_fields)
    const aclId = this.access.attachAcl(params, owner, false)
    const now = this.dataSet.runtime.now()
    const record: FileRecord = {
      id: this.dataSet.runtime.objectId(now),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      user_id: owner.id,
      name: trimmed(textParam(params, 'name')) ?? content.name,
      ...content.stored,
      custom_fields: mergeCustomFields({}, custom),
      ...(aclId && { acl_id: aclId }),
    }
    this.files.insert(this.processing.stored(record))
    await this.dataSet.write()
    return { files: [this.wire(record, caller.user, origin, false)] }
  }

  /**
   * files/show: the file `file_id` names.
   *
   * @throws ApiError 400 `Required field: file_id`; 400 `Invalid object id: '<id>'` for a malformed
   *   or unknown id; 401 when the file's ACL does not let the caller read it.
   */
  show(params: Params, caller: Caller, origin: string): FilesResult {
    const record = this.stored(params)
    if (!this.access.canRead(caller.user, record.user_id, record.acl_id)) throw deniedByAcl()
    return { files: [this.wire(record, caller.user, origin, isProcessed(record))] }
  }

  /** files/query: `where`, `order`, `sel`/`unsel`, `limit`/`skip`, `count` over the files the caller may read. */
  query(params: Params, caller: Caller, origin: string): FilesResult {
    const page = runQuery(params, this.querySource(caller.user))
    return {
      files: page.records.map((record) => page.select(this.wire(record, caller.user, origin, isProcessed(record)))),
      meta: page.meta,
    }
  }

  /** files/count: every stored file in `meta.count`, whoever may read it. */
  count(): FilesResult {
    return { meta: { count: this.files.size } }
  }

  /**
   * files/update: `name`, `custom_fields` (merged; `null` removes a field), new content (`file` or
   * `url`, which the reply shows unprocessed), `acl_name`/`acl_id`. What is not sent is kept.
   *
   * @throws ApiError as {@link show} for the id and login; 401 when the caller may not write it.
   */
  async update(params: Params, caller: Caller, origin: string): Promise<FilesResult> {
    if (!caller.user) throw failedToAuthenticate()
    const actor = this.actingUser(params, caller)
    const current = this.stored(params)
    if (!this.access.canWrite(actor, current.user_id, current.acl_id)) throw deniedByAcl()
    const content = await contentParam(params)
    const custom = isAbsent(params.custom_fields) ? {} : parseCustomFields(params.custom_fields)
    const aclId = this.access.attachAcl(params, actor, true)
    const { acl_id: storedAcl, data: _data, content_type: _type, source_url: _url, ...rest } = current
    const acl_id = keptAclId(storedAcl, aclId)
    const updated: FileRecord = {
      ...rest,
      ...(content === undefined ? storedContent(current) : content.stored),
      name: trimmed(textParam(params, 'name')) ?? current.name,
      custom_fields: mergeCustomFields(current.custom_fields, custom),
      updated_at: this.dataSet.runtime.now().toISOString(),
      ...(acl_id && { acl_id }),
    }
    const next = content === undefined ? updated : this.processing.stored(updated)
    this.files.replace(current, next)
    await this.dataSet.write()
    return { files: [this.wire(next, caller.user, origin, content === undefined && isProcessed(next))] }
  }

  /**
   * files/delete: the file `file_id` names, and its bytes (its URL then answers 404). Meta only.
   *
   * @throws ApiError as {@link update}.
   */
  async delete(params: Params, caller: Caller): Promise<FilesResult> {
    if (!caller.user) throw failedToAuthenticate()
    const actor = this.actingUser(params, caller)
    const current = this.stored(params)
    if (!this.access.canWrite(actor, current.user_id, current.acl_id)) throw deniedByAcl()
    this.files.remove(new Set([current.id]))
    await this.dataSet.write()
    return {}
  }

  /** files/batch_delete (admins): the files `where` matches, all without it. Meta only. */
  async batchDelete(params: Params, caller: Caller): Promise<FilesResult> {
    await batchDelete(params, caller, this.files, (admin) => this.querySource(admin), this.dataSet)
    return {}
  }

  /**
   * The bytes of the uploaded file `id` and their Content-Type, as its download URL serves them
   * (docs/files.md "Download URL"); undefined for an unknown id, a file made from a remote `url`
   * or one held unprocessed.
   */
  served(id: string): ServedBytes | undefined {
    const record = this.files.byIdAsSent(id)
    if (record?.data === undefined || !isProcessed(record)) return undefined
    return servedBytes(record.data, record.content_type ?? 'application/octet-stream')
  }

  /** The stored file `file_id` names. @throws ApiError 400 as {@link show}. */
  private stored(params: Params): FileRecord {
    const id = trimmed(textParam(params, 'file_id'))
    if (id === undefined) throw requiredField('file_id')
    const record = this.files.byIdAsSent(id)
    if (!record) throw invalidObjectId(id)
    return record
  }

  private querySource(viewer: Principal | undefined): QuerySource<FileRecord> {
    return {
      collection: this.files,
      toQueryDoc,
      whereLimits: this.whereLimits,
      readable: (record) => this.access.canRead(viewer, record.user_id, record.acl_id),
      legacyPaging: () => this.context.settings().legacyPaging,
    }
  }

  /** A record as `viewer` sees it; `processed` false (no `url`) in the reply that stored new content. */
  private wire(record: FileRecord, viewer: Principal | undefined, origin: string, processed: boolean): WireFile {
    const url = processed ? (record.source_url ?? this.downloadUrl(record, origin)) : undefined
    return toWireFile(record, url, this.users.wireOwner(record.user_id, viewer), this.access.wireAcls(record, viewer))
  }

  /** `<origin>/storage/<app key>/files/<id>/<name>` (docs/files.md "Download URL"). */
  private downloadUrl(record: FileRecord, origin: string): string {
    return `${origin}${STORAGE_PREFIX}/${encodeURIComponent(this.dataSet.key)}/files/${record.id}/${encodeURIComponent(record.name)}`
  }

  /** Who a write acts as: the caller, or the user `su_id` names (docs/api.md "su_id"). */
  private actingUser(params: Params, caller: Caller): Principal {
    return actingUser(params, caller, (id) => this.users.userById(id))
  }
}

/** New content for a file: its name from the upload (or the URL's last segment) and what is stored. */
interface Content {
  name: string
  stored: Pick<FileRecord, 'data' | 'content_type' | 'source_url'>
}

/** The stored content fields of `record`, to keep them through an update that sends none. */
function storedContent(record: FileRecord): Content['stored'] {
  if (record.source_url !== undefined) return { source_url: record.source_url }
  return { data: record.data!, content_type: record.content_type! }
}

/**
 * The content a create or update sends: the multipart part `file` (its bytes, file name and
 * Content-Type), else an `http(s)` `url`; undefined when neither is sent.
 *
 * @throws ApiError 400 `Invalid file parameter: ...` for a `file` that is text, not an uploaded
 *   part; 400 `Invalid url parameter: ...` for a `url` that is not http(s).
 */
async function contentParam(params: Params): Promise<Content | undefined> {
  const { file } = params
  if (file instanceof File) {
    const data = await storedBytes(file)
    return { name: file.name, stored: { data, content_type: file.type || 'application/octet-stream' } }
  }
  if (!isAbsent(file)) throw invalidParameter('file', 'must be a multipart file upload')
  const url = trimmed(textParam(params, 'url'))
  if (url === undefined) return undefined
  const parsed = URL.canParse(url) ? new URL(url) : undefined
  if (parsed === undefined || !/^https?:$/.test(parsed.protocol)) throw invalidParameter('url', 'must be an http or https URL')
  return { name: lastSegment(parsed.pathname) || url, stored: { source_url: url } }
}

/** The last segment of a URL's path, decoded when it can be: a file's default name (docs/files.md "Remote url"). */
export function lastSegment(pathname: string): string {
  const segment = pathname.split('/').pop() ?? ''
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

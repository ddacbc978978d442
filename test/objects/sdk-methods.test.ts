import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AnyMockObject } from '../../src/engine/object.js'
import { Router } from '../../src/engine/router.js'
import { OBJECTS } from '../../src/objects/index.js'

/**
 * Every method of every object of the `arrowdb` SDK (each file of its lib/arrowdbObjects), against
 * the registry: each goes to a registered object, and is routed (its path and verb) or listed
 * under "Not built" in that object's docs page.
 */

const require = createRequire(import.meta.url)
const SDK_OBJECTS_DIR = join(dirname(require.resolve('arrowdb/package.json')), 'lib', 'arrowdbObjects')

/** One SDK object descriptor as the files under lib/arrowdbObjects declare it. */
interface SdkObject {
  objectName?: string
  restObject?: string
  methods?: Record<string, { httpMethod: string; restMethod?: string | { entry: string; variables: string[] }; restObject?: string }>
}

/** One SDK method: its public name (`usersShowMe`), its SDK object, and the call it makes. */
interface SdkMethod {
  name: string
  sdkObject: string
  verb: string
  /** Under `/v1/` without `.json`, path variables as `:name` (`objects/:classname/query`). */
  path: string
}

/**
 * Reads the SDK's method table as its lib/apis.js and lib/rest.js use it: the REST object is the
 * object's `restObject`, else the method's, else the object's key, lowercased; the REST method is
 * `restMethod` (with an `entry` whose variables are filled in) or the method's key.
 */
function sdkMethods(): SdkMethod[] {
  const methods: SdkMethod[] = []
  for (const file of readdirSync(SDK_OBJECTS_DIR).filter((name) => name.endsWith('.js'))) {
    const declared = require(join(SDK_OBJECTS_DIR, file)) as Record<string, SdkObject>
    for (const [key, object] of Object.entries(declared)) {
      const base = object.objectName ?? key
      for (const [methodKey, method] of Object.entries(object.methods ?? {})) {
        const rest = (object.restObject ?? method.restObject ?? key).toLowerCase()
        const restMethod = method.restMethod ?? methodKey
        const entry =
          typeof restMethod === 'string'
            ? restMethod
            : restMethod.variables.reduce((path, variable) => path.replace(variable, `:${variable}`), restMethod.entry)
        methods.push({
          name: base.charAt(0).toLowerCase() + base.slice(1) + methodKey.charAt(0).toUpperCase() + methodKey.slice(1),
          sdkObject: key,
          verb: method.httpMethod,
          path: `${rest}/${entry}`,
        })
      }
    }
  }
  return methods
}

/**
 * The registered object whose segment is the longest start of the path (`objects/:classname` for
 * `objects/cars/query`; `users/facebook` of SocialIntegrations over `users` for
 * `users/facebook/search_friends`).
 */
function ownerOf(path: string): AnyMockObject | undefined {
  const parts = path.split('/')
  let owner: AnyMockObject | undefined
  let longest = 0
  for (const object of OBJECTS) {
    for (const segment of object.segments.map((text) => text.split('/'))) {
      const starts = segment.every((part, i) => part === parts[i] || (part.startsWith(':') && parts[i] !== undefined))
      if (starts && segment.length > longest) [owner, longest] = [object, segment.length]
    }
  }
  return owner
}

const DOCS_DIR = new URL('../../docs/', import.meta.url).pathname

/**
 * The calls a docs page lists under "## Not built", one bullet each:
 * ``- `GET photos/search`: why``.
 */
function notBuiltOf(page: string): string[] {
  const section = /^## Not built\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(page)?.[1] ?? ''
  return [...section.matchAll(/^- `([A-Z]+ [^`]+)`/gm)].map((match) => match[1]!)
}

/** The calls an object's docs page lists under "## Not built". */
const notBuilt = (object: AnyMockObject): string[] => notBuiltOf(readFileSync(join(DOCS_DIR, `${object.name}.md`), 'utf8'))

const router = new Router(OBJECTS)
/** Whether the call is served: its path routes (a variable matching any segment) and the endpoint takes its verb. */
const routed = (verb: string, path: string): boolean => router.match(path)?.endpoint.verbs.includes(verb) ?? false

const METHODS = sdkMethods()

describe('the arrowdb SDK against the registry', () => {
  it('reads the SDK’s method table (a broken read would pass every check below)', () => {
    const showMe = METHODS.find((method) => method.name === 'usersShowMe')
    expect(showMe).toEqual({ name: 'usersShowMe', sdkObject: 'Users', verb: 'GET', path: 'users/show/me' })
    expect(METHODS.find((method) => method.name === 'customObjectsQuery')?.path).toBe('objects/:classname/query')
    // The object's restObject wins over the method's: the SDK sends this one under users/.
    expect(METHODS.find((method) => method.name === 'socialIntegrationsSearchFacebookFriends')?.path).toBe('users/facebook/search_friends')
  })

  describe.each(OBJECTS.map((object) => [object.name, object] as const))('%s', (name, object) => {
    const own = METHODS.filter((method) => ownerOf(method.path) === object)
    const listed = notBuilt(object)

    it('the SDK has methods for it', () => {
      expect(own.length, `no arrowdb SDK method goes to ${object.segments.join(', ')}`).toBeGreaterThan(0)
    })

    it('routes every SDK method, or its docs page lists it under "Not built"', () => {
      const missing = own.filter((method) => !routed(method.verb, method.path) && !listed.includes(`${method.verb} ${method.path}`))
      expect(missing.map((method) => `${method.name}: ${method.verb} ${method.path}`), `docs/${name}.md "Not built"`).toEqual([])
    })

    it('lists under "Not built" nothing that is routed', () => {
      expect(listed.filter((call) => routed(...(call.split(' ') as [string, string])))).toEqual([])
    })
  })

  it('reads every file of the SDK’s lib/arrowdbObjects', () => {
    const files = readdirSync(SDK_OBJECTS_DIR).filter((name) => name.endsWith('.js'))
    const objects = new Set(METHODS.map((method) => method.sdkObject))
    expect(files.length).toBeGreaterThanOrEqual(24)
    expect(objects.size, `SDK objects read: ${[...objects].join(', ')}`).toBe(files.length)
  })

  it('every SDK method of every object is routed, or listed under "Not built" in a docs page', () => {
    const listed = new Set(readdirSync(DOCS_DIR).filter((name) => name.endsWith('.md')).flatMap((name) => notBuiltOf(readFileSync(join(DOCS_DIR, name), 'utf8'))))
    const missing = METHODS.filter((method) => !routed(method.verb, method.path) && !listed.has(`${method.verb} ${method.path}`))
    expect(missing.map((method) => `${method.name}: ${method.verb} ${method.path}`)).toEqual([])
  })

  it('every SDK method goes to a registered object', () => {
    const unowned = METHODS.filter((method) => ownerOf(method.path) === undefined)
    expect(unowned.map((method) => `${method.name}: ${method.verb} ${method.path}`)).toEqual([])
  })
})

import type { AnyMockObject, Endpoint } from './object.js'

/** An endpoint with the object it belongs to, as the router finds it. */
export interface Route {
  readonly object: AnyMockObject
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly endpoint: Endpoint<any>
}

/** A path matched to its route, with the values of the path's variables. */
export interface RouteMatch extends Route {
  readonly vars: Readonly<Record<string, string>>
}

/**
 * Finds the endpoint a `/v1/` path names, from the registry's endpoint tables
 * (docs/architecture.md "Routing"). Paths are compared without `/v1/` and `.json`:
 * `users/show/me`, `objects/cars/query`. A path without variables is one map lookup; a path
 * with variables (`objects/:classname/query`) matches any one non-empty segment there, the
 * endpoints without variables winning.
 *
 * @example
 * const router = new Router(OBJECTS)
 * router.match('objects/cars/query') // { endpoint: queryCustomObjects, vars: { classname: 'cars' } }
 */
export class Router {
  private readonly fixed = new Map<string, Route>()
  private readonly patterns: { segments: readonly string[]; route: Route }[] = []
  /** Every route, in the registry's order. */
  readonly routes: readonly Route[]

  /** @throws Error when two endpoints claim one path: a mistake in an object's table. */
  constructor(objects: readonly AnyMockObject[]) {
    const routes: Route[] = []
    const seen = new Set<string>()
    for (const object of objects) {
      for (const endpoint of object.endpoints) {
        if (seen.has(endpoint.path)) throw new Error(`two endpoints at ${endpoint.path}`)
        seen.add(endpoint.path)
        const route = { object, endpoint }
        routes.push(route)
        if (endpoint.path.includes(':')) this.patterns.push({ segments: endpoint.path.split('/'), route })
        else this.fixed.set(endpoint.path, route)
      }
    }
    this.routes = routes
  }

  /** The route of `path` (under `/v1/`, without `.json`), or undefined when none has it. */
  match(path: string): RouteMatch | undefined {
    const route = this.fixed.get(path)
    if (route !== undefined) return { ...route, vars: NO_VARS }
    if (this.patterns.length === 0) return undefined
    const segments = path.split('/')
    for (const pattern of this.patterns) {
      const vars = matchSegments(pattern.segments, segments)
      if (vars !== undefined) return { ...pattern.route, vars }
    }
    return undefined
  }

  /** The routes whose endpoint has this method_name (several objects may share one, e.g. `batchDelete`). */
  byMethodName(method_name: string): Route[] {
    return this.routes.filter((route) => route.endpoint.method_name === method_name)
  }

  /** Every method_name served, once each, in the registry's order. */
  methodNames(): string[] {
    return [...new Set(this.routes.map((route) => route.endpoint.method_name))]
  }
}

const NO_VARS: Readonly<Record<string, string>> = Object.freeze({})

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined
  const vars: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!
    const actual = segments[i]!
    if (expected.startsWith(':')) {
      if (actual === '') return undefined
      vars[expected.slice(1)] = actual
    } else if (expected !== actual) {
      return undefined
    }
  }
  return vars
}

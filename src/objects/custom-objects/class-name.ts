import { ApiError } from '../../errors.js'

const CLASS_NAME = /^[A-Za-z0-9_-]{1,64}$/

/** The prefix of every custom object class's collection name: class `cars` is stored as `objects:cars`. */
const PREFIX = 'objects:'

/**
 * Whether `name` is a class name (docs/custom-objects.md "Class names"): 1 to 64 letters, digits,
 * `_` or `-`, case-sensitive (`Car` and `car` are two classes).
 */
export function isClassName(name: string): boolean {
  return CLASS_NAME.test(name)
}

/**
 * The collection that stores class `classname` (docs/custom-objects.md "Class names").
 *
 * @throws ApiError 400 `Invalid classname: '<name>'` for a name {@link isClassName} refuses.
 * @example
 * classCollection('cars') // 'objects:cars'
 */
export function classCollection(classname: string): string {
  if (!isClassName(classname)) throw new ApiError(400, `Invalid classname: '${classname}'`)
  return PREFIX + classname
}

/** The class a collection name stores, or undefined when it is no custom object class's. */
export function classOfCollection(name: string): string | undefined {
  if (!name.startsWith(PREFIX)) return undefined
  const classname = name.slice(PREFIX.length)
  return isClassName(classname) ? classname : undefined
}

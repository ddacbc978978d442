import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { OBJECTS } from '../src/objects/index.js'
import { fixtureParts } from '../src/registry.js'
import * as namespaces from '../src/ti-cloud/namespaces/index.js'

// The house rule of docs/architecture.md "The object descriptor": generic code names no object.
// Only src/objects/ reaches into an object's folder; outside it, the registry src/objects/index.ts
// is the one door, opened by the composition root, the public entry, and (for the `Fixture` type
// alone) the public option types.

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SRC = join(ROOT, 'src')
const REGISTRY = 'src/objects/index.ts'

/** Who may import the registry, and whether types only. */
const REGISTRY_IMPORTERS: Record<string, 'values' | 'types'> = {
  'src/app.ts': 'values',
  'src/cli.ts': 'values',
  'src/index.ts': 'values',
  'src/options.ts': 'types',
  'src/server.ts': 'types',
}

interface Import {
  /** The imported file, relative to the repository with `/`, e.g. `src/objects/index.ts`. */
  target: string
  typesOnly: boolean
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

function repoPath(path: string): string {
  return relative(ROOT, path).split('\\').join('/')
}

/** The relative imports and re-exports of `file` (static and `import()`), resolved to .ts files. */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true)
  const found: Import[] = []
  const add = (specifier: ts.Expression | undefined, typesOnly: boolean): void => {
    if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) return
    const target = resolve(dirname(file), specifier.text.replace(/\.js$/, '.ts'))
    found.push({ target: repoPath(target), typesOnly })
  }
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause
      const bindings = clause?.namedBindings
      const allTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.every((element) => element.isTypeOnly)))
      add(node.moduleSpecifier, allTypes)
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause
      add(node.moduleSpecifier, node.isTypeOnly || (clause !== undefined && ts.isNamedExports(clause) && clause.elements.every((element) => element.isTypeOnly)))
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** Every import from outside src/objects/ into it that the house rule refuses, as `file -> target`. */
function refusedImports(): string[] {
  const refused: string[] = []
  for (const path of sourceFiles(SRC)) {
    const file = repoPath(path)
    if (file.startsWith('src/objects/')) continue
    for (const { target, typesOnly } of importsOf(path)) {
      if (!target.startsWith('src/objects/')) continue
      const allowed = REGISTRY_IMPORTERS[file]
      const ok = target === REGISTRY && (allowed === 'values' || (allowed === 'types' && typesOnly))
      if (!ok) refused.push(`${file} -> ${target}${typesOnly ? ' (types)' : ''}`)
    }
  }
  return refused
}

/**
 * The names generic files declare as members (properties of interfaces, type literals, classes and
 * object literals, shorthand ones included), each as `file: name`, when `refused` holds the name.
 */
function declaredMembers(files: readonly string[], refused: ReadonlySet<string>): string[] {
  const found: string[] = []
  for (const path of files) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true)
    const visit = (node: ts.Node): void => {
      if (
        (ts.isPropertySignature(node) || ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node) ||
          ts.isShorthandPropertyAssignment(node) || ts.isMethodSignature(node) || ts.isMethodDeclaration(node)) &&
        (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
        refused.has(node.name.text)
      ) {
        found.push(`${repoPath(path)}: ${node.name.text}`)
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found
}

/**
 * The source files that are no object's own: everything under src/ but the object folders and
 * the Cloud namespace files (src/ti-cloud/namespaces/ but its index).
 */
function genericFiles(): string[] {
  return sourceFiles(SRC).filter((path) => !/^src\/(objects\/[^/]+\/|ti-cloud\/namespaces\/(?!index\.ts$))/.test(repoPath(path)))
}

describe('architecture', () => {
  it('reads the imports it judges: app.ts imports the registry, db.ts the stored-record type', () => {
    expect(importsOf(join(SRC, 'app.ts'))).toContainEqual({ target: REGISTRY, typesOnly: false })
    expect(importsOf(join(SRC, 'options.ts'))).toContainEqual({ target: REGISTRY, typesOnly: true })
    expect(importsOf(join(SRC, 'store', 'db.ts'))).toContainEqual({ target: 'src/store/stored-record.ts', typesOnly: true })
  })

  it('generic code (engine, http, query, store, toolkit, ti-cloud, root files) imports no object; the registry only from the composition root and the public types', () => {
    expect(refusedImports()).toEqual([])
  })

  // docs/architecture.md "Adding an object": the object's folder, and its import and entry in
  // src/objects/index.ts; routes, fixtures, the data file and the `Fixture` type follow.
  it('every folder of src/objects/ is a registered object of the same name', () => {
    const folders = readdirSync(join(SRC, 'objects'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
    expect(OBJECTS.map((object) => object.name).sort()).toEqual(folders.sort())
  })

  it('no generic file (the registry included) declares a member named after an object\'s fixture key: the Fixture type is derived', () => {
    const keys = new Set(fixtureParts(OBJECTS).map((part) => part.key))
    expect(keys).toContain('users')
    // The one exception: the migration of 0.2 data files, whose data sets held users alone.
    expect(declaredMembers(genericFiles(), keys)).toEqual(['src/store/db.ts: users'])
  })

  it('every file of src/ti-cloud/namespaces/ is one Cloud namespace, listed in its index, which createCloud binds', async () => {
    const folder = join(SRC, 'ti-cloud', 'namespaces')
    const tables: string[] = []
    for (const file of readdirSync(folder).filter((name) => name !== 'index.ts')) {
      const exports = Object.keys((await import(join(folder, file))) as object)
      expect(exports, file).toHaveLength(1)
      tables.push(...exports)
    }
    expect(Object.keys(namespaces).sort()).toEqual(tables.sort())
    const { createCloud } = await import('../src/ti-cloud/index.js')
    const cloud = createCloud({ url: 'http://127.0.0.1:1', key: 'K' }) as unknown as Record<string, object>
    for (const [name, table] of Object.entries(namespaces)) expect(Object.keys(cloud[name] ?? {}), name).toEqual(Object.keys(table))
  })

  it('no generic file declares a member named after a Cloud namespace: createCloud and the Cloud type are derived from the namespaces', () => {
    const names = new Set(Object.keys(namespaces))
    expect(names).toContain('Users')
    expect(declaredMembers(genericFiles(), names)).toEqual([])
  })
})

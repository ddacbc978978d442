import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as namespaces from '../../src/ti-cloud/namespaces/index.js'

// docs/clients.md "Namespaces" lists every namespace createCloud binds (one per table exported by
// src/ti-cloud/namespaces/index.ts) with its methods and its page: a namespace added without its
// row, a row left after a namespace is gone, or a method missing from a row fails here.

/** The rows of the table under `### Namespaces` in docs/clients.md: namespace → { methods, page }. */
function documentedNamespaces(): Map<string, { methods: string[]; page: string }> {
  const text = readFileSync(join('docs', 'clients.md'), 'utf8')
  const section = text.split(/^### Namespaces$/m)[1]?.split(/^#{1,3} /m)[0] ?? ''
  const rows = new Map<string, { methods: string[]; page: string }>()
  for (const match of section.matchAll(/^\| `Cloud\.(\w+)` \| ([^|]*) \| \[[^\]]*\]\(([^)]+)\) \|$/gm)) {
    rows.set(match[1]!, { methods: match[2]!.split(',').map((name) => name.trim()), page: match[3]! })
  }
  return rows
}

describe('docs/clients.md "Namespaces"', () => {
  const rows = documentedNamespaces()

  it('lists exactly the namespaces createCloud binds', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(namespaces).sort())
  })

  it.each(Object.entries(namespaces))('gives Cloud.%s its methods, in the order of its table, and a page that exists', (name, table) => {
    const row = rows.get(name)
    expect(row?.methods).toEqual(Object.keys(table))
    expect(existsSync(join('docs', row!.page))).toBe(true)
  })
})

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// Code and tests cite the project's own docs (docs/README.md): every `docs/PAGE.md "Section"` they
// name must be a page with that heading, so a reader who follows a citation finds the text.

const headingsOf = (page: string): string[] =>
  readFileSync(join('docs', page), 'utf8')
    .split('\n')
    .flatMap((line) => (/^#+\s+(.*)$/.exec(line)?.[1] ?? null) ?? [])
    .map((heading) => heading.replaceAll('`', '').trim().toLowerCase())

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return filesUnder(path)
    return /\.(ts|js)$/.test(name) ? [path] : []
  })
}

describe('docs citations', () => {
  it('name pages of docs/ and headings those pages have', () => {
    const pages = new Set(readdirSync('docs').filter((name) => name.endsWith('.md')))
    const broken: string[] = []
    for (const file of [...filesUnder('src'), ...filesUnder('test')]) {
      readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
        for (const [, page, section] of line.matchAll(/docs\/([a-z-]+\.md)(?:\s+"([^"]+)")?/g)) {
          const where = `${file}:${index + 1}`
          if (!pages.has(page!)) broken.push(`${where}: no page docs/${page}`)
          else if (section !== undefined && !headingsOf(page!).some((heading) => heading.includes(section.toLowerCase()))) {
            broken.push(`${where}: docs/${page} has no heading "${section}"`)
          }
        }
      })
    }
    expect(broken).toEqual([])
  })
})

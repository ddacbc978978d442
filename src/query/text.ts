/**
 * The user fields keyword search looks in (spec §5.9, §11 "search" and
 * "`$text` in query").
 */
const SEARCH_FIELDS = ['first_name', 'last_name', 'email', 'username', 'tags'] as const

interface Term {
  text: string
  negated: boolean
}

// A quoted phrase (optionally negated) or a run of characters up to whitespace,
// a comma or a quote, the separators MongoDB's $text uses between keywords.
const TOKEN = /(-?)"([^"]*)"|[^\s,"]+/g
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u

function parseTerms(q: string): Term[] {
  const terms: Term[] = []
  for (const match of q.matchAll(TOKEN)) {
    const [token, phraseNegation, phrase] = match
    if (phrase !== undefined) {
      const text = phrase.trim().toLowerCase()
      if (text !== '') terms.push({ text, negated: phraseNegation === '-' })
      continue
    }
    // "-php" negates; punctuation inside a chunk ("alice@example.com") splits it into words.
    const negated = token.startsWith('-')
    for (const word of token.toLowerCase().split(WORD_SEPARATOR)) {
      if (word !== '') terms.push({ text: word, negated })
    }
  }
  return terms
}

function searchableText(doc: Record<string, unknown>): string[] {
  const texts: string[] = []
  for (const field of SEARCH_FIELDS) {
    if (!Object.hasOwn(doc, field)) continue
    const value = doc[field]
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string') texts.push(item.toLowerCase())
    }
  }
  return texts
}

/**
 * Compiles a keyword query, as `users/search?q=` and `where={"$text":{"$search":…}}`
 * take it (spec §5.1 `$text`, §5.9, §11 "search"). Keywords are separated by
 * whitespace, commas and punctuation; `"quoted phrases"` stay one term; a
 * leading `-` negates a keyword or phrase. A user matches when every positive
 * term and no negated term occurs, case-insensitively, as a substring of
 * first_name, last_name, email, username or one of the tags. As in MongoDB's
 * `$text`, a query of negated terms only matches nothing. No terms (empty or
 * punctuation-only `q`) match everyone (spec §5.10). Never throws.
 *
 * @param q - the raw keyword string, e.g. `golf -"snow board"`.
 * @returns a predicate over query docs (custom fields flattened, built-ins winning).
 * @example
 * compileKeywords('golf')({ username: 'bob', tags: ['Golf'] }) // true
 */
export function compileKeywords(q: string): (doc: Record<string, unknown>) => boolean {
  const terms = parseTerms(q)
  if (terms.length === 0) return () => true
  const positive = terms.filter((t) => !t.negated).map((t) => t.text)
  const negative = terms.filter((t) => t.negated).map((t) => t.text)
  if (positive.length === 0) return () => false
  return (doc) => {
    const texts = searchableText(doc)
    const occurs = (term: string): boolean => texts.some((text) => text.includes(term))
    return positive.every(occurs) && !negative.some(occurs)
  }
}

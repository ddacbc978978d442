/** The user fields keyword search and `$text` look in (docs/users.md "Search"), unless a search names its own. */
const USER_SEARCH_FIELDS = ['first_name', 'last_name', 'email', 'username', 'tags'] as const

/** A keyword (one word) or a quoted phrase (its words, in order), lowercased. */
interface Term {
  words: string[]
  negated: boolean
}

// A quoted phrase (optionally negated) or a run of characters up to whitespace,
// a comma or a quote, the separators MongoDB's $text uses between keywords.
const TOKEN = /(-?)"([^"]*)"|[^\s,"]+/g
// Words are the runs of letters and digits: every other character separates them.
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(WORD_SEPARATOR)
    .filter((word) => word !== '')
}

function parseTerms(q: string): Term[] {
  const terms: Term[] = []
  for (const match of q.matchAll(TOKEN)) {
    const [token, phraseNegation, phrase] = match
    if (phrase !== undefined) {
      const words = wordsOf(phrase)
      if (words.length > 0) terms.push({ words, negated: phraseNegation === '-' })
      continue
    }
    // "-php" negates; punctuation inside a chunk ("alice@example.com") splits it into keywords.
    const negated = token.startsWith('-')
    for (const word of wordsOf(token)) terms.push({ words: [word], negated })
  }
  return terms
}

/** The words of each searchable text of a doc: one list per field value (each tag its own). */
function searchableWords(doc: Record<string, unknown>, fields: readonly string[]): string[][] {
  const texts: string[][] = []
  for (const field of fields) {
    if (!Object.hasOwn(doc, field)) continue
    const value = doc[field]
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string') texts.push(wordsOf(item))
    }
  }
  return texts
}

/** Whether `words` holds `term`'s words one after another. */
function holds(words: readonly string[], term: readonly string[]): boolean {
  for (let start = 0; start + term.length <= words.length; start++) {
    if (term.every((word, i) => words[start + i] === word)) return true
  }
  return false
}

/**
 * Compiles a keyword query, as `users/search?q=` and `where={"$text":{"$search":…}}`
 * take it (docs/users.md "Search"). Keywords
 * are separated by whitespace, commas and punctuation; `"quoted phrases"` stay one
 * term; a leading `-` negates a keyword or phrase. Texts are split into words at
 * every character that is not a letter or digit. A keyword matches a WHOLE word
 * (case-insensitive) of first_name, last_name, email, username or one of the tags,
 * never a part of one (`user` finds `Test User`, not `chatuser`); a phrase matches
 * its words in a row within one of those texts. A user matches when every positive
 * term and no negated term matches. As in MongoDB's `$text`, a query of negated
 * terms only matches nothing. No terms (empty or punctuation-only `q`) match
 * everyone. Never throws.
 *
 * @param q - the raw keyword string, e.g. `golf -"snow board"`.
 * @param fields - the doc's fields searched instead of the users' (Places: `name` and `tags_array`,
 *   docs/places.md "Search"; Photos: `title`, `filename` and `tags`, docs/photos.md "Search").
 * @returns a predicate over query docs (custom fields flattened, built-ins winning).
 * @example
 * compileKeywords('golf')({ username: 'bob', tags: ['Golf'] }) // true
 * compileKeywords('user')({ username: 'chatuser' }) // false
 */
export function compileKeywords(q: string, fields: readonly string[] = USER_SEARCH_FIELDS): (doc: Record<string, unknown>) => boolean {
  const terms = parseTerms(q)
  if (terms.length === 0) return () => true
  const positive = terms.filter((t) => !t.negated).map((t) => t.words)
  const negative = terms.filter((t) => t.negated).map((t) => t.words)
  if (positive.length === 0) return () => false
  return (doc) => {
    const texts = searchableWords(doc, fields)
    const occurs = (term: string[]): boolean => texts.some((words) => holds(words, term))
    return positive.every(occurs) && !negative.some(occurs)
  }
}

import type { FixturePart } from '../../engine/fixture-part.js'
import { fixtureEntries, fixtureOwnedFields, fixtureText, ownedRecordFields, type FixtureOwned } from '../../engine/fixture-fields.js'
import type { PostRecord } from './record.js'

/**
 * One post as a fixture writes it (docs/fixtures.md "Statuses and posts"): its `owner` (a username of
 * the same baseline), `content` (required, as on posts/create), optionally `title`, `tags` (a list or
 * a comma string) and `custom_fields`.
 *
 * @example
 * const post: FixturePost = { owner: 'alice', title: 'Hello', content: 'First post' }
 */
export interface FixturePost extends FixtureOwned {
  content: string
  title?: string
}

const FIELDS = ['owner', 'content', 'title', 'tags', 'custom_fields', 'id', 'created_at']

/** Checks one list of `posts` entries with the rules of posts/create. */
function parseEntries(value: unknown, source: string, list: string): FixturePost[] {
  return fixtureEntries(value, source, list, FIELDS, 'post', (raw, fail) => {
    const owned = fixtureOwnedFields(raw, fail)
    if (typeof raw.content !== 'string' || raw.content.trim() === '') fail('content', "Content can't be blank")
    const title = fixtureText(raw, 'title', fail)
    return { ...owned, content: raw.content as string, ...(title !== undefined && { title }) }
  })
}

/** The posts' part of a fixture file (docs/fixtures.md "Statuses and posts"): a `posts` list, owners by username. */
export const postsFixture: FixturePart<FixturePost[], 'posts'> = {
  key: 'posts',
  parse: parseEntries,
  records: async (entries, context) => ({
    posts: entries.map((entry, index): PostRecord => ({
      ...ownedRecordFields(entry, context, index),
      content: entry.content,
      ...(entry.title !== undefined && { title: entry.title }),
    })),
  }),
}

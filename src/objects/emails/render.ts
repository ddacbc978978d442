import type { EmailTemplateRecord } from './record.js'

/** How a template mail is sent (docs/emails.md "Content type"). */
export type ContentType = 'plain' | 'html' | 'multipart'

/** `{{name}}`, spaces inside the braces allowed. */
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g

/**
 * Fills the `{{name}}` placeholders of `text` with `values` as given (no HTML escaping); a
 * placeholder without a value becomes the empty string (docs/emails.md "Placeholders").
 *
 * @example
 * fillIn('Hi {{ first_name }}{{x}}!', { first_name: 'Joe' }) // 'Hi Joe!'
 */
export function fillIn(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => (Object.hasOwn(values, name) ? values[name]! : ''))
}

/**
 * The placeholders of `texts` that `values` gives no value, each named once, in the order they first
 * appear: those {@link fillIn} leaves empty (docs/emails.md "The outbox", `unfilled`).
 *
 * @example
 * unfilledPlaceholders(['Hi {{ first_name }}{{x}}', '{{x}}{{y}}'], { first_name: 'Joe' }) // ['x', 'y']
 */
export function unfilledPlaceholders(texts: readonly string[], values: Readonly<Record<string, string>>): string[] {
  const names = texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))
  return [...new Set(names)].filter((name) => !Object.hasOwn(values, name))
}

/**
 * The content type a send uses: the one asked for, else multipart when the template has both
 * bodies, else the one body it has (docs/emails.md "Content type"); or the body the asked type
 * needs and the template lacks.
 */
export function contentTypeOf(template: EmailTemplateRecord, asked: ContentType | undefined): ContentType | { missing: 'html' | 'plain' } {
  const html = template.body !== undefined
  const plain = template.plain_body !== undefined
  const chosen = asked ?? (html && plain ? 'multipart' : html ? 'html' : 'plain')
  if ((chosen === 'html' || chosen === 'multipart') && !html) return { missing: 'html' }
  if ((chosen === 'plain' || chosen === 'multipart') && !plain) return { missing: 'plain' }
  return chosen
}

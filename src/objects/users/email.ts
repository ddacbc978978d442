/**
 * A plausible email address: one `@`, no spaces, a dot in the domain. The
 * real service's rule is unknown; this one rejects what clients get wrong
 * (the real service only says "must be a valid address").
 */
export function isValidEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)
}

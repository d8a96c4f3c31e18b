/**
 * Random ids for accounts and their items. Peers create items offline, so ids must not collide without
 * coordination: 4–8 characters of a 32-letter alphabet (no look-alikes) from the system's CSPRNG.
 */
import { randomBytes } from 'node:crypto'
import { slugify } from '../domain/index.js'

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789' // 31 letters; no i, l, o, 0, 1

export function newId (length = 6): string {
  const bytes = randomBytes(length)
  let out = ''
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length]
  return out
}

/** An account id: the name's slug plus a short random suffix, e.g. `harbor-imports-k3x9`. */
export function newAccountId (name: string): string {
  return `${slugify(name, 12)}-${newId(4)}`
}

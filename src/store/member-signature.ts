/**
 * Owner-signed roster entries: every entry an owner writes in the `members` map carries `seq`, `signedBy`
 * and `signature`, so a member can take a roster change from a source it does not trust as an owner (an
 * editor, a hub) once it has checked that an owner wrote it (store/roster-check.ts).
 *
 * What is signed (Ed25519, by the key of member `signedBy`): the UTF-8 of the JSON array
 *   ["pat-roster/1", team id, item client, item clock,
 *    id, name, role, publicKey, addedAt, addedBy, removed (true|false), seq, signedBy]
 * JSON of strings, numbers and booleans in a fixed order is one exact byte string, so it needs no other
 * canonical form. `item client`/`item clock` are the Yjs id of the map item that holds the entry: the
 * signature is bound to that one item, so the same content copied into another item (which a hub could
 * place to win Y.Map's last-writer-wins over an owner's later change) is not signed. `seq` counts one
 * member's entries (the previous entry's seq + 1; an entry written before signing has none, i.e. 0), so
 * an older signed entry never replaces a newer one. The team id keeps an entry from counting in another
 * team's workspace.
 *
 * A member may also sign their own entry when it changes nothing but their name (roster-check.ts): then
 * `signedBy` is their own id.
 *
 * The store signs with a `Signer` its caller supplies (sync/identity.ts makes one from the member's key):
 * the store never reads the private key.
 */
import { Buffer } from 'node:buffer'
import { verify } from 'node:crypto'
import * as Y from 'yjs'
import { ROLES, type MemberRecord, type Role } from './schema.js'

export interface Signer {
  /** The member id of the key that signs. */
  readonly id: string
  /** An Ed25519 signature of `data`. */
  sign (data: Uint8Array): Uint8Array
}

export type MemberContent = Omit<MemberRecord, 'seq' | 'signedBy' | 'signature'>

const FIELDS = new Set(['id', 'name', 'role', 'publicKey', 'addedAt', 'addedBy', 'removed', 'seq', 'signedBy', 'signature'])

function payload (teamId: string, item: Y.ID, m: MemberRecord): Uint8Array {
  return new TextEncoder().encode(JSON.stringify([
    'pat-roster/1', teamId, item.client, item.clock,
    m.id, m.name, m.role, m.publicKey, m.addedAt, m.addedBy, m.removed === true, m.seq, m.signedBy
  ]))
}

/**
 * Sets member `content` in `members` (inside the caller's transaction on `doc`) as the next entry after
 * `previous`, signed by `signer`. The item the set creates gets the next clock of this document's client,
 * which is what is signed.
 */
export function writeSignedMember (doc: Y.Doc, members: Y.Map<MemberRecord>, teamId: string, content: MemberContent, previous: MemberRecord | undefined, signer: Signer): MemberRecord {
  const { seq: _s, signedBy: _b, signature: _g, ...plain } = content as MemberRecord
  const unsigned: MemberRecord = { ...plain, seq: (previous?.seq ?? 0) + 1, signedBy: signer.id }
  const item = Y.createID(doc.clientID, Y.getState(doc.store, doc.clientID))
  const record = { ...unsigned, signature: Buffer.from(signer.sign(payload(teamId, item, unsigned))).toString('base64') }
  members.set(record.id, record)
  return record
}

/** Whether `m`'s signature, on the item `item`, is by the Ed25519 key `publicKeyPem`. */
export function signatureHolds (teamId: string, item: Y.ID, m: MemberRecord, publicKeyPem: string): boolean {
  try {
    return verify(null, payload(teamId, item, m), publicKeyPem, Buffer.from(m.signature!, 'base64'))
  } catch {
    return false // not a key, or not one Ed25519 can verify with
  }
}

/** What is wrong with the shape of the value stored under `key`, or undefined if it is a member entry. */
export function malformed (key: string, value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Y.AbstractType) return 'not an entry'
  const v = value as Record<string, unknown>
  const extra = Object.keys(v).find(k => !FIELDS.has(k))
  if (extra !== undefined) return `unknown field "${extra}"`
  if (v.id !== key) return 'its id is not its key'
  for (const f of ['name', 'publicKey', 'addedAt', 'addedBy'] as const) if (typeof v[f] !== 'string' || v[f] === '') return `no ${f}`
  if (!ROLES.includes(v.role as Role)) return 'no valid role'
  if (v.removed !== undefined && typeof v.removed !== 'boolean') return '"removed" is not true or false'
  const signed = ['seq', 'signedBy', 'signature'].filter(f => v[f] !== undefined)
  if (signed.length === 0) return undefined
  if (signed.length < 3 || !Number.isSafeInteger(v.seq) || (v.seq as number) < 1 || typeof v.signedBy !== 'string' || typeof v.signature !== 'string') return 'a broken signature'
  return undefined
}

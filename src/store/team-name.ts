/**
 * The team's name after a rename: an owner-signed record under the `team` map's `renamed` key, so that the
 * rename reaches members through sources not trusted as owners (editors, hubs), as owner-signed roster
 * entries do (store/member-signature.ts). The name the team was founded with stays in `team.name`; the
 * record, when there is one, wins.
 *
 * What is signed (Ed25519, by the key of member `signedBy`): the UTF-8 of the JSON array
 *   ["pat-team-name/1", team id, item client, item clock, name, seq, signedBy]
 * bound to the Yjs item that holds the record (a copy elsewhere is not signed), with `seq` one above the
 * record it replaces (0 when there is none), so an older rename never replaces a newer one.
 */
import { Buffer } from 'node:buffer'
import { verify } from 'node:crypto'
import * as Y from 'yjs'
import type { Signer } from './member-signature.js'
import type { MemberRecord } from './schema.js'

export const RENAMED = 'renamed'

export interface TeamNameRecord { name: string, seq: number, signedBy: string, signature: string }

function payload (teamId: string, item: Y.ID, r: Omit<TeamNameRecord, 'signature'>): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(['pat-team-name/1', teamId, item.client, item.clock, r.name, r.seq, r.signedBy]))
}

function record (value: unknown): TeamNameRecord | undefined {
  const v = value as Partial<TeamNameRecord> | undefined
  if (typeof v !== 'object' || v === null || Object.keys(v).length !== 4) return undefined
  if (typeof v.name !== 'string' || v.name.trim() === '' || !Number.isSafeInteger(v.seq) || v.seq! < 1 ||
    typeof v.signedBy !== 'string' || typeof v.signature !== 'string') return undefined
  return v as TeamNameRecord
}

/** The team's current name in the `team` map. */
export function teamName (team: Y.Map<unknown>): string {
  return record(team.get(RENAMED))?.name ?? String(team.get('name') ?? '')
}

/** Renames the team (inside the caller's transaction on `doc`), signed by `signer` (an owner: the caller checks). */
export function writeTeamName (doc: Y.Doc, team: Y.Map<unknown>, teamId: string, name: string, signer: Signer): TeamNameRecord {
  const unsigned = { name, seq: (record(team.get(RENAMED))?.seq ?? 0) + 1, signedBy: signer.id }
  const item = Y.createID(doc.clientID, Y.getState(doc.store, doc.clientID))
  const signed = { ...unsigned, signature: Buffer.from(signer.sign(payload(teamId, item, unsigned))).toString('base64') }
  team.set(RENAMED, signed)
  return signed
}

/**
 * Undefined if every changed key of `after` (the scratch copy's `team` map) is a rename an owner of
 * `owners` signed, newer than the one `before` shows; else why not. Nothing else under `team` may change.
 */
export function teamChangeRefusal (teamId: string, before: Y.Map<unknown>, after: Y.Map<unknown>, changed: ReadonlySet<string>, owners: ReadonlyMap<string, MemberRecord>): string | undefined {
  for (const key of changed) {
    if (key !== RENAMED) return `the team's "${key}" changed`
    const item = after._map.get(key)
    if (!item || item.deleted) return 'the team\'s name was deleted'
    const was = before._map.get(key)
    if (was && !was.deleted && Y.compareIDs(item.id, was.id)) continue // a concurrent value that lost, beside the shown one
    const r = record(after.get(key))
    if (!r) return 'the team\'s new name is malformed'
    const have = record(before.get(key))?.seq ?? 0
    if (r.seq <= have) return `the team's new name is not newer than the one here (seq ${r.seq}, here ${have})`
    const owner = owners.get(r.signedBy)
    if (!owner) return 'the team\'s new name is not signed by an owner here'
    let holds = false
    try { holds = verify(null, payload(teamId, item.id, r), owner.publicKey, Buffer.from(r.signature, 'base64')) } catch { holds = false }
    if (!holds) return 'the team\'s new name does not match its signature'
  }
  return undefined
}

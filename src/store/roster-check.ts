/**
 * Whether roster changes that reached this side through a source not trusted as an owner (an editor, a
 * hub) were written by an owner: the rule store/sync-target.ts applies to the `members` entries an update
 * changed, once it has applied the update to a scratch copy of the workspace document.
 *
 * Every changed entry must, in the copy: still be there (entries are never deleted), be well-formed, keep
 * the member's key, carry a `seq` above the entry it replaces, and be signed (store/member-signature.ts),
 * on the very item that holds it, by an *established* owner. Established owners are those who are active
 * owners both before the update and in the copy (with their keys as this side had them), and — so that an
 * owner promoted in the same update can have signed the changes after — every member an accepted entry of
 * the update makes an active owner. Growing only from owners this side already trusts, the set can never
 * hold an owner the update made up for itself (a self-signed entry, or two entries signing each other, are
 * not accepted); an owner the update removes or demotes signs nothing in it. An entry whose item is still
 * the one this side shows (a concurrent value that lost Y.Map's last-writer-wins, landing beside it)
 * changes nothing and passes: Yjs never reorders items, so one that lost stays left of the value that
 * beat it and never shows (that value is never deleted: deletions are refused). Any other shown entry
 * needs the signature.
 *
 * One change needs no owner: a member renaming themselves. An entry signed by the member it describes (with
 * the key this side has for them) is taken when it changes nothing but the name of a member who is active
 * here — so a member's display name is theirs to choose, and their role, key and removal stay the owners'.
 */
import * as Y from 'yjs'
import { malformed, signatureHolds } from './member-signature.js'
import type { MemberRecord } from './schema.js'

/** The map item that shows `key`'s value, if one does (the entry's Yjs item, for its id). */
function shownItem (map: Y.Map<MemberRecord>, key: string): Y.Item | undefined {
  const item = map._map.get(key)
  return item && !item.deleted ? item : undefined
}

const activeOwner = (m: MemberRecord | undefined) => m !== undefined && !m.removed && m.role === 'owner'

/** Whether `m` differs from `had` (an active member) in nothing but the name and the signature fields. */
function onlyRenamed (had: MemberRecord, m: MemberRecord): boolean {
  return !had.removed && !m.removed && had.role === m.role && had.publicKey === m.publicKey && had.addedAt === m.addedAt && had.addedBy === m.addedBy
}

/** The members who are active owners both in `before` and in `after`: whose signatures count in an update. */
export function establishedOwners (before: Y.Map<MemberRecord>, after: Y.Map<MemberRecord>): Map<string, MemberRecord> {
  const established = new Map<string, MemberRecord>()
  for (const [id, m] of before.entries()) if (activeOwner(m) && activeOwner(after.get(id))) established.set(id, m)
  return established
}

/**
 * Undefined if every key of `changed` in `after` (the scratch copy's members) is an owner's signed change
 * of `before` (this side's members), else why not. `teamId` is the team's id (part of what is signed).
 */
export function rosterChangeRefusal (teamId: string, before: Y.Map<MemberRecord>, after: Y.Map<MemberRecord>, changed: ReadonlySet<string>): string | undefined {
  const established = establishedOwners(before, after)
  const name = (id: string) => after.get(id)?.name ?? before.get(id)?.name ?? id
  const judge = (key: string): string | undefined => {
    const item = shownItem(after, key)
    if (!item) return `the roster entry for ${name(key)} was deleted`
    const was = shownItem(before, key)
    if (was && Y.compareIDs(item.id, was.id)) return undefined
    const m = after.get(key)
    const bad = malformed(key, m)
    if (bad !== undefined) return `the roster entry ${JSON.stringify(key)} is malformed (${bad})`
    const had = before.get(key)
    if (had && had.publicKey !== m!.publicKey) return `the roster entry for ${m!.name} changes the member's key`
    if (m!.signature === undefined) return `the roster entry for ${m!.name} is not signed by an owner`
    const have = had?.seq ?? 0
    if (m!.seq! <= have) return `the roster entry for ${m!.name} is not newer than the one here (seq ${m!.seq!}, here ${have})`
    const signer = established.get(m!.signedBy!) ?? (m!.signedBy === key && had && onlyRenamed(had, m!) ? had : undefined)
    if (!signer) return `the roster entry for ${m!.name} is signed by ${name(m!.signedBy!)}, who is not an owner here`
    if (!signatureHolds(teamId, item.id, m!, signer.publicKey)) return `the roster entry for ${m!.name} does not match its signature`
    return undefined
  }
  const pending = new Set(changed)
  for (let progress = true; progress && pending.size > 0;) {
    progress = false
    for (const key of pending) {
      if (judge(key) !== undefined) continue
      pending.delete(key)
      progress = true
      const m = after.get(key)
      if (activeOwner(m)) established.set(key, m!)
    }
  }
  const [first] = pending
  return first === undefined ? undefined : judge(first)
}

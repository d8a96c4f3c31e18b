/**
 * The Yjs schema of a workspace — the only place that names the documents' root types.
 *
 * Document `workspace`:
 *   team: Y.Map            id, name, createdAt, renamed? (an owner-signed new name: store/team-name.ts)
 *   members: Y.Map         member id → { id, name, role, publicKey, addedAt, addedBy, removed?, seq?, signedBy?, signature? }
 *                          (whole value, LWW; signed by the owner who wrote it — store/member-signature.ts)
 *   accounts: Y.Map        account id → Y.Map of the directory fields (ACCOUNT_HEADER_FIELDS) + archived, createdAt, createdBy
 *
 * Document `account/<id>`:
 *   profile: Y.Map         ACCOUNT_PROFILE_FIELDS
 *   locations, related, contacts, items, cips, events, approvals, ports: Y.Map  entity id → Y.Map of its fields
 *                          (ports: PORT_FIELDS — the account's ports by value, share, rank, concurrence)
 *   requested: Y.Map       requested checklist item id → { title, createdAt }
 *   checklist: Y.Map       item key → { answer, reason, by, at } — one value, so an answer never loses its reason
 *   plan: Y.Map            PLAN_FIELDS, and `other:<item>` → what the team says an "Other" checklist item
 *                          (compliance.K, business.H) is: plain text, last writer wins
 *   tasks: Y.Map           lifecycle task id → { done, by, at, note? } — one value per task (a member's mark)
 *   log: Y.Array           activity entries, append-only
 *   conflicts: Y.Map       record id → a value a merge replaced unseen, or a concurrent long-text edit (store/conflicts.ts)
 *   resolutions: Y.Map     conflict id → { by, byName, at, kept } — how a member closed it
 * A CIP's extensions are a Y.Map `extensions` inside the CIP's own map. Its action steps are entries of
 * the `cipSteps` collection (CIP_STEP_FIELDS plus `cip`, the CIP's id): a collection rather than a map
 * inside the CIP, because CIPs made before steps existed have no such map, and creating one later could
 * race a peer's. An older CIP's `actionSteps` text, `target` and `department` stay where they were.
 */
import type * as Y from 'yjs'

export const WORKSPACE_DOC = 'workspace'
export const accountDocName = (id: string): string => `account/${id}`
export const accountIdOf = (docName: string): string | undefined =>
  docName.startsWith('account/') ? docName.slice('account/'.length) : undefined

/** The plan map's key for what an "Other" checklist item (compliance.K, business.H) is. */
export const otherKey = (item: string): string => `other:${item}`

export const ACCOUNT_COLLECTIONS = ['locations', 'related', 'contacts', 'items', 'cips', 'events', 'approvals', 'requested', 'ports', 'cipSteps'] as const
export type AccountCollection = typeof ACCOUNT_COLLECTIONS[number]

export function workspaceRoots (doc: Y.Doc) {
  return {
    team: doc.getMap<unknown>('team'),
    members: doc.getMap<MemberRecord>('members'),
    accounts: doc.getMap<Y.Map<unknown>>('accounts')
  }
}

export function accountRoots (doc: Y.Doc) {
  return {
    profile: doc.getMap<unknown>('profile'),
    plan: doc.getMap<unknown>('plan'),
    checklist: doc.getMap<unknown>('checklist'),
    tasks: doc.getMap<unknown>('tasks'),
    log: doc.getArray<unknown>('log'),
    collection: (name: AccountCollection) => doc.getMap<Y.Map<unknown>>(name)
  }
}

/** The root types a member's undo may touch in an account document (everything but the log). */
export function undoableAccountTypes (doc: Y.Doc): Array<Y.AbstractType<unknown>> {
  const r = accountRoots(doc)
  return [r.profile, r.plan, r.checklist, r.tasks, ...ACCOUNT_COLLECTIONS.map(r.collection)] as Array<Y.AbstractType<unknown>>
}

export type Role = 'owner' | 'editor' | 'viewer'
export const ROLES: readonly Role[] = ['owner', 'editor', 'viewer']
export interface MemberRecord {
  id: string
  name: string
  role: Role
  publicKey: string
  addedAt: string
  addedBy: string
  removed?: boolean
  /** This member's entry count (1 for the first signed entry); see store/member-signature.ts. */
  seq?: number
  /** The owner who wrote and signed this entry (or the member, for a change of their own name). */
  signedBy?: string
  /** Base64 Ed25519 signature by `signedBy`. */
  signature?: string
}

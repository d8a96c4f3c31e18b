/**
 * A workspace as the sync layer sees it: its documents (the shape of `SyncTarget` in sync/session.ts —
 * the store does not import the sync layer, the shapes simply match) and the roster's verdict on every
 * update a peer sends, given before the update touches a document.
 *
 * An update that brings nothing new — no content this side lacks, no deletion it has not made — is SKIP,
 * whoever sends it: there is nothing to apply, and applying it could still leave a trace (a struct this
 * side has, sent again with an origin nobody has, would wait in Yjs's pending structs for good). A viewer
 * answering our state vector sends such updates. Otherwise what a peer may change follows its role, looked
 * up at each update (a role changed mid-session counts at once):
 *   owner                anything
 *   editor               anything but the owner-only roots of the workspace document: `team` but for a
 *                        rename an owner signed (store/team-name.ts), and `members` but for entries an owner
 *                        signed, or a member's own new name (store/roster-check.ts)
 *   viewer               in the workspace document, what an editor may change there but the accounts (so a
 *                        viewer's own new name, and owners' signed changes it relays, get through); nothing else
 *   non-member           nothing: an update that would change a document is refused
 *
 * How an editor's update to the workspace document is checked: it is applied to a scratch copy of the
 * document, and refused if any change lands under `team`, or under `members` other than whole entries an
 * owner signed (roster-check.ts); if part of it stays pending, it is judged later (WAIT: the session holds
 * it until its document changes).
 * Reading the update's structs alone (Y.decodeUpdate) cannot tell: a map entry that replaces an older one
 * names its left neighbour, not its parent, and a deletion names only ids, so where a change lands is known
 * only after integration — which the copy does with Yjs's own code. Pending parts are never applied
 * unjudged: they would integrate later, unchecked, when a trusted peer sends what they wait for. The copy costs one
 * encode/apply of the workspace document (roster and account directory, not the accounts), and only for an
 * editor's updates to that document that bring something new.
 */
import * as Y from 'yjs'
import { printableLine } from '../domain/printable.js'
import { establishedOwners, rosterChangeRefusal } from './roster-check.js'
import { RENAMED, teamChangeRefusal } from './team-name.js'
import { WORKSPACE_DOC, workspaceRoots, type Role } from './schema.js'
import { SetAsideBook } from './set-aside.js'
import { setAside as setAsideError } from './debug.js'
import { splitUpdate, type UpdatePart } from './update-parts.js'
import { coverage, unvouched, voucherOf, vouchesRefusal, VOUCHES_DOC, type Voucher } from './vouches.js'
import type { Workspace } from './workspace.js'

const OWNER_ONLY = 'only an owner may change the team or its roster'

export interface WorkspaceSyncTarget {
  docNames (): Promise<string[]>
  has (name: string): Promise<boolean>
  doc (name: string): Promise<Y.Doc>
  onChange (listener: (name: string) => void): () => void
  accept (name: string, doc: Y.Doc, update: Uint8Array): Verdict
  /** Keeps a refused part of an update (store/set-aside.ts), reported once through the source's `log`. */
  setAside (name: string, part: UpdatePart, reason: string): void
  /**
   * What of `update` (changes here the other side lacks) this member may send: all of it, unless this member
   * is a viewer or was removed — then nothing, and their own changes in it are set aside here.
   */
  share (name: string, update: Uint8Array): Uint8Array
  /**
   * With `vouched` (a hub): a part held for want of a vouch (HELD) — kept in memory; set aside once it has
   * waited `holdMs`. Returns the reason when it was set aside now.
   */
  hold?: (name: string, part: UpdatePart, reason: string) => string | undefined
  /**
   * With a voucher (hub rooms and peer sessions alike): writes this member's vouch for `doc` (named `name`)
   * just before `update` — or its whole content, without one — is sent (store/vouches.ts Voucher).
   */
  vouch?: (name: string, doc: Y.Doc, update?: Uint8Array) => void
  /** With `vouched`: `doc` took changes; parts set aside for want of a vouch that it now holds are dropped. */
  released?: (name: string, doc: Y.Doc) => void
}

/** A hub's structs are applied only as vouched for (store/vouches.ts); see `workspaceSyncTarget`. */
export interface VouchedOptions {
  /** How long a part no member vouches for is held before it is set aside (ms). */
  holdMs: number
}

/** Who is on the other side, for the changes set aside: `peer Bo Chen`, `hub ws://…`. */
export interface SyncSource { label: string, log?: (line: string) => void }

/**
 * A refusal, undefined to apply, WAIT: the update builds on changes this side lacks — judge it later, or
 * SKIP: it brings nothing new — do not apply it.
 */
export type Verdict = string | undefined | typeof WAIT | typeof SKIP | Held
export const WAIT = { wait: true } as const
export const SKIP = { skip: true } as const
/** Not applied for want of a vouch: held (`hold`), set aside after a while, applied if the vouch comes. */
export interface Held { held: string }

/** The workspace's documents for a session with a peer whose current role `role()` gives. */
export function workspaceSyncTarget (ws: Workspace, role: () => Role | undefined, source: SyncSource = { label: 'a peer' }, vouched?: VouchedOptions, voucher?: Voucher): WorkspaceSyncTarget {
  const book = setAsideBook(ws)
  const keep = (name: string, part: UpdatePart, src: string, author: string, reason: string, awaitsVouch = false) => {
    const key = part.client === undefined ? `d:${Buffer.from(part.update).toString('base64')}` : `${part.client}:${part.clock}-${part.end}`
    return book.add({ doc: name, source: src, author, reason, key, update: part.update, ...(awaitsVouch && part.client !== undefined ? { client: part.client, end: part.end } : {}), ...(awaitsVouch ? { awaitsVouch } : {}) })
  }
  const setAside = (name: string, part: UpdatePart, reason: string, awaitsVouch = false) => {
    const author = part.client === undefined ? 'unknown' : writerName(ws, part.client)
    const what = part.client === undefined ? 'deletions (their writer is not known)' : `a change by ${author}`
    if (keep(name, part, source.label, author, reason, awaitsVouch)) {
      // Names and reasons come from peers' data: control characters are never written raw to a terminal.
      source.log?.(printableLine(`${name}: set aside ${what} from ${source.label}: ${reason} (pat sync set-aside list)`))
    }
  }
  const accept = (name: string, doc: Y.Doc, update: Uint8Array) => verdict(role(), name, doc, update, ws)
  return {
    // With a voucher, the vouches document is offered in every session, even empty, so that a vouch written
    // during the exchange goes out as an update of it. Offered last: the other documents' frames keep the order
    // they had (a receiver holds what is not vouched yet and judges it again when the vouch comes).
    docNames: async () => {
      const names = await ws.docs.storedNames()
      return voucher ? [...names.filter(n => n !== VOUCHES_DOC), VOUCHES_DOC] : names
    },
    has: name => ws.docs.has(name),
    doc: name => ws.docs.get(name),
    onChange: listener => ws.docs.onChange(name => listener(name)),
    accept,
    setAside: (name, part, reason) => setAside(name, part, reason),
    ...(vouched ? vouchedParts(ws, vouched, accept, book, setAside, voucher ?? voucherOf(ws, undefined)) : {}),
    ...(voucher ? { vouch: (name: string, doc: Y.Doc, update?: Uint8Array) => voucher.vouch(name, doc, update) } : {}),
    share: (name, update) => {
      const why = unshared(ws)
      if (why === undefined) return update
      const own = ws.ownClients.all()
      let kept = 0
      for (const part of splitUpdate(update)) {
        if (part.client !== undefined && own.has(part.client) && keep(name, part, 'here', ws.member.name, why)) kept++
      }
      if (kept > 0) source.log?.(`${name}: ${kept} change${kept === 1 ? '' : 's'} of yours set aside, not sent: ${why} (pat sync set-aside list)`)
      return nothing()
    }
  }
}

/**
 * What a target judging a hub adds (issue 15, point 2; store/vouches.ts): an update the roster rules let in
 * is applied only as far as members who may write vouch for it; the workspace's unvouched parts may still
 * pass as a viewer's would (owners' signed roster entries, which carry their own proof). What is not vouched
 * for is HELD: kept in memory (the hub offers it again), set aside after `holdMs`, and its set-aside entry
 * dropped once the document holds it (a vouch came, and the hub offered it again).
 */
function vouchedParts (ws: Workspace, opts: VouchedOptions, accept: WorkspaceSyncTarget['accept'], book: SetAsideBook, setAside: (name: string, part: UpdatePart, reason: string, awaitsVouch: boolean) => void, voucher: Voucher): Pick<WorkspaceSyncTarget, 'accept' | 'hold' | 'released'> {
  const firstSeen = new Map<string, number>()
  voucher.ready().catch(setAsideError('hub: opening the vouches document'))
  return {
    accept: (name, doc, update) => {
      const v = accept(name, doc, update)
      if (v !== undefined || name === VOUCHES_DOC) return v
      const vouches = voucher.doc
      const why = vouches ? unvouched(coverage(vouches, ws.wsDoc, name), update) : 'the vouches are not loaded yet'
      if (why === undefined) return undefined
      if (name === WORKSPACE_DOC && verdict('viewer', name, doc, update, ws) === undefined) return undefined
      return { held: why }
    },
    hold: (name, part, reason) => {
      const key = `${name} ${part.client ?? 'd'}:${part.clock}-${part.end}:${part.update.length}`
      const since = firstSeen.get(key) ?? Date.now()
      firstSeen.set(key, since)
      if (Date.now() - since < opts.holdMs) return undefined
      firstSeen.delete(key)
      setAside(name, part, `${reason} (held ${Math.round((Date.now() - since) / 1000)} s)`, true)
      return reason
    },
    released: (name, doc) => {
      const sv = Y.decodeStateVector(Y.encodeStateVector(doc))
      book.release(name, sv)
    }
  }
}

/**
 * An update that changes nothing, made when first needed: a document draws a random client id, and the first
 * random number loads node:crypto (~8 ms of every read command's start, when this module made it as it loaded).
 */
let empty: Uint8Array | undefined
const nothing = () => (empty ??= Y.encodeStateAsUpdate(new Y.Doc()))

/** Why this member may not send changes (a viewer, removed), or undefined when they may. */
function unshared (ws: Workspace): string | undefined {
  const me = workspaceRoots(ws.wsDoc).members.get(ws.member.id)
  if (me?.removed) return 'you were removed from the team'
  if (me?.role === 'viewer') return 'you are a viewer: an owner can make you an editor (pat team role)'
  return undefined
}

/** The workspace's book of changes set aside, in `<home>/set-aside/`. */
export function setAsideBook (ws: Workspace): SetAsideBook {
  return new SetAsideBook(ws.paths.setAside)
}

/**
 * Who wrote with Yjs client `client`, where this side can tell: an owner whose signed roster entry sits on an
 * item of that client (the signature binds the entry to its item's id: store/member-signature.ts); else
 * the client id.
 */
function writerName (ws: Workspace, client: number): string {
  const { members } = workspaceRoots(ws.wsDoc)
  for (const item of members._map.values()) {
    const m = members.get(item.parentSub!)
    if (item.id.client === client && !item.deleted && m?.signedBy) return members.get(m.signedBy)?.name ?? `client ${client}`
  }
  return `client ${client}`
}

function verdict (role: Role | undefined, name: string, doc: Y.Doc, update: Uint8Array, ws: Workspace): Verdict {
  if (!bringsChanges(doc, update)) return SKIP
  if (role === undefined) return 'not a member of this team'
  if (name === VOUCHES_DOC) return vouchesRefusal(doc, update, ws.config.team.id, workspaceRoots(ws.wsDoc).members)
  if (role === 'owner') return undefined
  if (name !== WORKSPACE_DOC) return role === 'viewer' ? `a viewer may not change ${name}` : undefined
  return editorRefusal(doc, update, role === 'viewer')
}

const VIEWER = 'a viewer may not change the workspace'

/** Whether applying `update` would add anything to `doc`: content it lacks, or a deletion it has not made. */
export function bringsChanges (doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update)
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc))
  if (structs.some(s => !(s instanceof Y.Skip) && s.id.clock + s.length > (sv.get(s.id.client) ?? 0))) return true
  if (ds.clients.size === 0) return false
  const ours = Y.createDeleteSetFromStructStore(doc.store).clients
  for (const [client, ranges] of ds.clients) {
    for (const r of ranges) if (r.len > 0 && !covered(ours.get(client) ?? [], r.clock, r.len)) return true
  }
  return false
}

/** Whether sorted, merged delete ranges cover [clock, clock + len). */
function covered (ranges: Array<{ clock: number, len: number }>, clock: number, len: number): boolean {
  let lo = 0
  let hi = ranges.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = ranges[mid]!
    if (r.clock > clock) hi = mid - 1
    else if (r.clock + r.len <= clock) lo = mid + 1
    else return r.clock + r.len >= clock + len
  }
  return false
}

function editorRefusal (doc: Y.Doc, update: Uint8Array, viewer: boolean): Verdict {
  const scratch = new Y.Doc({ gc: false })
  try {
    const { team, members } = workspaceRoots(scratch)
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc))
    const pending = () => [scratch.store.pendingStructs?.update ?? null, scratch.store.pendingDs]
    const pendingBefore = pending()
    let refused: string | undefined
    const changed = new Set<string>()
    const teamChanged = new Set<string>()
    const keysOf = (keys: Set<string | null>, into: Set<string>) => { for (const key of keys) if (key !== null) into.add(key) } // a map's changes name their keys
    scratch.on('afterTransaction', (tr: Y.Transaction) => {
      for (const [type, keys] of tr.changed) {
        const root: unknown = rootOf(type)
        const own: unknown = type
        if ((root === team || root === members) && own !== root) refused = OWNER_ONLY
        else if (own === team) { keysOf(keys, teamChanged); if ([...keys].some(k => k !== RENAMED)) refused = OWNER_ONLY } else if (own === members) keysOf(keys, changed)
        else if (viewer) refused = VIEWER // accounts, or a root no one uses
      }
    })
    Y.applyUpdate(scratch, update)
    if (refused) return refused
    const ours = workspaceRoots(doc)
    const teamId = String(ours.team.get('id'))
    const unsigned = (changed.size > 0 && rosterChangeRefusal(teamId, ours.members, members, changed)) ||
      (teamChanged.size > 0 && teamChangeRefusal(teamId, ours.team, team, teamChanged, establishedOwners(ours.members, members)))
    if (unsigned) return `${OWNER_ONLY}: ${unsigned}`
    if (pending().some((p, i) => p !== null && p !== pendingBefore[i])) return WAIT
    return undefined
  } finally {
    scratch.destroy()
  }
}

type AnyType = Y.AbstractType<Y.YEvent<any>> // Yjs's own type of a changed type

function rootOf (type: AnyType): AnyType {
  let t = type
  while (t._item) t = t._item.parent as AnyType
  return t
}

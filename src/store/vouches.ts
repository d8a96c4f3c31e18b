/**
 * The `vouches` document: every member's vouch (store/vouch.ts) for every document they write, in one Y.Map
 * `vouches` keyed `<document> <member id>`, each value a vouch's wire bytes. It syncs like any document —
 * through peers, and through a hub in its own room, `<team id>/vouches` — and is judged on its own rule
 * (`vouchesRefusal`), whoever sends it: every entry an update changes must be a vouch of this team, for the
 * document and member its key names, signed with that member's key as the roster has it, with a `seq` above
 * the entry it replaces (an older vouch put back is a replay). An entry is never deleted but by a newer one.
 * A vouch by a member this side does not know yet is WAIT (their roster entry may be on its way).
 *
 * What it is for (`unvouched`): a member applies structs a hub relays only when a member who may write the
 * document — an active owner or editor in its roster *now* — vouches for their client's clock range, and
 * deletions only when such a member's vouch holds them. A viewer's vouch, or a removed member's, counts for
 * nothing. Which ranges a member vouches for (`ownVouchBody`): an editor, the clients this home wrote with
 * (store/set-aside.ts OwnClients); an owner, every client of the document as it holds it (owners answer for
 * the document: that is what vouches for history written before vouches, or by members who never reach the
 * hub); both, every deletion they hold (a deletion names no writer in Yjs).
 */
import * as Y from 'yjs'
import { workspaceRoots, type MemberRecord } from './schema.js'
import { readVouch, signVouch, vouchRefusal, writeVouch, type Vouch, type VouchBody } from './vouch.js'
import type { Signer } from './member-signature.js'
import type { Workspace } from './workspace.js'

export const VOUCHES_DOC = 'vouches'
export const vouchKey = (doc: string, member: string): string => `${doc} ${member}`
export const vouchesMap = (doc: Y.Doc): Y.Map<Uint8Array> => doc.getMap<Uint8Array>('vouches')

type Range = { clock: number, len: number }
const WAIT_FOR_MEMBER = { wait: true } as const

/** Decoded vouches by their bytes (a Y.Map hands back the same array for the same item). */
const decoded = new WeakMap<Uint8Array, Vouch | string>()

function decode (bytes: unknown): Vouch | string {
  if (!(bytes instanceof Uint8Array)) return 'an entry that is not a vouch'
  let v = decoded.get(bytes)
  if (v === undefined) {
    try { v = readVouch(bytes) } catch (err) { v = (err as Error).message }
    decoded.set(bytes, v)
  }
  return v
}

/** Verified vouches, by their bytes and the key they were checked with. */
const verified = new WeakMap<Uint8Array, string>()

/** Why the entry `key` = `bytes` does not hold, undefined if it does, WAIT when its member is not known here. */
function entryRefusal (key: string, bytes: unknown, teamId: string, members: Y.Map<MemberRecord>): string | undefined | typeof WAIT_FOR_MEMBER {
  const v = decode(bytes)
  if (typeof v === 'string') return v
  if (vouchKey(v.doc, v.member) !== key) return `a vouch for ${v.doc} by ${v.member} in another's place`
  const m = members.get(v.member)
  if (!m) return WAIT_FOR_MEMBER
  if (verified.get(bytes as Uint8Array) === m.publicKey) return undefined
  const bad = vouchRefusal(v, teamId, m.publicKey)
  if (bad === undefined) verified.set(bytes as Uint8Array, m.publicKey)
  return bad
}

/**
 * The verdict on `update` to the vouches document `doc`: undefined, a refusal, or WAIT. Applied to a scratch
 * copy (Y.Map's last-writer-wins decides which value a key shows only once integrated); any change outside
 * the `vouches` map, a key deleted, or an entry that does not hold is refused.
 */
export function vouchesRefusal (doc: Y.Doc, update: Uint8Array, teamId: string, members: Y.Map<MemberRecord>): string | undefined | { wait: true } {
  const scratch = new Y.Doc({ gc: false })
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc))
    const map = vouchesMap(scratch)
    const pendingBefore = scratch.store.pendingStructs?.update ?? null
    const changed = new Set<string>()
    let other = false
    scratch.on('afterTransaction', (tr: Y.Transaction) => {
      for (const [type, keys] of tr.changed) {
        if (type !== (map as unknown)) other = true // a Y.Map is one of Yjs's types
        else for (const k of keys) if (k !== null) changed.add(k)
      }
    })
    Y.applyUpdate(scratch, update)
    if (other) return 'only vouches belong in the vouches document'
    const before = vouchesMap(doc)
    let wait = false
    for (const key of changed) {
      // An entry replaced travels as a new value and the old one's deletion; a split update (judge.ts: all
      // deletions in one part) or a new value still waiting for earlier structs leaves the key empty for a while.
      // So an emptied key waits (it is never applied as such) rather than being refused and set aside for good.
      if (!map.has(key)) return WAIT_FOR_MEMBER
      const bytes = map.get(key)
      const bad = entryRefusal(key, bytes, teamId, members)
      if (typeof bad === 'string') return `${bad} (${key.slice(0, 120)})`
      if (bad !== undefined) { wait = true; continue }
      const had = before.get(key)
      const old = had === undefined ? undefined : decode(had)
      if (old !== undefined && typeof old !== 'string' && (decode(bytes) as Vouch).seq <= old.seq) return `a vouch that is not newer than the one here (${key.slice(0, 120)}): a replay`
    }
    if (wait || (scratch.store.pendingStructs?.update ?? null) !== pendingBefore) return WAIT_FOR_MEMBER
    return undefined
  } finally {
    scratch.destroy()
  }
}

/** What the members who may write a document vouch for: end clock per client, deleted ranges per client. */
export interface Coverage { clients: Map<number, number>, deletes: Map<number, Range[]> }

const writes = (m: MemberRecord | undefined) => m !== undefined && !m.removed && (m.role === 'owner' || m.role === 'editor')

/** The coverage of document `name` by the vouches in `vouches` of members who may write it now (per `wsDoc`'s roster). */
export function coverage (vouches: Y.Doc, wsDoc: Y.Doc, name: string): Coverage {
  const { team, members } = workspaceRoots(wsDoc)
  const teamId = String(team.get('id'))
  const cov: Coverage = { clients: new Map(), deletes: new Map() }
  const prefix = `${name} `
  for (const [key, bytes] of vouchesMap(vouches).entries()) {
    if (!key.startsWith(prefix) || entryRefusal(key, bytes, teamId, members) !== undefined) continue
    const v = decode(bytes) as Vouch
    if (v.doc !== name || !writes(members.get(v.member))) continue // a viewer's vouch counts for nothing
    for (const [client, end] of v.clients) cov.clients.set(client, Math.max(end, cov.clients.get(client) ?? 0))
    for (const [client, ranges] of v.deletes) cov.deletes.set(client, mergeRanges([...cov.deletes.get(client) ?? [], ...ranges]))
  }
  return cov
}

/** Why some of `update` is not vouched for by `cov` (the first client or deletion not covered), or undefined. */
export function unvouched (cov: Coverage, update: Uint8Array): string | undefined {
  const { structs, ds } = Y.decodeUpdate(update)
  for (const s of structs) {
    if (s instanceof Y.Skip) continue
    const end = s.id.clock + s.length
    if ((cov.clients.get(s.id.client) ?? 0) < end) return `no member who may write vouches for client ${s.id.client} up to clock ${end}`
  }
  for (const [client, ranges] of ds.clients) {
    for (const r of ranges) if (r.len > 0 && !covers(cov.deletes.get(client) ?? [], r.clock, r.len)) return `no member who may write vouches for deleting client ${client}'s ${r.clock}–${r.clock + r.len}`
  }
  return undefined
}

function mergeRanges (ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.clock - b.clock)
  const out: Range[] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last && r.clock <= last.clock + last.len) last.len = Math.max(last.len, r.clock + r.len - last.clock)
    else out.push({ ...r })
  }
  return out
}

function covers (ranges: Range[], clock: number, len: number): boolean {
  return ranges.some(r => r.clock <= clock && r.clock + r.len >= clock + len)
}

/**
 * The vouch this member (`signer`, with `role`) makes now for `doc` (named `name`), merged with the one they
 * made before (`previous`: never less than it), or undefined when it would add nothing to it.
 */
export function ownVouchBody (teamId: string, name: string, doc: Y.Doc, role: 'owner' | 'editor', own: ReadonlySet<number>, previous: Vouch | undefined, member: string): VouchBody | undefined {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc))
  const clients = new Map(previous?.clients ?? [])
  let grew = false
  for (const [client, end] of sv) {
    if (role !== 'owner' && !own.has(client)) continue
    if ((clients.get(client) ?? 0) < end) { clients.set(client, end); grew = true }
  }
  const deletes = new Map<number, Range[]>(previous?.deletes ?? [])
  for (const [client, items] of Y.createDeleteSetFromStructStore(doc.store).clients) {
    const had = deletes.get(client) ?? []
    const merged = mergeRanges([...had, ...items.map(d => ({ clock: d.clock, len: d.len }))])
    if (merged.some(r => !covers(had, r.clock, r.len))) { deletes.set(client, merged); grew = true }
  }
  if (!grew) return undefined
  return { team: teamId, doc: name, member, seq: Math.max(Date.now(), (previous?.seq ?? 0) + 1), clients, deletes }
}

/** Writes this member's vouch for document `name` into `vouches`, if it grew; true when it wrote one. */
export function writeOwnVouch (vouches: Y.Doc, wsDoc: Y.Doc, name: string, doc: Y.Doc, own: ReadonlySet<number>, signer: Signer, origin: unknown): boolean {
  const { team, members } = workspaceRoots(wsDoc)
  const me = members.get(signer.id)
  if (!me || me.removed || (me.role !== 'owner' && me.role !== 'editor')) return false // a viewer's vouch would count for nothing
  const map = vouchesMap(vouches)
  const key = vouchKey(name, signer.id)
  const had = decode(map.get(key))
  const body = ownVouchBody(String(team.get('id')), name, doc, me.role, own, typeof had === 'string' ? undefined : had, signer.id)
  if (!body) return false
  vouches.transact(() => map.set(key, writeVouch(signVouch(body, signer))), origin)
  return true
}

/** The origin this member's vouches are written with: local, so that every hub link and peer session sends them. */
export const VOUCH_ORIGIN = { origin: 'vouch' } as const

/**
 * This member's vouches, written whatever the transport (issue 15, point 2): a hub room and a peer session
 * alike call `vouch` just before they send a document's content, so every editor answers for its own client
 * ids however it syncs — a peer-only member's content that a member who does both bridges to a hub arrives
 * there with its writer's vouch, which travels beside it through the peers and the hub's `vouches` room.
 * `ready` loads the vouches document (before the first exchange); until then, and without a signer (the key
 * could not be read), nothing is vouched.
 */
export class Voucher {
  private vouches: Y.Doc | undefined
  private loading: Promise<void> | undefined

  constructor (private readonly ws: Workspace, private readonly signer: Signer | undefined) {}

  ready (): Promise<void> {
    this.loading ??= this.ws.docs.get(VOUCHES_DOC).then(d => { this.vouches = d })
    return this.loading
  }

  /** The vouches document once loaded. */
  get doc (): Y.Doc | undefined { return this.vouches }

  /**
   * Writes this member's vouch for `doc` (named `name`) if it grew. With `update` (what is about to be sent),
   * only when it holds something this member answers for beyond its last vouch — a struct of its own client
   * (any client, for an owner) or a deletion — so relaying others' changes costs no vouch.
   */
  vouch (name: string, doc: Y.Doc, update?: Uint8Array): void {
    const { vouches, signer } = this
    if (!vouches || !signer || name === VOUCHES_DOC) return
    const own = this.ws.ownClients.all()
    if (update && !this.answersFor(name, update, own, vouches, signer.id)) return
    writeOwnVouch(vouches, this.ws.wsDoc, name, doc, own, signer, VOUCH_ORIGIN)
  }

  private answersFor (name: string, update: Uint8Array, own: ReadonlySet<number>, vouches: Y.Doc, member: string): boolean {
    const { structs, ds } = Y.decodeUpdate(update)
    if (ds.clients.size > 0) return true
    const had = decode(vouchesMap(vouches).get(vouchKey(name, member)))
    const owner = workspaceRoots(this.ws.wsDoc).members.get(member)?.role === 'owner'
    return structs.some(s => !(s instanceof Y.Skip) && (owner || own.has(s.id.client)) &&
      (typeof had === 'string' ? 0 : had.clients.get(s.id.client) ?? 0) < s.id.clock + s.length)
  }
}

/** A voucher for `ws` signing with `signer` (none: it vouches for nothing); the vouches document is shared (`ws.docs`). */
export function voucherOf (ws: Workspace, signer: Signer | undefined): Voucher {
  return new Voucher(ws, signer)
}

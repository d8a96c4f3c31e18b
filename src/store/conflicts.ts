/**
 * Conflicts: a value one member wrote that a merge replaced with a value another member wrote without
 * having seen it. Found from the CRDT's own causality, never from clocks.
 *
 * How. Yjs keeps every value ever set under a key of a Y.Map as an item in one list per key; each item
 * names as its `origin` the item its writer's map held under that key when they wrote (null for the first
 * set). The rightmost item is the value; the others are deleted. A deleted item X was replaced knowingly
 * if some item of the key has X as its origin (its writer saw X and wrote over it: a sequential overwrite,
 * never a conflict). A deleted item that no later item names, while the key still holds another value (not
 * a clear), lost to a write made without seeing it: a conflict. This is a function of the merged state, so
 * every replica that holds the same updates agrees, whatever order they arrived in.
 *
 * Recording. The losing value's content is dropped when its transaction ends (Yjs garbage-collects
 * deleted content), so it is copied when a peer's update deletes it: an observer of every remote
 * transaction writes a record into the synced map `conflicts` of the account document, keyed by the losing
 * item's id (`client.clock`) and holding only what that item held — so two replicas that both find it
 * write the same record. Whether it is still open is decided when read: not resolved (the synced map
 * `resolutions`), its entry still there, and no later write naming it (someone who saw it wrote over it).
 * Who wrote each value and when is read from the activity log: an edit appends its entry right after its
 * change, with the same Yjs client, so the first entry of that client after the item is its edit's.
 *
 * Long text (Y.Text) merges character by character: not a conflict. That two members edited it at the same
 * time is read from the activity log instead (store/conflict-read.ts): an appended entry's Yjs origin is
 * the last entry its writer's log held, so an edit whose origin lies before another member's edit of the
 * same text was written without having seen it.
 */
import * as Y from 'yjs'
import { directoryEntryOf, isPlainField, pathOf } from './field-paths.js'
import { CONFLICTS, isRemote } from './origins.js'

/**
 * A value replaced unseen. `kept` is set for a directory field (path `directory`): its writes live in the
 * workspace document, which reading an account's conflicts does not load, so the record keeps the value that
 * won as well (store/conflict-read.ts reads such a record from itself and the account's log).
 */
export interface ValueRecord { kind: 'value', path: string, key: string, client: number, clock: number, value: unknown, kept?: unknown }
export type ConflictRecord = ValueRecord
export interface Resolution { by: string, byName: string, at: string, kept: string }

export function conflictRoots (doc: Y.Doc) {
  return { records: doc.getMap<ConflictRecord>('conflicts'), resolutions: doc.getMap<Resolution>('resolutions') }
}

export const valueRecordId = (client: number, clock: number): string => `${client}.${clock}`

const contains = (item: Y.Item, id: Y.ID | null): boolean =>
  id !== null && item.id.client === id.client && id.clock >= item.id.clock && id.clock < item.id.clock + item.length

/**
 * Whether some write of `x`'s key names `x` as what it overwrote (its writer had seen it). Yjs may merge
 * consecutive writes of one client into one item; a write naming a later part of it overwrote x too.
 */
export function overwrittenKnowingly (x: { client: number, clock: number }, current: Y.Item): boolean {
  const holder = itemOf(current, x)
  for (let it: Y.Item | null = current; it !== null; it = it.left) {
    const o = it.origin
    if (o && o.client === x.client && o.clock >= x.clock && (holder ? contains(holder, o) : o.clock === x.clock)) return true
  }
  return false
}

/** The item of the key's list that holds the write `x`, if the list still has it. */
export function itemOf (current: Y.Item, x: { client: number, clock: number }): Y.Item | undefined {
  for (let it: Y.Item | null = current; it !== null; it = it.left) if (contains(it, Y.createID(x.client, x.clock))) return it
  return undefined
}

/**
 * The write that won against `x` when they met: walking right from x along the key's writes, the last of
 * those whose writer's map held something written before x (concurrent with x); the first write that
 * names x or a later write as what it overwrote came after the conflict.
 */
export function conflictWinner (current: Y.Item, x: Y.Item): Y.Item | undefined {
  const chain: Y.Item[] = []
  for (let it: Y.Item | null = current; it !== null; it = it.left) chain.unshift(it)
  const at = chain.indexOf(x)
  let winner: Y.Item | undefined
  for (const it of chain.slice(at + 1)) {
    const o = it.origin
    const originAt = o === null ? -1 : chain.findIndex(c => contains(c, o))
    if (originAt >= at) break
    winner = it
  }
  return winner
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(comparable(a)) === JSON.stringify(comparable(b))
/** A checklist answer compares by answer and reason (its author and time differ). */
const comparable = (v: unknown): unknown => v && typeof v === 'object' && 'answer' in v ? { a: (v as { answer: unknown }).answer, r: (v as { reason?: unknown }).reason } : v

/**
 * The map writes a transaction deleted without anyone having seen them, each with where it was (`where`
 * names the map: an account document's path, or a directory entry) and the value that replaced it.
 */
function lostWrites (tr: Y.Transaction, where: (parent: Y.AbstractType<unknown>) => { path: string, account?: string } | undefined) {
  const out: Array<{ account?: string, record: ValueRecord, kept: unknown }> = []
  Y.iterateDeletedStructs(tr, tr.deleteSet, s => {
    if (!(s instanceof Y.Item) || s.parentSub === null || s.content instanceof Y.ContentDeleted || s.content instanceof Y.ContentType) return
    const parent = s.parent as Y.AbstractType<unknown>
    const at = where(parent)
    if (!at || !isPlainField(at.path, s.parentSub)) return
    const current = parent._map.get(s.parentSub)
    if (!current || current === s || current.deleted) return // the key was cleared: no value replaced this one
    if (overwrittenKnowingly({ client: s.id.client, clock: s.id.clock }, current)) return
    const value = s.content.getContent()[0] as unknown
    const kept = current.content.getContent()[0] as unknown
    if (sameValue(value, kept)) return
    out.push({ ...(at.account ? { account: at.account } : {}), record: { kind: 'value', path: at.path, key: s.parentSub, client: s.id.client, clock: s.id.clock, value }, kept })
  })
  return out
}

function lostValues (tr: Y.Transaction): ValueRecord[] {
  return lostWrites(tr, parent => { const path = pathOf(parent); return path ? { path } : undefined }).map(l => l.record)
}

export const recordId = (r: ConflictRecord): string => valueRecordId(r.client, r.clock)

/** Adds the records not there yet, in one transaction of their own (stored and synced like any change). */
export function addRecords (doc: Y.Doc, found: readonly ValueRecord[]): void {
  const { records } = conflictRoots(doc)
  const fresh = found.filter(r => !records.has(recordId(r)))
  if (fresh.length) doc.transact(() => { for (const r of fresh) records.set(recordId(r), r) }, CONFLICTS)
}

/**
 * Watches the workspace document: after every transaction from a peer, hands over per account the
 * directory fields (name, kind, lead port, stage) it replaced unseen, each with the value that won, to be
 * recorded in that account's document (Workspace does it, once the document is open).
 */
export function watchDirectoryConflicts (doc: Y.Doc, record: (accountId: string, found: ValueRecord[]) => void): void {
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (!isRemote(tr.origin)) return
    const byAccount = new Map<string, ValueRecord[]>()
    for (const l of lostWrites(tr, parent => { const account = directoryEntryOf(parent); return account ? { path: 'directory', account } : undefined })) {
      const list = byAccount.get(l.account!) ?? []
      list.push({ ...l.record, kept: l.kept })
      byAccount.set(l.account!, list)
    }
    for (const [id, found] of byAccount) record(id, found)
  })
}

/**
 * Watches an account document: after every transaction from a peer, records the values it replaced
 * unseen (in one transaction of its own, stored and sent with the update that caused it).
 */
export function watchConflicts (doc: Y.Doc): void {
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (!isRemote(tr.origin)) return
    const found = lostValues(tr)
    if (found.length) addRecords(doc, found)
  })
}

/**
 * Reading conflicts (store/conflicts.ts) as plain objects: which are open, both values with who wrote them
 * and when, and the activity-log lines they add (a conflict, a concurrent long-text edit).
 */
import * as Y from 'yjs'
import { answerLabel, formatField, type ActivityEntry, type Answer } from '../domain/index.js'
import { conflictRoots, conflictWinner, itemOf, overwrittenKnowingly, type ConflictRecord, type Resolution, type ValueRecord } from './conflicts.js'
import { fieldLabel, fieldName, isLongTextName, mapAt, specsAt } from './field-paths.js'
import { accountRoots } from './schema.js'
import { writerIndex, type Writer, type WriterLookup } from './writers.js'

export interface ConflictSide extends Partial<Writer> { value: unknown, text: string }

export interface Conflict {
  id: string
  accountId: string
  field: string
  label: string
  kept: ConflictSide
  replaced: ConflictSide
  open: boolean
  resolved?: Resolution
}

/** A stored value as a person reads it ("No/NA: broker files", "$1,200", "(cleared)"). */
export function displayValue (path: string, key: string, value: unknown): string {
  if (value === undefined || value === null) return '(cleared)'
  if (path === 'checklist' && typeof value === 'object') {
    const v = value as { answer?: Answer, reason?: string }
    return `${answerLabel(v.answer ?? null)}${v.reason ? `: ${v.reason}` : ''}`
  }
  const spec = specsAt(path)?.find(s => s.key === key)
  return spec ? formatField(spec, value as never) : String(value as string)
}

/** A conflict, and the later of its two writes' places in the log (where the log's line about it goes). */
interface ConflictRead { conflict: Conflict, order: string }

/**
 * One record as a conflict. `kept` is the key's value now (what resolving replaces); with `atConflict`,
 * the value that won when the two writes met (what the log line tells), whatever came after.
 */
function readOne (doc: Y.Doc, accountId: string, id: string, r: ValueRecord, writers: WriterLookup, resolution: Resolution | undefined, atConflict = false): ConflictRead | undefined {
  if (r.path === 'directory') return readDirectory(doc, accountId, id, r, resolution)
  const map = mapAt(doc, r.path)
  const current = map?._map.get(r.key)
  const lost = current && itemOf(current, r)
  // Its entry was removed, or the key's history is gone with it: nothing left to decide.
  if (!map || !current || !lost) return undefined
  const kept = atConflict ? conflictWinner(current, lost) ?? current : current
  const field = fieldName(r.path, r.key)
  const { fields: keptFields, order: keptOrder, ...keptBy } = writers(kept.id.client, kept.id.clock) ?? {}
  const { fields: _, order: replacedOrder, ...replacedBy } = writers(r.client, r.clock) ?? {}
  // A value overwritten since has lost its content (Yjs drops it); its edit's log entry still says it.
  const gone = kept.content instanceof Y.ContentDeleted
  const keptValue = kept.deleted && (kept === current || gone) ? undefined : kept.content.getContent()[0] as unknown
  const keptText = gone && kept !== current ? keptFields?.find(f => f.field === field)?.to ?? '?' : displayValue(r.path, r.key, keptValue)
  const conflict: Conflict = {
    id,
    accountId,
    field,
    label: fieldLabel(doc, r.path, r.key),
    kept: { value: keptValue, text: keptText, ...keptBy },
    replaced: { value: r.value, text: displayValue(r.path, r.key, r.value), ...replacedBy },
    open: resolution === undefined && !overwrittenKnowingly(r, current),
    ...(resolution ? { resolved: resolution } : {})
  }
  return { conflict, order: later(keptOrder, replacedOrder) }
}

/**
 * A conflict of a directory field, from its record alone: the workspace document that holds the field is
 * not read here. Who wrote each value is the latest edit of this account whose log entry set the field to
 * it.
 *
 * It stays open until resolved. An account-document field's conflict also closes when a later write names
 * the replaced value as what it overwrote (its writer held that value: overwrittenKnowingly) — not on any
 * later edit: one made after the merge names the value the merge kept, so it closes nothing there either.
 * For a directory field that write is an item of the workspace document, and closing on it is left out
 * because it cannot be done soundly here:
 * - whether a record is open would then depend on a second document, while everything that counts open
 *   conflicts reads the account's document alone — the summary cache (store/summary-cache.ts) recomputes
 *   an account's count when that account's document is stored, so a workspace update arriving after it
 *   (the two documents sync separately) would leave the accounts list's `!` and `pat conflicts` disagreeing
 *   until the account next changed; and a workspace opened to read accounts only has no workspace document;
 * - copying the fact into the account's document when the workspace write is seen (as records are copied)
 *   would have to note the origin of every directory write, local, undone, imported or from a peer, since
 *   the record it closes may reach a replica after the write does.
 * The log cannot stand in for it: an entry's Yjs origin is the last entry its writer's log held, and with
 * concurrent appends that does not prove its writer had seen both values (see textActivity's limit).
 */
function readDirectory (doc: Y.Doc, accountId: string, id: string, r: ValueRecord, resolution: Resolution | undefined): ConflictRead {
  const keptText = displayValue(r.path, r.key, r.kept)
  const replacedText = displayValue(r.path, r.key, r.value)
  const entries = accountRoots(doc).log.toArray() as ActivityEntry[]
  const writerOf = (text: string) => entries.findLast(x => x.fields?.some(f => f.field === r.key && f.to === text))
  const by = (e: ActivityEntry | undefined): Partial<Writer> => (e ? { by: e.by, byName: e.byName, at: e.at } : {})
  const [keptBy, replacedBy] = [writerOf(keptText), writerOf(replacedText)]
  const conflict: Conflict = {
    id,
    accountId,
    field: r.key,
    label: fieldLabel(doc, r.path, r.key),
    kept: { value: r.kept, text: keptText, ...by(keptBy) },
    replaced: { value: r.value, text: replacedText, ...by(replacedBy) },
    open: resolution === undefined,
    ...(resolution ? { resolved: resolution } : {})
  }
  return { conflict, order: later(keptBy?.order ?? keptBy?.at, replacedBy?.order ?? replacedBy?.at) }
}

/** The account's value conflicts (open ones only unless `all`), oldest write first. */
export function readConflicts (doc: Y.Doc, accountId: string, opts: { all?: boolean } = {}): Conflict[] {
  const { records, resolutions } = conflictRoots(doc)
  if (records.size === 0) return []
  const writers = writerIndex(doc)
  const out: Conflict[] = []
  for (const [id, r] of records.entries()) {
    if (r.kind !== 'value') continue
    const c = readOne(doc, accountId, id, r, writers, resolutions.get(id))?.conflict
    if (c && (opts.all || c.open)) out.push(c)
  }
  return out.sort((a, b) => String(a.replaced.at ?? '').localeCompare(String(b.replaced.at ?? '')) || a.id.localeCompare(b.id))
}

/** How many of the account's conflicts are open (the summary cache keeps it for the accounts list). */
export function countOpenConflicts (doc: Y.Doc): number {
  return conflictRoots(doc).records.size === 0 ? 0 : readConflicts(doc, '').length
}

const later = (a?: string, b?: string): string => [a ?? '', b ?? ''].sort().at(-1) ?? ''

/** The activity-log lines conflicts add: the same on every replica that holds the same updates. */
export function conflictActivity (doc: Y.Doc): ActivityEntry[] {
  const { records } = conflictRoots(doc)
  const out = textActivity(doc)
  if (records.size === 0) return out
  const writers = writerIndex(doc)
  // In id order: a map's iteration order is the order its keys arrived, which differs between replicas.
  const sorted = [...records.entries() as IterableIterator<[string, ConflictRecord]>].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
  for (const [id, r] of sorted) {
    const entry = valueLine(doc, id, r, writers)
    if (entry) out.push(entry)
  }
  return out
}

function valueLine (doc: Y.Doc, id: string, r: ValueRecord, writers: WriterLookup): ActivityEntry | undefined {
  const read = readOne(doc, '', id, r, writers, undefined, true)
  if (!read) return undefined
  const c = read.conflict
  // The line goes where the later of the two edits stands in the log (its `order`, which may be later
  // than its author's clock said): never before an edit it reports.
  return {
    at: later(c.kept.at, c.replaced.at),
    order: read.order,
    by: c.kept.by ?? '',
    byName: c.kept.byName ?? '?',
    action: 'conflict',
    summary: `conflict ${id} on ${c.label}: "${c.kept.text}" (${c.kept.byName ?? '?'}) replaced "${c.replaced.text}" (${c.replaced.byName ?? '?'}), written without seeing it`
  }
}

interface Unit { entry: ActivityEntry, origin: string | undefined }
const idKey = (client: number, clock: number) => `${client}:${clock}`

/** The log's entries in list order, each with the key of the entry its writer's log ended with. */
function logUnits (doc: Y.Doc): { units: Unit[], position: Map<string, number> } {
  const units: Unit[] = []
  const position = new Map<string, number>()
  for (let it = accountRoots(doc).log._start; it !== null; it = it.right) {
    if (!(it.content instanceof Y.ContentAny)) continue
    const item = it
    ;(it.content.getContent() as ActivityEntry[]).forEach((entry, i) => {
      const clock = item.id.clock + i
      const origin = i > 0 ? idKey(item.id.client, clock - 1) : item.origin ? idKey(item.origin.client, item.origin.clock) : undefined
      position.set(idKey(item.id.client, clock), units.length)
      units.push({ entry, origin })
    })
  }
  return { units, position }
}

/**
 * Concurrent edits of long text (merged, never a conflict): an entry's origin is the last entry its
 * writer's log held, so every entry between that origin and it was unknown to its writer. Each pair of
 * another member's edit of the same text found there gives one line, placed after the later entry.
 */
function textActivity (doc: Y.Doc): ActivityEntry[] {
  const { units, position } = logUnits(doc)
  const out: ActivityEntry[] = []
  units.forEach((u, j) => {
    const texts = (u.entry.fields ?? []).filter(f => isLongTextName(f.field))
    if (!texts.length) return
    const from = u.origin === undefined ? -1 : position.get(u.origin) ?? -1
    const done = new Set<string>()
    for (let i = j - 1; i > from; i--) {
      const other = units[i]!.entry
      if (other.by === u.entry.by) continue
      for (const f of texts) {
        if (done.has(f.field) || !other.fields?.some(g => g.field === f.field)) continue
        done.add(f.field)
        out.push({
          at: u.entry.at,
          order: u.entry.order ?? u.entry.at,
          by: u.entry.by,
          byName: u.entry.byName,
          action: 'concurrent-text',
          summary: `${f.label}: ${other.byName} and ${u.entry.byName} edited it at the same time; both edits were merged`
        })
      }
    }
  })
  return out
}

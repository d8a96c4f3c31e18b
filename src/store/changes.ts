/**
 * What others changed in an account: its activity entries by other members that a "last seen" mark does
 * not cover (store/seen-marks.ts), or that were made since a date; and the history of its fields.
 */
import * as Y from 'yjs'
import { sortActivity, type ActivityEntry, type FieldChange } from '../domain/index.js'
import { readActivity } from './activity-log.js'
import { accountRoots } from './schema.js'

export type ChangeKind = 'added' | 'removed' | 'changed' | 'resolved' | 'undone' | 'redone'

export interface Change {
  at: string
  by: string
  byName: string
  kind: ChangeKind
  field?: string
  from?: string
  to?: string
  summary: string
}

function kindOf (action: string): ChangeKind {
  if (action === 'undo') return 'undone'
  if (action === 'redo') return 'redone'
  if (action === 'conflict.resolve') return 'resolved'
  if (/\.(add|request)$/.test(action)) return 'added'
  if (action.endsWith('.remove')) return 'removed'
  return 'changed'
}

function toChange (e: ActivityEntry): Change {
  const only = e.fields?.length === 1 ? e.fields[0] : undefined
  return {
    at: e.at,
    by: e.by,
    byName: e.byName,
    kind: kindOf(e.action),
    ...(only ? { field: only.field, ...(only.from !== undefined ? { from: only.from } : {}), ...(only.to !== undefined ? { to: only.to } : {}) } : {}),
    summary: e.summary
  }
}

/** The log's entries with the Yjs client and clock each was written under. */
function stampedEntries (doc: Y.Doc): Array<{ client: number, clock: number, entry: ActivityEntry }> {
  const out: Array<{ client: number, clock: number, entry: ActivityEntry }> = []
  for (let it = accountRoots(doc).log._start; it !== null; it = it.right) {
    if (it.deleted || !(it.content instanceof Y.ContentAny)) continue
    const item = it
    ;(it.content.getContent() as ActivityEntry[]).forEach((entry, i) => out.push({ client: item.id.client, clock: item.id.clock + i, entry }))
  }
  return out
}

/**
 * Others' changes, newest first: those the state `seen` (a mark's state vector; none: every one) does not
 * cover, or with `since` those made on or after that date instead.
 */
export function readChanges (doc: Y.Doc, opts: { me: string, seen?: Map<number, number>, since?: string }): Change[] {
  const entries = stampedEntries(doc)
    .filter(({ client, clock, entry }) => entry.by !== opts.me &&
      (opts.since !== undefined ? entry.at >= opts.since : clock >= (opts.seen?.get(client) ?? 0)))
    .map(s => s.entry)
  return sortActivity(entries).reverse().map(toChange)
}

export interface HistoryEntry { at: string, by: string, byName: string, field?: string, label?: string, from?: string, to?: string, summary: string }

const matches = (c: FieldChange, wanted: string) => {
  const w = wanted.toLowerCase()
  const f = c.field.toLowerCase()
  // A prefix names every field under it: `items.<id>` is a plan item's fields, `checklist` every answer.
  return f === w || c.label.toLowerCase() === w || f.endsWith(`.${w}`) || f.startsWith(`${w}.`)
}

/**
 * Every value the account's fields had, oldest first: one line per field an edit changed (older entries,
 * made before edits kept their fields, as their summary). With `field` (its name, e.g. `address`,
 * `plan.scope`, or its label), only that field's; with an entry's name (`items.<id>`, `contacts.<id>`),
 * every field of that entry.
 */
export function readHistory (doc: Y.Doc, field?: string): HistoryEntry[] {
  const out: HistoryEntry[] = []
  for (const e of readActivity(doc)) {
    const base = { at: e.at, by: e.by, byName: e.byName, summary: e.summary }
    if (e.fields?.length) {
      for (const c of e.fields) if (field === undefined || matches(c, field)) out.push({ ...base, ...c })
    } else if (field === undefined || e.summary.toLowerCase().includes(field.toLowerCase())) {
      out.push(base)
    }
  }
  return out
}

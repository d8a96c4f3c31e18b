/**
 * Conflict actions: list the open conflicts of an account (or of every account that has any, found from
 * the summary cache without opening the others), and resolve one by writing the chosen value as a new,
 * logged edit and recording the resolution in the synced document — which closes it on every replica.
 */
import type * as Y from 'yjs'
import { InputError, parseFields, type FieldValue } from '../../domain/index.js'
import { displayValue, readConflicts, type Conflict } from '../conflict-read.js'
import { conflictRoots, type ValueRecord } from '../conflicts.js'
import { mapAt, specsAt } from '../field-paths.js'
import { noteFieldChange } from '../fields.js'
import { workspaceRoots } from '../schema.js'
import type { Workspace } from '../workspace.js'

export type Keep = 'mine' | 'theirs' | 'kept' | 'replaced' | { value: string }

export interface AccountConflicts { accountId: string, accountName: string, conflicts: Conflict[] }

export class ConflictActions {
  constructor (private readonly ws: Workspace) {}

  /** Open conflicts of one account, or of every account with any; `all` adds the resolved ones. */
  async list (ref?: string, opts: { all?: boolean } = {}): Promise<AccountConflicts[]> {
    const ids = ref ? [this.ws.resolveAccount(ref).id] : await this.candidates(opts.all)
    const out: AccountConflicts[] = []
    for (const id of ids) {
      const conflicts = readConflicts(await this.ws.accountDoc(id), id, opts)
      if (conflicts.length || ref) out.push({ accountId: id, accountName: this.ws.header(id).name, conflicts })
    }
    return out
  }

  /** Accounts whose summary counts open conflicts (every account's records, with `all`). */
  private async candidates (all = false): Promise<string[]> {
    const ids = this.ws.accountIds()
    const summaries = await this.ws.summaries.get(ids)
    return ids.filter(id => all ? (summaries.get(id)?.conflictRecords ?? 0) > 0 : (summaries.get(id)?.conflicts ?? 0) > 0)
  }

  /** Finds a conflict by its id (or a unique prefix of it) among the accounts that have any. */
  private async find (id: string): Promise<{ accountId: string, conflict: Conflict }> {
    const wanted = id.trim()
    const hits: Array<{ accountId: string, conflict: Conflict }> = []
    for (const group of await this.list(undefined, { all: true })) {
      for (const c of group.conflicts) if (c.id === wanted || c.id.startsWith(wanted)) hits.push({ accountId: group.accountId, conflict: c })
    }
    const exact = hits.filter(h => h.conflict.id === wanted)
    if (exact.length === 1 || hits.length === 1) return exact[0] ?? hits[0]!
    if (hits.length === 0) throw new InputError(`no conflict "${wanted}": see \`pat conflicts\``)
    throw new InputError(`"${wanted}" matches ${hits.length} conflicts: give more of the id (see \`pat conflicts\`)`)
  }

  /** Writes the chosen value (a logged edit) and closes the conflict everywhere. */
  async resolve (id: string, keep: Keep): Promise<Conflict> {
    const { accountId, conflict } = await this.find(id)
    if (!conflict.open) throw new InputError(`conflict ${conflict.id} is already closed${conflict.resolved ? ` (${conflict.resolved.byName} kept "${conflict.resolved.kept}")` : ''}`)
    const doc = await this.ws.accountDoc(accountId)
    const record = conflictRoots(doc).records.get(conflict.id) as ValueRecord
    const value = this.chosen(conflict, record, keep)
    const text = displayValue(record.path, record.key, value)
    await this.ws.edit(accountId, 'conflict.resolve', (acc, wsDoc) => {
      const map = record.path === 'directory' ? workspaceRoots(wsDoc).accounts.get(accountId) : mapAt(acc, record.path)
      if (!map) throw new InputError(`the entry of conflict ${conflict.id} was removed meanwhile; nothing to resolve`)
      if (!same(map.get(record.key), value)) {
        setValue(map, record, value, this.ws)
        // Labelled as an ordinary edit of the field is (the entry's name is in the field's own name).
        noteFieldChange({ field: conflict.field, label: specsAt(record.path)?.find(s => s.key === record.key)?.label ?? conflict.label, from: conflict.kept.text, to: text })
      }
      conflictRoots(acc).resolutions.set(conflict.id, { by: this.ws.member.id, byName: this.ws.member.name, at: this.ws.now(), kept: text })
      return { result: undefined, summary: `resolved conflict ${conflict.id} on ${conflict.label}: kept "${text}" (was "${conflict.kept.text}" / "${conflict.replaced.text}")` }
    })
    return readConflicts(await this.ws.accountDoc(accountId), accountId, { all: true }).find(c => c.id === conflict.id)!
  }

  private chosen (c: Conflict, record: ValueRecord, keep: Keep): unknown {
    if (keep === 'kept') return c.kept.value
    if (keep === 'replaced') return c.replaced.value
    if (keep === 'mine' || keep === 'theirs') {
      const me = this.ws.member.id
      const mine = c.kept.by === me ? c.kept : c.replaced.by === me ? c.replaced : undefined
      if (!mine) throw new InputError(`neither value of conflict ${c.id} is yours: use --keep kept, --keep replaced or --keep VALUE`)
      const theirs = mine === c.kept ? c.replaced : c.kept
      return (keep === 'mine' ? mine : theirs).value
    }
    const spec = specsAt(record.path)?.find(s => s.key === record.key)
    if (!spec) throw new InputError('a checklist answer cannot be typed here: use --keep mine, theirs, kept or replaced, then `pat checklist set`')
    return parseFields([spec], { [spec.key]: keep.value }, 'patch')[spec.key] as FieldValue
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

function setValue (map: Y.Map<unknown>, record: ValueRecord, value: unknown, ws: Workspace): void {
  if (value === undefined || value === null) { map.delete(record.key); return }
  // A checklist answer is stamped with who chose it now.
  if (record.path === 'checklist' && typeof value === 'object') map.set(record.key, { ...value, by: ws.member.id, at: ws.now() })
  else map.set(record.key, value)
}

export function parseKeep (word: string): Keep {
  const w = word.trim()
  if (w === '') throw new InputError('--keep needs mine, theirs, kept, replaced or a value')
  return w === 'mine' || w === 'theirs' || w === 'kept' || w === 'replaced' ? w : { value: w }
}

/**
 * A local cache of what the accounts list shows from inside each account document (open plan items, next
 * due date), so listing 10,000 accounts reads one key range instead of loading 10,000 documents. It is
 * derived data, kept only on this machine (never synced): written in the same batch as every stored change
 * to an account document — an edit here or an update from a peer — so it never falls out of step with the
 * stored documents, even after a kill; computed for any account it lacks.
 *
 * Keys: ['pat', 'summary', accountId] in y-leveldb's key encoding; values: JSON.
 */
import { Buffer } from 'node:buffer'
import * as Y from 'yjs'
import { isOpen, nextDue, type ActivityEntry, type ItemStatus, type PlanItem } from '../domain/index.js'
import { countOpenConflicts } from './conflict-read.js'
import { conflictRoots } from './conflicts.js'
import type { Database } from './database.js'
import type { DocSet } from './docs.js'
import { setAside } from './debug.js'
import { accountDocName, accountIdOf, accountRoots } from './schema.js'

/**
 * `edits`: how many activity-log entries each member wrote (the log only grows, so what a member has not
 * seen of the others' is the growth of the others' counts since their mark: store/seen-marks.ts);
 * `conflicts`: open conflicts; `conflictRecords`: conflict records, open or not (store/conflicts.ts).
 */
export interface AccountSummary { openItems: number, nextDue?: string, edits: Record<string, number>, conflicts: number, conflictRecords: number }

/** Raised whenever AccountSummary changes shape: a stored summary of another format is computed again. */
const FORMAT = 2
const key = (id: string) => ['pat', 'summary', id]
const encode = (s: AccountSummary) => Buffer.from(JSON.stringify({ format: FORMAT, ...s }))
const decode = (v: Uint8Array): AccountSummary | undefined => {
  try {
    const { format, ...s } = JSON.parse(Buffer.from(v).toString('utf8')) as AccountSummary & { format?: number }
    return format === FORMAT ? s : undefined
  } catch {
    return undefined
  }
}

export class SummaryCache {
  /** Summaries computed for accounts that had none stored, still to be written. */
  private readonly computed = new Map<string, AccountSummary>()

  constructor (private readonly database: Database, private readonly docs: DocSet) {
    docs.deriveWith(changed => changed.flatMap(([name, doc]) => {
      const id = accountIdOf(name)
      return id ? [{ key: key(id), value: encode(SummaryCache.compute(doc)) }] : []
    }))
  }

  /** Computed on every stored change to an account, so it reads only what it needs. */
  static compute (doc: Y.Doc): AccountSummary {
    const items: Array<Pick<PlanItem, 'status' | 'due'>> = []
    for (const map of accountRoots(doc).collection('items').values()) {
      if (map instanceof Y.Map) items.push({ status: (map.get('status') as ItemStatus | undefined) ?? 'open', due: map.get('due') as string | undefined })
    }
    const due = nextDue(items)
    const edits: Record<string, number> = {}
    for (const e of accountRoots(doc).log.toArray() as ActivityEntry[]) edits[e.by] = (edits[e.by] ?? 0) + 1
    return {
      openItems: items.filter(isOpen).length,
      ...(due ? { nextDue: due } : {}),
      edits,
      conflicts: countOpenConflicts(doc),
      conflictRecords: conflictRoots(doc).records.size
    }
  }

  /** Writes the summaries computed for accounts that had none. */
  async flush (): Promise<void> {
    if (this.computed.size === 0) return
    const entries = [...this.computed]
    this.computed.clear()
    try {
      await this.database.batch(entries.map(([id, s]) => ({ type: 'put', key: key(id), value: encode(s) })))
    } catch (err) {
      for (const [id, s] of entries) if (!this.computed.has(id)) this.computed.set(id, s)
      throw err
    }
  }

  /**
   * Summaries for the given accounts: as stored, except for accounts with changes still on their way to
   * disk (computed from the open document); any missing one is computed from its document and stored.
   */
  async get (ids: readonly string[]): Promise<Map<string, AccountSummary>> {
    const out = new Map<string, AccountSummary>()
    const stored = await this.database.read(db => db.iterator({ gte: ['pat', 'summary'], lt: ['pat', 'summarz'] } as never).all()) as Array<[unknown[], Uint8Array]>
    for (const [k, v] of stored) {
      const summary = decode(v)
      if (summary) out.set(String(k[2]), summary)
    }
    for (const name of this.docs.unsaved()) {
      const id = accountIdOf(name)
      const doc = this.docs.loaded(name)
      if (id && doc) out.set(id, SummaryCache.compute(doc))
    }
    for (const id of ids.filter(id => !out.has(id))) {
      const summary = SummaryCache.compute(await this.docs.get(accountDocName(id)))
      out.set(id, summary)
      this.computed.set(id, summary)
    }
    // The list is right either way; a summary that cannot be written now (a full disk) is kept for the next flush.
    await this.flush().catch(setAside('writing the account summaries'))
    return out
  }
}

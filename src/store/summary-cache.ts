/**
 * A local cache of what the accounts list shows from inside each account document (open plan items, next
 * due date), so listing 10,000 accounts reads one key range instead of loading 10,000 documents. It is
 * derived data, kept only on this machine (never synced): written in the same batch as every stored change
 * to an account document — an edit here or an update from a peer — so it never falls out of step with the
 * stored documents, even after a kill; computed for any account it lacks.
 *
 * Beside it, the same way, what `pat due` reads of each account (domain/cadence.ts DueInput: review dates, open
 * plan items, CIPs…), so the due dashboard at 10,000 accounts reads one more key range instead of every
 * document. It is a key range of its own so that the accounts list does not read it.
 *
 * Keys: ['pat', 'summary', accountId] and ['pat', 'due', accountId] in y-leveldb's key encoding; values: JSON.
 * A reader of a whole range reads its aggregate instead while that is current (store/range-aggregate.ts).
 */
import { Buffer } from 'node:buffer'
import * as Y from 'yjs'
import { dueInput, isOpen, nextDue, type ActivityEntry, type DueInput, type ItemStatus, type PlanItem } from '../domain/index.js'
import { countOpenConflicts } from './conflict-read.js'
import { conflictRoots } from './conflicts.js'
import type { Database } from './database.js'
import type { DocSet } from './docs.js'
import { setAside } from './debug.js'
import { accountDocName, accountIdOf, accountRoots } from './schema.js'
import { readAccount } from './snapshot.js'
import { readAggregate, writeAggregate, type RangeRead } from './range-aggregate.js'
import { parseStored } from './stored-json.js'

/**
 * `edits`: how many activity-log entries each member wrote (the log only grows, so what a member has not
 * seen of the others' is the growth of the others' counts since their mark: store/seen-marks.ts);
 * `conflicts`: open conflicts; `conflictRecords`: conflict records, open or not (store/conflicts.ts).
 */
export interface AccountSummary { openItems: number, nextDue?: string, edits: Record<string, number>, conflicts: number, conflictRecords: number }

/** Raised whenever AccountSummary changes shape: a stored summary of another format is computed again. */
const FORMAT = 2
/** The same for DueInput (and for what domain/cadence.ts dueInput keeps of an account). */
const DUE_FORMAT = 1

/** Entries read and decoded per step of a full read (`storedAll`). */
const CHUNK = 500

/** One kind of per-account derived value: its key range, its format and how a document gives it. */
interface Kind<T> { prefix: string, format: number, compute: (doc: Y.Doc) => T }

const keyOf = (kind: Kind<unknown>, id: string) => ['pat', kind.prefix, id]
const encode = <T>(kind: Kind<T>, value: T) => Buffer.from(JSON.stringify({ format: kind.format, value }))
/** A stored value of a kind (`{format, value}`), parsed: its value, if it has the kind's format. */
const valueOf = <T>(kind: Kind<T>, stored: unknown): T | undefined => {
  const { format, value } = (stored ?? {}) as { format?: number, value?: T }
  return format === kind.format && value !== undefined ? value : undefined
}
const decode = <T>(kind: Kind<T>, v: Uint8Array): T | undefined => {
  try {
    return valueOf(kind, parseStored(v))
  } catch {
    return undefined
  }
}

export class SummaryCache {
  private readonly summary: Kind<AccountSummary> = { prefix: 'summary', format: FORMAT, compute: doc => SummaryCache.compute(doc) }
  private readonly due: Kind<DueInput> = { prefix: 'due', format: DUE_FORMAT, compute: doc => SummaryCache.computeDue(doc) }
  /** Values computed for accounts that had none stored, still to be written: key (as a string) → entry. */
  private readonly computed = new Map<string, { key: string[], value: Uint8Array }>()
  /** Ranges read key by key (their aggregate was out of date), to store as aggregates at close: prefix → read. */
  private readonly unaggregated = new Map<string, RangeRead>()

  /** `aggregatesDir`: where the ranges' aggregate files live (store/range-aggregate.ts). */
  constructor (private readonly database: Database, private readonly docs: DocSet, private readonly aggregatesDir: string) {
    docs.deriveWith(changed => changed.flatMap(([name, doc]) => {
      const id = accountIdOf(name)
      if (!id) return []
      // Stored with the document's change: nothing computed earlier for it may overwrite these.
      for (const kind of [this.summary, this.due]) this.computed.delete(keyOf(kind, id).join('\0'))
      return [
        { key: keyOf(this.summary, id), value: encode(this.summary, SummaryCache.compute(doc)) },
        { key: keyOf(this.due, id), value: encode(this.due, SummaryCache.computeDue(doc)) }
      ]
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

  /** What `pat due` reads of the account (the header's fields come from the directory, not from here). */
  static computeDue (doc: Y.Doc): DueInput {
    return dueInput(readAccount({ id: '', name: '', iors: [], kind: 'port', leadPort: '', stage: 'select', archived: false, createdAt: '', createdBy: '' }, doc))
  }

  /** Writes the values computed for accounts that had none. */
  async flush (): Promise<void> {
    if (this.computed.size === 0) return
    const entries = [...this.computed]
    this.computed.clear()
    try {
      await this.database.batch(entries.map(([, e]) => ({ type: 'put', key: e.key, value: e.value })), { derived: true })
    } catch (err) {
      for (const [k, e] of entries) if (!this.computed.has(k)) this.computed.set(k, e)
      throw err
    }
  }

  /**
   * Summaries for the given accounts: as stored, except for accounts with changes still on their way to
   * disk (computed from the open document); any missing one is computed from its document and stored.
   */
  get (ids: readonly string[]): Promise<Map<string, AccountSummary>> { return this.read(this.summary, ids) }

  /** The same for these accounts only, read key by key: a screenful, where `get` reads every account's range. */
  getSome (ids: readonly string[]): Promise<Map<string, AccountSummary>> { return this.read(this.summary, ids, { only: true }) }

  /** What `pat due` reads of the given accounts (DueInput), the same way as `get`. */
  dueInputs (ids: readonly string[]): Promise<Map<string, DueInput>> { return this.read(this.due, ids) }

  private async read<T> (kind: Kind<T>, ids: readonly string[], opts: { only?: boolean } = {}): Promise<Map<string, T>> {
    const out = opts.only ? await this.storedOf(kind, ids) : await this.storedAll(kind)
    for (const name of this.docs.unsaved()) {
      const id = accountIdOf(name)
      const doc = this.docs.loaded(name)
      if (id && doc && (!opts.only || ids.includes(id))) out.set(id, kind.compute(doc))
    }
    for (const id of ids.filter(id => !out.has(id))) {
      const value = kind.compute(await this.docs.get(accountDocName(id)))
      out.set(id, value)
      const key = keyOf(kind, id)
      this.computed.set(key.join('\0'), { key, value: encode(kind, value) })
    }
    // The list is right either way; a value that cannot be written now (a full disk) is kept for the next flush.
    await this.flush().catch(setAside('writing the account summaries'))
    return out
  }

  /**
   * Every stored value of a kind: from the range's aggregate (store/range-aggregate.ts) when it is current,
   * otherwise from the key range ['pat', prefix, …] (y-leveldb's encoding orders arrays element by element),
   * read and decoded a chunk at a time — at 10,000 accounts the whole range is ~0.1 s of work, and between
   * chunks the app answers keys (it reads the list behind its first frame, and again after every change) —
   * and kept to be stored as the new aggregate at close (`saveAggregates`). One step of the database's queue:
   * no write comes between the generation and what is read at it.
   */
  private async storedAll<T> (kind: Kind<T>): Promise<Map<string, T>> {
    const out = new Map<string, T>()
    const end = kind.prefix.slice(0, -1) + String.fromCharCode(kind.prefix.charCodeAt(kind.prefix.length - 1) + 1)
    const read = await this.database.readAtGeneration('summaries', async (db, generation): Promise<RangeRead | undefined> => {
      const aggregate = await readAggregate(this.aggregatesDir, kind.prefix, generation)
      if (aggregate) {
        for (const [id, stored] of aggregate) {
          const value = valueOf(kind, stored)
          if (value !== undefined) out.set(id, value)
        }
        return undefined
      }
      const entries: Array<[string, Uint8Array]> = []
      const it = db.iterator({ gte: ['pat', kind.prefix], lt: ['pat', end] } as never)
      try {
        for (let chunk = await it.nextv(CHUNK); chunk.length > 0; chunk = await it.nextv(CHUNK)) {
          for (const [k, v] of chunk as Array<[unknown[], Uint8Array]>) {
            const id = String(k[2])
            entries.push([id, v])
            const value = decode(kind, v)
            if (value !== undefined) out.set(id, value)
          }
        }
      } finally {
        await it.close()
      }
      return { generation, entries }
    })
    if (read) this.unaggregated.set(kind.prefix, read)
    else this.unaggregated.delete(kind.prefix)
    return out
  }

  /**
   * Stores, as its aggregate, each range this process last read key by key, if it has not been written since
   * (otherwise the next reader reads the keys and tries again). Derived data: called as the workspace closes.
   */
  async saveAggregates (): Promise<void> {
    const reads = [...this.unaggregated]
    this.unaggregated.clear()
    for (const [prefix, read] of reads) await writeAggregate(this.database, this.aggregatesDir, prefix, read)
  }

  /** The stored values of a kind for `ids` only. */
  private async storedOf<T> (kind: Kind<T>, ids: readonly string[]): Promise<Map<string, T>> {
    const out = new Map<string, T>()
    const values = await this.database.read(db => db.getMany(ids.map(id => keyOf(kind, id))) as Promise<Array<Uint8Array | undefined>>)
    ids.forEach((id, i) => {
      const v = values[i]
      const value = v === undefined ? undefined : decode(kind, v)
      if (value !== undefined) out.set(id, value)
    })
    return out
  }
}

/**
 * A local cache of what the accounts list shows from inside each account document (open plan items, next
 * due date), so listing 10,000 accounts reads one key range instead of loading 10,000 documents. It is
 * derived data, kept only on this machine (never synced): recomputed whenever an account document changes
 * here, by an edit or by an update from a peer, and rebuilt for any account it lacks.
 *
 * Keys: ['pat', 'summary', accountId] in y-leveldb's key encoding; values: JSON.
 */
import { Buffer } from 'node:buffer'
import type * as Y from 'yjs'
import { isOpen, nextDue } from '../domain/index.js'
import type { Database } from './database.js'
import type { DocSet } from './docs.js'
import { accountDocName, accountIdOf } from './schema.js'
import { readPlanItems } from './snapshot.js'

export interface AccountSummary { openItems: number, nextDue?: string }

const key = (id: string) => ['pat', 'summary', id]

export class SummaryCache {
  private readonly dirty = new Map<string, Y.Doc>()

  constructor (private readonly database: Database, private readonly docs: DocSet) {
    docs.onChange((name, doc) => {
      const id = accountIdOf(name)
      if (id) this.dirty.set(id, doc)
    })
  }

  static compute (doc: Y.Doc): AccountSummary {
    const items = readPlanItems(doc)
    const due = nextDue(items)
    return { openItems: items.filter(isOpen).length, ...(due ? { nextDue: due } : {}) }
  }

  /** Writes the summaries of the accounts changed since the last flush. */
  async flush (): Promise<void> {
    if (this.dirty.size === 0) return
    const ops = [...this.dirty].map(([id, doc]) => ({ type: 'put' as const, key: key(id), value: Buffer.from(JSON.stringify(SummaryCache.compute(doc))) }))
    this.dirty.clear()
    await this.database.db.batch(ops as never)
  }

  /** Summaries for the given accounts; any missing one is computed from its document and stored. */
  async get (ids: readonly string[]): Promise<Map<string, AccountSummary>> {
    const out = new Map<string, AccountSummary>()
    const it = this.database.db.iterator({ gte: ['pat', 'summary'], lt: ['pat', 'summarz'] } as never)
    for await (const [k, v] of it as AsyncIterable<[unknown[], Uint8Array]>) {
      out.set(String(k[2]), JSON.parse(Buffer.from(v).toString('utf8')) as AccountSummary)
    }
    const missing = ids.filter(id => !out.has(id))
    for (const id of missing) {
      const doc = await this.docs.get(accountDocName(id))
      out.set(id, SummaryCache.compute(doc))
      this.dirty.set(id, doc)
    }
    await this.flush()
    return out
  }
}

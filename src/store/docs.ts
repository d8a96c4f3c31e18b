/**
 * The set of open Yjs documents of a workspace, loaded on demand from the database and written back on
 * every change. A workspace is a small `workspace` document (team, roster, account directory) plus one
 * `account/<id>` document per account, so opening the workspace never loads every account's history.
 *
 * Writing: every update of an open document joins a queue. One writer takes everything queued and stores it
 * in one atomic batch — a burst of edits, or of a peer's updates, costs one disk write. A document with many
 * updates in the batch (a peer catching up) has them merged into one (Y.mergeUpdates), so its stored log
 * does not grow by hundreds of keys; a few are stored as they are, which costs less than merging them. `flush()` resolves once every change made before it
 * is stored, and rejects when the write that would have stored one of them failed: an edit resolves only
 * once it is on disk. A failed batch goes back to the head of the queue and is retried (by the next change or
 * flush) before anything newer, so the log on disk never skips an update that later ones depend on.
 *
 * Local keys derived from documents (the account summaries) are computed when a batch is formed and written
 * in it, so after a kill they always match the stored documents.
 *
 * When nothing is queued, the writer compacts the documents whose logs have grown (store/compaction.ts); one
 * whose log is overdue is compacted between two batches, so sustained writes cannot postpone it for ever.
 */
import * as Y from 'yjs'
import type { Database, Key } from './database.js'
import { afterCompaction, afterStore, loadedStats, needsCompaction, overdue, type LogStats } from './compaction.js'
import { LOAD } from './origins.js'
import { StoreError } from './errors.js'

export type DocListener = (name: string, doc: Y.Doc, origin: unknown) => void
/** Local keys to write along with the updates of the given (changed) documents. */
export type Derive = (changed: ReadonlyArray<[string, Y.Doc]>) => Array<{ key: Key, value: Uint8Array }>

/** How many updates of one document a batch stores as they are; more are merged into one. */
const MERGE_FROM = 8

interface Waiter { upTo: number, resolve: () => void, reject: (err: unknown) => void }

export class DocSet {
  private readonly docs = new Map<string, Promise<Y.Doc>>()
  private readonly loadedDocs = new Map<string, Y.Doc>()
  private readonly stats = new Map<string, LogStats>()
  private readonly listeners = new Set<DocListener>()
  private readonly openers = new Set<(name: string, doc: Y.Doc) => void>()
  /** Queued updates per document, in order; a Map keeps the documents in the order they were first queued. */
  private pending = new Map<string, Uint8Array[]>()
  private queued = 0 // updates queued since opening
  private stored = 0 // how many of them are on disk (always a prefix: batches are stored in order)
  private waiters: Waiter[] = []
  private readonly toCompact = new Set<string>()
  private writer: Promise<void> | undefined
  private writing: ReadonlySet<string> = new Set()
  private derive: Derive = () => []

  constructor (readonly database: Database) {}

  /** The document, loaded from disk on first use (an empty one if it was never written). */
  get (name: string): Promise<Y.Doc> {
    let doc = this.docs.get(name)
    if (!doc) {
      doc = this.load(name)
      this.docs.set(name, doc)
      doc.catch(() => this.docs.delete(name))
    }
    return doc
  }

  /**
   * Whether the document exists: open, or stored. Unlike `get`, asking creates nothing — a peer naming a
   * document this side lacks must not leave an empty one in memory (sync/session.ts).
   */
  async has (name: string): Promise<boolean> {
    return this.docs.has(name) || await this.database.hasDoc(name)
  }

  /** How many documents are open (loaded or loading). */
  get openCount (): number { return this.docs.size }

  /** Names of every document stored in the database. */
  storedNames (): Promise<string[]> {
    return this.database.persistence.getAllDocNames()
  }

  /** Sets what is derived from changed documents and written with their updates. */
  deriveWith (derive: Derive): void { this.derive = derive }

  /** Names of the documents with changes not yet on disk. */
  unsaved (): Set<string> { return new Set([...this.pending.keys(), ...this.writing]) }

  /** Names of the documents loaded in this process. */
  loadedNames (): string[] { return [...this.loadedDocs.keys()] }

  /** An open document (undefined if it was never loaded in this process). */
  loaded (name: string): Y.Doc | undefined { return this.loadedDocs.get(name) }

  /** Calls `listener` with every document this set loads from now on, once its stored state is in. */
  onOpen (listener: (name: string, doc: Y.Doc) => void): void { this.openers.add(listener) }

  onChange (listener: DocListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Resolves once every change made so far is stored; rejects if the write meant to store one failed. */
  flush (): Promise<void> {
    if (this.stored >= this.queued) return Promise.resolve()
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ upTo: this.queued, resolve, reject }))
    this.startWriter()
    return done
  }

  private async load (name: string): Promise<Y.Doc> {
    const { updates } = await this.database.readUpdates(name)
    const doc = new Y.Doc()
    try {
      doc.transact(() => { for (const u of updates) Y.applyUpdate(doc, u) }, LOAD)
    } catch (err) {
      doc.destroy()
      throw new StoreError('damaged', `document "${name}" in ${this.database.path} cannot be read (${(err as Error).message}); run \`pat doctor\``, err)
    }
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.enqueue(name, update)
      for (const l of this.listeners) l(name, doc, origin)
    })
    this.loadedDocs.set(name, doc)
    for (const open of this.openers) open(name, doc)
    this.stats.set(name, loadedStats(updates))
    if (needsCompaction(this.stats.get(name)!)) {
      this.toCompact.add(name)
      this.startWriter()
    }
    return doc
  }

  private enqueue (name: string, update: Uint8Array): void {
    const list = this.pending.get(name)
    if (list) list.push(update)
    else this.pending.set(name, [update])
    this.queued++
    this.startWriter()
  }

  private startWriter (): void {
    this.writer ??= this.write().then(ok => {
      this.writer = undefined
      // Changes queued while the writer was finishing; after a failure, the next change or flush retries.
      if (ok && this.pending.size > 0) this.startWriter()
    })
  }

  /**
   * Stores queued updates batch by batch until none are left, then compacts; stops at the first failure
   * (resolving false).
   */
  private async write (): Promise<boolean> {
    // Start on the next microtask, once the change that woke the writer has queued all its updates: an edit
    // and its activity entry are two transactions, and they go to disk in one batch or not at all.
    await Promise.resolve()
    while (this.pending.size > 0) {
      const batch = this.pending
      const upTo = this.queued
      this.pending = new Map()
      const entries = [...batch].flatMap(([doc, updates]) => updates.length > MERGE_FROM
        ? [{ doc, update: Y.mergeUpdates(updates) }]
        : updates.map(update => ({ doc, update })))
      const derived = this.derive([...batch.keys()].map(name => [name, this.loadedDocs.get(name)!]))
      this.writing = new Set(batch.keys())
      try {
        await this.database.storeUpdates(entries, derived)
      } catch (err) {
        this.writing = new Set()
        // Back to the head of the queue, before anything queued meanwhile.
        for (const [doc, updates] of this.pending) batch.set(doc, [...(batch.get(doc) ?? []), ...updates])
        this.pending = batch
        this.settle(err)
        return false
      }
      this.stored = upTo
      this.writing = new Set()
      for (const { doc, update } of entries) {
        const stats = afterStore(this.stats.get(doc) ?? afterCompaction(0), update.length)
        this.stats.set(doc, stats)
        if (needsCompaction(stats)) this.toCompact.add(doc)
      }
      this.settle()
      await this.compactQueued(name => overdue(this.stats.get(name)!)) // under load: only what is overdue
    }
    await this.compactQueued(() => this.pending.size === 0) // idle: everything due, until writes come again
    return true
  }

  /** Compacts the documents waiting for it that `now` lets through; one that fails waits for a later turn. */
  private async compactQueued (now: (name: string) => boolean): Promise<void> {
    const failed: string[] = []
    for (const name of [...this.toCompact]) {
      if (!now(name)) continue
      this.toCompact.delete(name)
      const doc = this.loadedDocs.get(name)
      if (doc && !await this.compact(name, doc)) failed.push(name)
    }
    for (const name of failed) this.toCompact.add(name)
  }

  /** Replaces a document's stored updates with its state; false (and nothing changed on disk) if that failed. */
  private async compact (name: string, doc: Y.Doc): Promise<boolean> {
    const state = Y.encodeStateAsUpdate(doc)
    try {
      await this.database.replaceUpdates(name, state, Y.encodeStateVector(doc))
    } catch {
      // The replacement is one atomic batch, so the stored updates are as they were; a lasting problem (a
      // full disk) is reported by the next write, and the document is compacted at a later idle moment.
      return false
    }
    this.stats.set(name, afterCompaction(state.length))
    return true
  }

  private settle (err?: unknown): void {
    const waiting = this.waiters
    this.waiters = []
    for (const w of waiting) {
      if (w.upTo <= this.stored) w.resolve()
      else if (err !== undefined) w.reject(err)
      else this.waiters.push(w)
    }
  }

  /** Resolves once the writer has stopped: every queued change stored (or failed) and compaction done. */
  async idle (): Promise<void> {
    while (this.writer) await this.writer
  }

  async close (): Promise<void> {
    await this.idle()
    for (const doc of this.loadedDocs.values()) doc.destroy()
    this.loadedDocs.clear()
    this.docs.clear()
  }
}

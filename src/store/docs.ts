/**
 * The set of open Yjs documents of a workspace, loaded on demand from the database and written back on
 * every change. A workspace is a small `workspace` document (team, roster, account directory) plus one
 * `account/<id>` document per account, so opening the workspace never loads every account's history.
 *
 * Writes are queued in order; `flush()` resolves when every change so far is on disk, and rejects with the
 * first write error. A failed update stays queued and is retried before later ones, so the log on disk
 * never skips an update that later ones depend on.
 */
import type * as Y from 'yjs'
import type { Database } from './database.js'
import { LOAD } from './origins.js'
import { StoreError } from './errors.js'

export type DocListener = (name: string, doc: Y.Doc, origin: unknown) => void

export class DocSet {
  private readonly docs = new Map<string, Promise<Y.Doc>>()
  private readonly loadedDocs = new Map<string, Y.Doc>()
  private readonly pending: Array<{ name: string, update: Uint8Array }> = []
  private writing: Promise<void> = Promise.resolve()
  private error: unknown
  private readonly listeners = new Set<DocListener>()

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

  /** Names of every document stored in the database. */
  storedNames (): Promise<string[]> {
    return this.database.persistence.getAllDocNames()
  }

  onChange (listener: DocListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Resolves once every change so far is stored; rejects (once) with the first failure. */
  async flush (): Promise<void> {
    await this.writing
    if (this.error !== undefined) {
      const err = this.error
      this.error = undefined
      throw err
    }
  }

  private async load (name: string): Promise<Y.Doc> {
    let doc: Y.Doc
    try {
      doc = await this.database.persistence.getYDoc(name)
    } catch (err) {
      if (err instanceof StoreError) throw err
      throw new StoreError('damaged', `document "${name}" in ${this.database.path} cannot be read (${(err as Error).message}); run \`pat doctor\``, err)
    }
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD) return
      this.enqueue(name, update)
      for (const l of this.listeners) l(name, doc, origin)
    })
    this.loadedDocs.set(name, doc)
    return doc
  }

  private enqueue (name: string, update: Uint8Array): void {
    this.pending.push({ name, update })
    this.writing = this.writing.then(() => this.drain())
  }

  private async drain (): Promise<void> {
    while (this.pending.length > 0) {
      const next = this.pending[0]!
      try {
        await this.database.persistence.storeUpdate(next.name, next.update)
      } catch (err) {
        this.error ??= err
        return // keep it queued: retried before anything newer on the next change
      }
      this.pending.shift()
    }
  }

  async close (): Promise<void> {
    await this.writing
    for (const doc of this.loadedDocs.values()) doc.destroy()
    this.loadedDocs.clear()
    this.docs.clear()
  }
}

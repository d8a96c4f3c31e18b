/**
 * The on-disk database: Yjs updates in LevelDB, in y-leveldb's storage format, with failures made visible.
 *
 * Format (y-leveldb's key encoding: arrays of strings and 32-bit numbers):
 *   ['v1', doc, 'update', clock]  one stored Yjs update; clocks increase per document (not from 0 after a compaction)
 *   ['v1_sv', doc]                varUint clock + varUint8Array state vector (how y-leveldb lists documents)
 *   ['pat', …]                    our own local keys (store/summary-cache.ts, store/directory-snapshot.ts)
 *   ['pat', 'generation', name]   a token new with every batch that writes its part (store/generations.ts)
 *
 * We read and append updates ourselves rather than through y-leveldb's `getYDoc`/`storeUpdate`, for three
 * reasons: several documents' updates go to disk in one atomic LevelDB batch (one write for a burst of edits
 * or of a peer's updates); a document's last clock is remembered rather than looked up by an iterator on
 * every write; and compaction (store/compaction.ts) replaces a document's updates with its merged state in
 * one atomic batch, where y-leveldb writes the merged state and clears the old updates in two steps.
 *
 * y-leveldb's own methods stay available (`persistence`: document names, backup, doctor, sync) but run every
 * operation through a private `_transact` wrapper that *swallows* errors (console.warn, resolve null) — a
 * full disk would look like a saved edit. We replace that wrapper with ours: one queue for every operation,
 * failures rethrown as StoreErrors. test/store/database.test.ts pins this, so an upgrade that changes the
 * private API fails loudly. Since a y-leveldb method may write (it compacts on load), any call through it
 * forgets the remembered clocks.
 *
 * LevelDB allows one process per directory; opening eagerly turns a held lock into a 'locked' StoreError
 * before any command does work.
 */
import { Buffer } from 'node:buffer'
import { Level } from 'level'
import { LeveldbPersistence } from 'y-leveldb'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { classifyIoError } from './errors.js'
import { generationKey, newToken, tokenText, touchedGenerations, type GenerationName } from './generations.js'

type Db = Level<unknown, unknown>
export type Key = Array<string | number>
interface Op { type: 'put' | 'del', key: Key, value?: Uint8Array }

const MAX_CLOCK = 2 ** 32 - 1
const updateKey = (doc: string, clock: number): Key => ['v1', doc, 'update', clock]
const svKey = (doc: string): Key => ['v1_sv', doc]
const updateRange = (doc: string) => ({ gte: updateKey(doc, 0), lt: updateKey(doc, MAX_CLOCK) })
const puts = (local: ReadonlyArray<{ key: Key, value: Uint8Array }>): Op[] => local.map(({ key, value }) => ({ type: 'put', key, value: Buffer.from(value) }))

function stateVectorValue (clock: number, sv: Uint8Array): Buffer {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, clock)
  encoding.writeVarUint8Array(enc, sv)
  return Buffer.from(encoding.toUint8Array(enc))
}

export interface StoredDoc { updates: Uint8Array[], bytes: number }

export interface Database {
  persistence: LeveldbPersistence
  /** The raw LevelDB (y-leveldb's key encoding) for our own local keys. */
  db: Db
  path: string
  /** A document's stored updates, oldest first (none for a document never written). */
  readUpdates (doc: string): Promise<StoredDoc>
  /** Whether a document has ever been written (one key lookup, remembered). */
  hasDoc (doc: string): Promise<boolean>
  /**
   * Reads with a generation (store/generations.ts) as it is at that moment, in one step of the queue: no
   * write comes between the two. A database without a token for it yet gets one written now ('' if that
   * fails: a full disk; '' equals no stamp).
   */
  readAtGeneration<T> (name: GenerationName, f: (db: Db, generation: string) => Promise<T>): Promise<T>
  /** A generation as it is now (see readAtGeneration). */
  generation (name: GenerationName): Promise<string>
  /**
   * Runs `f` in one step of the queue if the generation is still `expected` (no write of its part can come
   * while it runs); resolves whether it ran. For writing what was derived at that generation.
   */
  atGeneration (name: GenerationName, expected: string, f: (db: Db) => Promise<void>): Promise<boolean>
  /**
   * Appends one update per entry — several documents, or several updates of one — and puts the given local
   * keys, in one atomic write.
   */
  storeUpdates (entries: ReadonlyArray<{ doc: string, update: Uint8Array }>, local?: ReadonlyArray<{ key: Key, value: Uint8Array }>): Promise<void>
  /** Replaces every stored update of a document with `state` (which must contain them all), atomically. */
  replaceUpdates (doc: string, state: Uint8Array, stateVector: Uint8Array): Promise<void>
  /**
   * Writes our own local keys, in the same queue as everything else. `derived`: they only hold what the
   * documents already say (the account summaries), so the workspace shows nothing new (see `beforeChange`).
   */
  batch (ops: ReadonlyArray<{ type: 'put' | 'del', key: Key, value?: Uint8Array }>, opts?: { derived?: boolean }): Promise<void>
  /** Reads, in the same queue as everything else. */
  read<T> (f: (db: Db) => Promise<T>): Promise<T>
  close (): Promise<void>
}

export interface OpenOptions {
  createIfMissing?: boolean
  /**
   * Run once, and awaited, before this process first writes anything that changes what the workspace
   * shows: a document's updates, a compaction, a local key not marked derived (a seen mark). The
   * directory snapshot and the account summaries are derived from the documents and do not count.
   */
  beforeChange?: () => Promise<void>
}

// One function on purpose: every method of the Database shares the write queue, the clock cache and the
// reopen flag as closures (no caller can reach them); each method on its own is short.
// eslint-disable-next-line max-lines-per-function -- one closure on purpose (the comment above)
export async function openDatabase (path: string, opts: OpenOptions = {}): Promise<Database> {
  let captured: Db | undefined
  class CapturingLevel extends Level<unknown, unknown> {
    constructor (location: string, options: object) {
      super(location, { ...options, createIfMissing: opts.createIfMissing ?? true })
      captured = this as Db
    }
  }
  const persistence = new LeveldbPersistence(path, { Level: CapturingLevel })
  const db = captured!
  /** Each document's last stored clock (-1: none), as far as we know it. */
  const clocks = new Map<string, number>()
  /** The generations read or written so far (forgotten when the database is reopened). */
  const generations = new Map<GenerationName, string>()
  let queue: Promise<unknown> = Promise.resolve()
  // After a failed write LevelDB refuses every later one (the state of its log is unknown until it is
  // reopened), so the next operation reopens it first: once space is freed, writing works again.
  let reopen = false
  let changing: Promise<void> | undefined
  /** `write`: false for a read, 'derived' for a write of derived keys only, true for a change. */
  const transact = <T>(f: (db: Db) => Promise<T>, write: boolean | 'derived' = false): Promise<T> => {
    const run = queue.then(async () => {
      if (write === true && opts.beforeChange) await (changing ??= opts.beforeChange())
      if (reopen) {
        await db.close()
        await db.open()
        clocks.clear()
        generations.clear()
        reopen = false
      }
      try {
        return await f(db)
      } catch (err) {
        if (write) reopen = true
        throw err
      }
    }).catch(err => { throw classifyIoError(err, path) })
    queue = run.catch(() => undefined) // not swallowed: the caller gets `run`; the queue goes on after a failure
    return run
  }
  // The store calls y-leveldb's own methods only to read (getAllDocNames: doctor, the document list). One that
  // writes would bypass `write` below, so it would move no generation (store/generations.ts): keep it so.
  persistence._transact = f => { clocks.clear(); return transact(f) }

  const lastClock = async (doc: string): Promise<number> => {
    let clock = clocks.get(doc)
    if (clock === undefined) {
      const [key] = await db.keys({ ...updateRange(doc), reverse: true, limit: 1 } as never).all() as Key[]
      clock = key ? key[3] as number : -1
      clocks.set(doc, clock)
    }
    return clock
  }

  const currentGeneration = async (name: GenerationName): Promise<string> => {
    let token = generations.get(name)
    if (token === undefined) {
      const [value] = await db.getMany([generationKey(name)] as never) as Array<Uint8Array | undefined>
      if (value) token = tokenText(value)
      else {
        const fresh = newToken()
        token = await db.batch([{ type: 'put', key: generationKey(name), value: fresh }] as never).then(() => tokenText(fresh), () => {
          reopen = true // LevelDB refuses every write after a failed one until it is reopened (see transact)
          return ''
        })
      }
      if (token) generations.set(name, token)
    }
    return token
  }
  /**
   * Writes `ops` in one LevelDB batch, with a new token for each generation whose part they write: the two
   * land together or not at all, so a kill cannot leave one without the other.
   */
  const write = async (ops: ReadonlyArray<Op | { type: 'put' | 'del', key: Key, value?: Uint8Array }>): Promise<void> => {
    const touched = touchedGenerations(ops)
    if (touched.length === 0) { await db.batch(ops as never); return }
    const tokens = touched.map(name => [name, newToken()] as const)
    // Unknown until the batch is known to have landed (a failed one may or may not have): read again then.
    for (const [name] of tokens) generations.delete(name)
    await db.batch([...ops, ...tokens.map(([name, token]) => ({ type: 'put', key: generationKey(name), value: token }))] as never)
    for (const [name, token] of tokens) generations.set(name, tokenText(token))
  }

  try {
    await db.open()
  } catch (err) {
    throw classifyIoError(err, path)
  }
  return {
    persistence,
    db,
    path,
    readUpdates: doc => transact(async () => {
      const entries = await db.iterator(updateRange(doc) as never).all() as Array<[Key, Uint8Array]>
      clocks.set(doc, entries.length ? entries[entries.length - 1]![0][3] as number : -1)
      return { updates: entries.map(([, v]) => v), bytes: entries.reduce((n, [, v]) => n + v.length, 0) }
    }),
    hasDoc: doc => transact(async () => await lastClock(doc) >= 0),
    readAtGeneration: (name, f) => transact(async db => f(db, await currentGeneration(name))),
    generation: name => transact(() => currentGeneration(name)),
    atGeneration: (name, expected, f) => transact(async db => {
      if (expected === '' || await currentGeneration(name) !== expected) return false
      await f(db)
      return true
    }, 'derived'),
    storeUpdates: (entries, local = []) => transact(async () => {
      const next = new Map<string, number>()
      const ops = puts(local)
      for (const { doc, update } of entries) {
        const clock = next.get(doc) ?? await lastClock(doc)
        // Like y-leveldb: a document's first update also writes its state-vector key, which lists it.
        if (clock === -1) ops.push({ type: 'put', key: svKey(doc), value: stateVectorValue(0, Y.encodeStateVectorFromUpdate(update)) })
        ops.push({ type: 'put', key: updateKey(doc, clock + 1), value: Buffer.from(update) })
        next.set(doc, clock + 1)
      }
      await write(ops)
      for (const [doc, clock] of next) clocks.set(doc, clock)
    }, true),
    replaceUpdates: (doc, state, stateVector) => transact(async () => {
      const keys = await db.keys(updateRange(doc) as never).all() as Key[]
      const clock = keys.length ? keys[keys.length - 1]![3] as number : -1
      await write([
        ...keys.map(key => ({ type: 'del' as const, key })),
        { type: 'put', key: updateKey(doc, clock + 1), value: Buffer.from(state) },
        { type: 'put', key: svKey(doc), value: stateVectorValue(clock + 1, stateVector) }
      ])
      clocks.set(doc, clock + 1)
    }, true),
    batch: (ops, o) => transact(() => write(ops), o?.derived ? 'derived' : true),
    read: f => transact(f),
    close: async () => { await queue; await db.close() }
  }
}

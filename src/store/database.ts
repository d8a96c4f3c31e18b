/**
 * The on-disk database: y-leveldb (Yjs updates in LevelDB) with its failures made visible.
 *
 * y-leveldb runs every operation through a private `_transact` wrapper that serialises them and *swallows*
 * errors (console.warn, resolve null). A full disk would then look like a saved edit. We keep y-leveldb's
 * storage format and operations but replace that wrapper with one that serialises the same way and
 * rethrows, as a StoreError. test/store/database.test.ts pins this behaviour, so an upgrade that changes
 * the private API fails loudly rather than silently.
 *
 * LevelDB allows one process per directory; opening eagerly turns a held lock into a 'locked' StoreError
 * before any command does work.
 */
import { Level } from 'level'
import { LeveldbPersistence } from 'y-leveldb'
import { classifyIoError } from './errors.js'

type Db = Level<unknown, unknown>

export interface Database {
  persistence: LeveldbPersistence
  /** The raw LevelDB (y-leveldb's key encoding: arrays of strings and numbers) for our own local keys. */
  db: Db
  path: string
  close (): Promise<void>
}

export async function openDatabase (path: string, opts: { createIfMissing?: boolean } = {}): Promise<Database> {
  let captured: Db | undefined
  class CapturingLevel extends Level<unknown, unknown> {
    constructor (location: string, options: object) {
      super(location, { ...options, createIfMissing: opts.createIfMissing ?? true })
      captured = this as Db
    }
  }
  const persistence = new LeveldbPersistence(path, { Level: CapturingLevel })
  const db = captured!
  let queue: Promise<unknown> = Promise.resolve()
  const transact = <T>(f: (db: Db) => Promise<T>): Promise<T> => {
    const run = queue.then(() => f(db)).catch(err => { throw classifyIoError(err, path) })
    queue = run.catch(() => undefined)
    return run
  }
  ;(persistence as unknown as { _transact: typeof transact })._transact = transact
  try {
    await db.open()
  } catch (err) {
    throw classifyIoError(err, path)
  }
  return {
    persistence,
    db,
    path,
    close: async () => { await queue; await db.close() }
  }
}

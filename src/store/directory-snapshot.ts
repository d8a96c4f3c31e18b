/**
 * A local snapshot of the account directory — every account's header, in list order — so that reading
 * accounts (`pat account list`, `pat account show`) does not decode the workspace document, which at 10,000
 * accounts is 4 MB and some 120,000 Yjs items: most of such a command's time, with the garbage collection
 * it causes.
 *
 * Derived data, kept only on this machine (never synced), and never read when out of date: it is stamped
 * with the workspace document's stored clock (database.ts), and every write of that document — an edit, a
 * peer's update, a merging restore, a compaction, y-leveldb's own methods — stores an update under a higher
 * clock, so a snapshot is used only while its stamp is the current clock. A replacing restore or a doctor
 * salvage starts a new database, without one. A process that had the workspace document open writes a
 * fresh snapshot as it closes, once all its changes are stored (memory and disk agree) and in one queue
 * step with reading the clock it is stamped with; a process killed before that leaves the old stamp, and
 * the next reader decodes the document and writes the snapshot again. A snapshot that does not parse, or
 * has another format, is ignored the same way.
 *
 * Keys (y-leveldb's key encoding), written in one batch:
 *   ['pat', 'directory', 'stamp']    JSON { format, clock }
 *   ['pat', 'directory', 'headers']  JSON AccountHeader[], ordered as AccountDirectory.list()
 */
import { Buffer } from 'node:buffer'
import type { AccountHeader } from '../domain/index.js'
import type { Database } from './database.js'
import { WORKSPACE_DOC } from './schema.js'

/** Raised whenever AccountHeader (store/snapshot.ts readHeader) changes shape: older snapshots are then ignored. */
const FORMAT = 1
const STAMP = ['pat', 'directory', 'stamp']
const HEADERS = ['pat', 'directory', 'headers']

export interface DirectorySnapshot {
  /** The clock the stored snapshot is stamped with, if it is usable (undefined: none, damaged, other format). */
  stamp?: number
  /** The headers, when asked for and the snapshot is current. */
  headers?: AccountHeader[]
}

const parse = (value: Uint8Array | undefined): unknown => {
  try {
    return value === undefined ? undefined : JSON.parse(Buffer.from(value).toString('utf8'))
  } catch {
    return undefined
  }
}

const isHeader = (h: unknown): h is AccountHeader =>
  typeof h === 'object' && h !== null && typeof (h as AccountHeader).id === 'string' && typeof (h as AccountHeader).name === 'string' &&
  Array.isArray((h as AccountHeader).iors)

/** Reads the stamp, and with `withHeaders` the headers if the snapshot is current. */
export async function readDirectorySnapshot (database: Database, withHeaders: boolean): Promise<DirectorySnapshot> {
  const [stampValue, headersValue] = await database.read(db => db.getMany(withHeaders ? [STAMP, HEADERS] : [STAMP]) as Promise<Array<Uint8Array | undefined>>)
  const stamp = parse(stampValue) as { format?: unknown, clock?: unknown } | undefined
  if (stamp?.format !== FORMAT || typeof stamp.clock !== 'number') return {}
  if (!withHeaders || stamp.clock !== await database.storedClock(WORKSPACE_DOC)) return { stamp: stamp.clock }
  const headers = parse(headersValue)
  // A stamp without readable headers is no snapshot: the caller builds a new one.
  return Array.isArray(headers) && headers.every(isHeader) ? { stamp: stamp.clock, headers } : {}
}

/**
 * Writes the snapshot, stamped with the workspace document's stored clock, unless that is still `stamp` (the
 * stored one is current) or `current()` says the document has changes not yet stored.
 */
export function writeDirectorySnapshot (database: Database, stamp: number | undefined, headers: () => readonly AccountHeader[], current: () => boolean): Promise<void> {
  return database.stampedBatch(WORKSPACE_DOC, clock => clock === stamp || clock < 0 || !current()
    ? []
    : [
        { key: HEADERS, value: Buffer.from(JSON.stringify(headers())) },
        { key: STAMP, value: Buffer.from(JSON.stringify({ format: FORMAT, clock })) }
      ])
}

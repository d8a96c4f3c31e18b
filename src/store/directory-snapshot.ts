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
 * fresh snapshot as it closes, once all its changes are stored (memory and disk agree), stamped with the
 * clock it was made at and written only if that is still the stored clock (checked in the same queue step
 * as the write); if the snapshot was current when it opened, the new one is that one with the accounts
 * changed since put in (AccountDirectory.listFrom), so an edit does not pay for reading every account. A
 * process killed before closing leaves the old stamp, and the next reader decodes the document and writes
 * the snapshot again. A snapshot that does not parse, or has another format, is ignored the same way.
 *
 * Keys (y-leveldb's key encoding), written in one batch:
 *   ['pat', 'directory', 'stamp']    JSON { format, clock }
 *   ['pat', 'directory', 'headers']  JSON AccountHeader[], ordered as AccountDirectory.list()
 */
import { Buffer } from 'node:buffer'
import type { AccountHeader } from '../domain/index.js'
import type { Database } from './database.js'
import type { AccountDirectory } from './directory.js'
import { WORKSPACE_DOC } from './schema.js'
import { parseStored } from './stored-json.js'

/** Raised whenever AccountHeader (store/snapshot.ts readHeader) changes shape: older snapshots are then ignored. */
const FORMAT = 1
const STAMP = ['pat', 'directory', 'stamp']
const HEADERS = ['pat', 'directory', 'headers']

export interface DirectorySnapshot {
  /** The clock of the stored snapshot, if it is usable and current (undefined: none, out of date, damaged, other format). */
  stamp?: number
  /** Its headers, when asked for. */
  headers?: AccountHeader[]
}

const parse = (value: Uint8Array | undefined): unknown => {
  try {
    return value === undefined ? undefined : parseStored(value)
  } catch {
    return undefined
  }
}

const isHeader = (h: unknown): h is AccountHeader =>
  typeof h === 'object' && h !== null && typeof (h as AccountHeader).id === 'string' && typeof (h as AccountHeader).name === 'string' &&
  Array.isArray((h as AccountHeader).iors)

/** A local key's value, undefined if absent (abstract-level 1's `get` throws for a missing key; `getMany` does not). */
const readKey = (database: Database, key: string[]) =>
  database.read(db => db.getMany([key]) as Promise<Array<Uint8Array | undefined>>).then(([value]) => value)

async function readHeaders (database: Database): Promise<AccountHeader[] | undefined> {
  const headers = parse(await readKey(database, HEADERS))
  return Array.isArray(headers) && headers.every(isHeader) ? headers : undefined
}

/** The stored snapshot if it is current, with its headers if `withHeaders`. */
export async function readDirectorySnapshot (database: Database, withHeaders: boolean): Promise<DirectorySnapshot> {
  const stamp = parse(await readKey(database, STAMP)) as { format?: unknown, clock?: unknown } | undefined
  if (stamp?.format !== FORMAT || typeof stamp.clock !== 'number' || stamp.clock !== await database.storedClock(WORKSPACE_DOC)) return {}
  if (!withHeaders) return { stamp: stamp.clock }
  const headers = await readHeaders(database)
  // A stamp without readable headers is no snapshot: the workspace builds a new one.
  return headers ? { stamp: stamp.clock, headers } : {}
}

/**
 * Writes a snapshot of `directory` (the live directory of the workspace document, all of whose changes are
 * stored), unless the one read at open (`opened`) is still current. When that one was current at open, it
 * is patched with the accounts changed since (AccountDirectory.listFrom) rather than built anew. Nothing is
 * written if the document changed meanwhile or `current()` says it has changes not yet stored: the next
 * reader rebuilds it.
 */
export async function writeDirectorySnapshot (database: Database, opened: DirectorySnapshot, directory: AccountDirectory, current: () => boolean): Promise<void> {
  const clock = await database.storedClock(WORKSPACE_DOC)
  if (clock === opened.stamp || clock < 0) return
  const before = opened.stamp === undefined ? undefined : opened.headers ?? await readHeaders(database)
  const headers = before ? directory.listFrom(before) : directory.list()
  const value = Buffer.from(JSON.stringify(headers))
  await database.stampedBatch(WORKSPACE_DOC, now => now !== clock || !current()
    ? []
    : [{ key: HEADERS, value }, { key: STAMP, value: Buffer.from(JSON.stringify({ format: FORMAT, clock })) }])
}

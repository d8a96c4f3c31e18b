/**
 * A local snapshot of the account directory — every account's header, in list order — so that reading
 * accounts (`pat account list`, `pat account show`) does not decode the workspace document, which at 10,000
 * accounts is 4 MB and some 120,000 Yjs items: most of such a command's time, with the garbage collection
 * it causes.
 *
 * Derived data, kept only on this machine (never synced), in a file beside the database rather than in it:
 * LevelDB reads a value in one block, so a value of megabytes (2.8 MB at 10,000 accounts) is read and
 * decompressed whole by every seek that lands beside it, which made the first seek of every command slow.
 * Never read when out of date: it is stamped with the database's `workspace` generation (store/generations.ts),
 * a random token that every batch writing the workspace document's updates replaces in that same batch (an
 * edit, a peer's update, a merging restore, a compaction), and a replaced database (a restore, a salvage)
 * never shows again. So a snapshot is used only while its stamp is the current token. A process that had
 * the workspace document open writes a fresh snapshot as it closes, once all its changes are stored (memory
 * and disk agree), stamped with the token it was made at and written only if that is still the token (in
 * the same queue step as the check); if the snapshot was current when it opened, the new one is that one
 * with the accounts changed since put in (AccountDirectory.listFrom), so an edit does not pay for reading
 * every account. A process killed before closing leaves the old stamp, and the next reader decodes the
 * document and writes the snapshot again. A snapshot that does not parse, or has another format, is
 * ignored the same way.
 *
 * File `aggregates/directory.json` in the member's home: the stamp line of store/stamped-file.ts (format 2),
 * then the JSON array of AccountHeader, ordered as AccountDirectory.list(). (Format 1 kept it in the
 * database, under ['pat', 'directory', 'stamp' | 'headers']: those keys are deleted when a snapshot is next
 * written.)
 */
import { join } from 'node:path'
import type { AccountHeader } from '../domain/index.js'
import type { Database, Key } from './database.js'
import type { AccountDirectory } from './directory.js'
import { isStamped, readStamped, writeStamped } from './stamped-file.js'

/** Raised whenever AccountHeader (store/snapshot.ts readHeader) changes shape: older snapshots are then ignored. */
const FORMAT = 2
/** Where format 1 kept the snapshot, in the database. */
const OLD_KEYS: Key[] = [['pat', 'directory', 'stamp'], ['pat', 'directory', 'headers']]

export interface DirectorySnapshot {
  /** The generation the stored snapshot is stamped with, if it is usable and current (undefined: none, out of date, damaged, other format). */
  stamp?: string
  /** Its headers, when asked for. */
  headers?: AccountHeader[]
}

export const directoryFile = (dir: string): string => join(dir, 'directory.json')

const isHeader = (h: unknown): h is AccountHeader =>
  typeof h === 'object' && h !== null && typeof (h as AccountHeader).id === 'string' && typeof (h as AccountHeader).name === 'string' &&
  Array.isArray((h as AccountHeader).iors)

/** The snapshot's headers if the file holds a readable one stamped `generation`. */
async function readHeaders (file: string, generation: string): Promise<AccountHeader[] | undefined> {
  const headers = await readStamped(file, FORMAT, generation)
  return Array.isArray(headers) && headers.every(isHeader) ? headers : undefined
}

/** The stored snapshot if it is current, with its headers if `withHeaders`. */
export function readDirectorySnapshot (database: Database, dir: string, withHeaders: boolean): Promise<DirectorySnapshot> {
  const file = directoryFile(dir)
  return database.readAtGeneration('workspace', async (_db, generation): Promise<DirectorySnapshot> => {
    if (!withHeaders) return await isStamped(file, FORMAT, generation) ? { stamp: generation } : {}
    const headers = await readHeaders(file, generation)
    // A stamp without readable headers is no snapshot: the workspace builds a new one.
    return headers ? { stamp: generation, headers } : {}
  })
}

/**
 * Writes a snapshot of `directory` (the live directory of the workspace document, all of whose changes are
 * stored), unless the one read at open (`opened`) is still current. When that one was current at open, it
 * is patched with the accounts changed since (AccountDirectory.listFrom) rather than built anew. Nothing is
 * written if the document changed meanwhile or `current()` says it has changes not yet stored: the next
 * reader rebuilds it.
 */
export async function writeDirectorySnapshot (database: Database, dir: string, opened: DirectorySnapshot, directory: AccountDirectory, current: () => boolean): Promise<void> {
  const file = directoryFile(dir)
  const generation = await database.generation('workspace')
  if (generation === '' || generation === opened.stamp) return
  const before = opened.stamp === undefined ? undefined : opened.headers ?? await readHeaders(file, opened.stamp)
  const headers = before ? directory.listFrom(before) : directory.list()
  const body = JSON.stringify(headers)
  await database.atGeneration('workspace', generation, async db => {
    if (!current()) return
    await writeStamped(file, FORMAT, generation, [body])
    const old = await db.getMany(OLD_KEYS as never) as Array<Uint8Array | undefined>
    if (old.some(v => v !== undefined)) await db.batch(OLD_KEYS.map(key => ({ type: 'del', key })) as never)
  })
}

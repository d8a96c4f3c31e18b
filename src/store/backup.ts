/**
 * Backups: the whole workspace as Yjs updates (so every document's history and the activity log survive),
 * in one checksummed file.
 *
 * Format (lib0 encoding):
 *   varString  "patdesk-backup"          magic
 *   varUint    1                         format version
 *   varString  JSON header               { createdAt, team: {id, name}, documents }
 *   documents × ( varString name, varUint8Array update )
 *   32 bytes   SHA-256 of everything above
 */
import { createHash } from 'node:crypto'
import { readFile, rename, stat } from 'node:fs/promises'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { openDatabase } from './database.js'
import { StoreError } from './errors.js'
import { writeFileAtomic } from './files.js'
import { homePaths } from './home.js'
import { readConfig, writeConfig } from './config.js'
import type { Workspace } from './workspace.js'

const MAGIC = 'patdesk-backup'
const VERSION = 1

export interface BackupHeader { createdAt: string, team: { id: string, name: string }, documents: number }

export async function writeBackup (ws: Workspace, file: string) {
  await ws.flush()
  const names = [...new Set([...(await ws.docs.storedNames()), 'workspace'])].sort()
  const enc = encoding.createEncoder()
  encoding.writeVarString(enc, MAGIC)
  encoding.writeVarUint(enc, VERSION)
  const header: BackupHeader = { createdAt: new Date().toISOString(), team: ws.config.team, documents: names.length }
  encoding.writeVarString(enc, JSON.stringify(header))
  for (const name of names) {
    encoding.writeVarString(enc, name)
    encoding.writeVarUint8Array(enc, Y.encodeStateAsUpdate(await ws.docs.get(name)))
  }
  const body = encoding.toUint8Array(enc)
  const digest = createHash('sha256').update(body).digest()
  await writeFileAtomic(file, Buffer.concat([body, digest]))
  await writeConfig(ws.paths.config, { ...ws.config, lastBackup: file })
  return { file, documents: names.length, bytes: body.length + digest.length }
}

export async function readBackup (file: string): Promise<{ header: BackupHeader, docs: Map<string, Uint8Array> }> {
  let data: Uint8Array
  try { data = await readFile(file) } catch (err) {
    throw new StoreError('io', `cannot read backup ${file}: ${(err as Error).message}`, err)
  }
  const bad = (why: string) => new StoreError('damaged', `${file} is not a usable PAT Desk backup (${why})`)
  if (data.length < 33) throw bad('too short')
  const body = data.subarray(0, data.length - 32)
  if (!createHash('sha256').update(body).digest().equals(data.subarray(data.length - 32))) throw bad('checksum mismatch: the file is damaged or incomplete')
  try {
    const dec = decoding.createDecoder(body)
    if (decoding.readVarString(dec) !== MAGIC) throw new Error('not a backup file')
    const version = decoding.readVarUint(dec)
    if (version !== VERSION) throw new Error(`format version ${version} is newer than this pat`)
    const header = JSON.parse(decoding.readVarString(dec)) as BackupHeader
    const docs = new Map<string, Uint8Array>()
    for (let i = 0; i < header.documents; i++) docs.set(decoding.readVarString(dec), decoding.readVarUint8Array(dec))
    return { header, docs }
  } catch (err) {
    throw bad((err as Error).message)
  }
}

/**
 * Restores a backup into a home. Replacing keeps the current database aside (db.before-restore-<time>);
 * merging applies the backup's updates on top (a CRDT merge: nothing in either is lost).
 */
export async function restoreBackup (home: string, file: string, opts: { merge: boolean }) {
  const { header, docs } = await readBackup(file)
  const paths = homePaths(home)
  const config = await readConfig(paths.config)
  if (!config) throw new StoreError('not-initialised', `no workspace in ${home}: run \`pat init --name "Your Name"\` first, then restore`)
  let keptAside: string | undefined
  if (!opts.merge && await stat(paths.db).then(() => true, () => false)) {
    keptAside = `${paths.db}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
    const probe = await openDatabase(paths.db) // fails with 'locked' if the app or `pat serve` has it open
    await probe.close()
    await rename(paths.db, keptAside)
  }
  const db = await openDatabase(paths.db)
  try {
    await db.storeUpdates([...docs].map(([doc, update]) => ({ doc, update })))
  } finally {
    await db.close()
  }
  if (!opts.merge) await writeConfig(paths.config, { ...config, team: header.team })
  return { file, documents: docs.size, ...(keptAside ? { keptAside } : {}) }
}

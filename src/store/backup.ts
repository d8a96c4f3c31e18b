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
import { readFile, realpath, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { InputError } from '../domain/errors.js'
import { clip, quote } from '../domain/printable.js'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { openDatabase } from './database.js'
import { StoreError } from './errors.js'
import { writeFileAtomic } from './files.js'
import { homePaths, type HomePaths } from './home.js'
import { readConfig, writeConfig } from './config.js'
import { recordManifest, stateVectorsOf } from './db-manifest.js'
import type { Workspace } from './workspace.js'

const MAGIC = 'patdesk-backup'
const VERSION = 1

export interface BackupHeader { createdAt: string, team: { id: string, name: string }, documents: number }

/**
 * Writes a backup to `file`, which must not exist unless `force` (a backup written over workspace.json or
 * any other file destroyed it). Written to a temporary file beside it and moved into place.
 */
export async function writeBackup (ws: Workspace, file: string, opts: { force?: boolean } = {}) {
  const target = resolve(file)
  if (await isWorkspaceFile(ws.paths, target)) {
    throw new InputError(`${file} is part of the workspace itself: write the backup somewhere outside ${ws.paths.root}'s database, identity and workspace.json`)
  }
  if (!opts.force && await stat(target).then(() => true, () => false)) {
    throw new InputError(`${file} already exists: choose a new file name, or add --force to replace it`)
  }
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
  try {
    await writeFileAtomic(target, Buffer.concat([body, digest]), 0o600, { overwrite: Boolean(opts.force) })
  } catch (err) {
    throw cannotWrite(file, err)
  }
  await writeConfig(ws.paths.config, { ...ws.config, lastBackup: target })
  return { file: target, documents: names.length, bytes: body.length + digest.length }
}

/** A path resolved through symbolic links (the part that exists), so two names of one file compare equal. */
async function realPath (path: string): Promise<string> {
  try { return await realpath(path) } catch { return path === dirname(path) ? path : join(await realPath(dirname(path)), basename(path)) }
}

/**
 * Whether `target` names one of the files the home keeps its state in (settings, invites, manifest, the
 * database, identity, set-aside changes…), by any path: a backup written there replaced it (and a backup
 * over workspace.json was then itself replaced by the config that records the last backup's path).
 */
async function isWorkspaceFile (paths: HomePaths, target: string): Promise<boolean> {
  const root = await realPath(paths.root)
  const full = await realPath(target)
  const inHome = (p: string) => join(root, relative(paths.root, p))
  const files = [paths.config, paths.manifest, paths.invites, paths.peers, paths.hub, paths.syncLog, paths.lockInfo,
    paths.socket, paths.firstFrame, paths.ownClients].map(inHome)
  const folders = [paths.db, dirname(paths.identityKey), paths.setAside, paths.aggregates].map(inHome)
  return files.includes(full) || folders.some(d => full === d || full.startsWith(d + sep))
}

/** A failed backup write as one line that names the cause. */
function cannotWrite (file: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'EEXIST') return new InputError(`${file} already exists: choose a new file name, or add --force to replace it`)
  if (code === 'ENOENT') return new InputError(`cannot write the backup: the folder ${dirname(file)} does not exist; create it or choose another place`)
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new InputError(`cannot write the backup to ${file}: ${code === 'EROFS' ? 'the file system is read-only' : 'permission denied'}; choose another place`)
  if (code === 'EISDIR') return new InputError(`${file} is a folder: give a file name for the backup`)
  if (code === 'ENOSPC') return new StoreError('disk-full', `the disk is full: the backup ${file} was not written; free some space and try again`, err)
  return new StoreError('io', `cannot write the backup ${file}: ${(err as Error).message}`, err)
}

export async function readBackup (file: string): Promise<{ header: BackupHeader, docs: Map<string, Uint8Array> }> {
  let data: Uint8Array
  try { data = await readFile(file) } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new InputError(`there is no backup file ${file}`)
    if (code === 'EISDIR') throw new InputError(`${file} is a folder: give the backup file written by \`pat backup\``)
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`no permission to read the backup ${file}`)
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
 * A backup of another team (its header names the team) never merges: its roster and accounts would spread
 * to every member of this team. Replacing this workspace with it is allowed only when asked for by name.
 */
function checkTeam (header: BackupHeader, team: { id: string, name: string }, file: string, opts: { merge: boolean, otherTeam?: boolean }): void {
  if (header.team?.id === team.id) return
  const theirs = `team ${quote(header.team?.name ?? '?')} (id ${clip(String(header.team?.id ?? '?'), 40)})`
  const ours = `team ${quote(team.name)} (id ${team.id})`
  if (opts.merge) throw new InputError(`${file} is a backup of another ${theirs}, not of this ${ours}: merging it would bring that team's members and accounts into yours; refused`)
  if (!opts.otherTeam) throw new InputError(`${file} is a backup of another ${theirs}, not of this ${ours}: add --other-team to replace this workspace with that team's (yours is kept aside; you will only be able to change it if that team's roster lists you)`)
}

/**
 * Restores a backup into a home. Replacing keeps the current database aside (db.before-restore-<time>);
 * merging applies the backup's updates on top (a CRDT merge: nothing in either is lost).
 */
export async function restoreBackup (home: string, file: string, opts: { merge: boolean, otherTeam?: boolean }) {
  const { header, docs } = await readBackup(file)
  const paths = homePaths(home)
  const config = await readConfig(paths.config)
  if (!config) throw new StoreError('not-initialised', `no workspace in ${home}: run \`pat init --name "Your Name"\` first, then restore`)
  checkTeam(header, config.team, file, opts)
  // It writes the database directly, not through a workspace: the app's picture of the accounts goes here.
  await rm(paths.firstFrame, { force: true })
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
  if (!opts.merge) {
    await writeConfig(paths.config, { ...config, team: header.team })
    // The database is now the backup's: so is what doctor measures it against.
    await recordManifest(paths.manifest, stateVectorsOf(docs), { replace: true })
  }
  return { file, documents: docs.size, ...(keptAside ? { keptAside } : {}) }
}

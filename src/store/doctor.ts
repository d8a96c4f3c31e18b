/**
 * `pat doctor`: checks the home — that it can be written, its workspace.json, the member's identity (checked
 * by the caller, which owns keys), and that the database opens and every document decodes — and measures
 * what the database holds against what it held (the manifest written at each clean close, and the last
 * backup: store/db-manifest.ts). When the database is damaged it keeps a copy as it found it, lets LevelDB
 * repair what it can and salvages every document that still decodes into a fresh database. Whatever is
 * then missing is named document by document, and the given (or last) backup is merged in to recover it;
 * only when nothing is missing does doctor report success. A missing or unreadable workspace.json is
 * rebuilt from the database and the identity. It never deletes the damaged copy.
 */
import { access, constants, cp, rename, rm, stat } from 'node:fs/promises'
import { Level } from 'level'
import * as Y from 'yjs'
import { clip, quote } from '../domain/printable.js'
import { openDatabase, type Database } from './database.js'
import { lostChanges, readManifest, recordManifest, stateVectorsOf, unionOf, type Loss, type StateVectors } from './db-manifest.js'
import { describeLosses, docLabels, lossLines, type DocLabels } from './loss-detail.js'
import { type StoreError } from './errors.js'
import { homePaths, type HomePaths } from './home.js'
import { readConfig, writeConfig, type WorkspaceConfig } from './config.js'
import { readBackup, restoreBackup } from './backup.js'
import { WORKSPACE_DOC, workspaceRoots } from './schema.js'
import { setAside } from './debug.js'

export interface DoctorReport {
  ok: boolean
  lines: string[]
  problem?: string
  keptCopy?: string
  documents?: number
  /** Documents that did not decode. */
  lost?: string[]
  /** What is still missing compared with the manifest and the backup (after merging the backup). */
  missing?: Loss[]
}

/** The member's key as the caller found it: its member id, or what is wrong with it. */
export type IdentityCheck = { id: string } | { problem: string }

export interface DoctorOptions {
  backup?: string
  identity?: IdentityCheck
  /** Record what the database now holds as complete (after a loss nothing can recover). */
  acceptLoss?: boolean
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-')
const exists = (path: string) => stat(path).then(() => true, () => false)

export async function runDoctor (home: string, opts: DoctorOptions = {}): Promise<DoctorReport> {
  const paths = homePaths(home)
  const lines: string[] = []
  const readOnly = await notWritable(home)
  if (readOnly) return { ok: false, lines, problem: readOnly }
  // A repair or salvage writes the database directly: the app's picture of the accounts may no longer hold.
  await rm(paths.firstFrame, { force: true })
  let config: WorkspaceConfig | undefined
  let configProblem: StoreError | undefined
  try { config = await readConfig(paths.config) } catch (err) {
    if ((err as StoreError).kind === 'newer') return { ok: false, lines, problem: (err as Error).message }
    configProblem = err as StoreError
  }
  if (!config && !(await exists(paths.db))) {
    return { ok: false, lines, problem: configProblem?.message ?? `no workspace in ${home}: run \`pat init --name "Your Name"\`` }
  }
  const identityProblem = checkIdentity(opts.identity, config, lines)

  const db = await checkDatabase(paths, lines)
  if (db.locked) return { ok: false, lines, problem: db.locked }
  if (!config) {
    config = await rebuildConfig(paths, opts.identity, configProblem, lines, opts.backup)
    if (!config) return { ok: false, lines, problem: `workspace.json in ${home} is ${configProblem ? 'unreadable' : 'missing'} and cannot be rebuilt without the database's team and your identity; restore the home from a copy, or join the team again with a new invite in a new --home` }
  }
  const result = await recover(home, paths, config, db, opts, lines)
  const problem = result.problem ?? identityProblem
  return { ...result, ok: !problem, lines, ...(problem ? { problem } : {}) }
}

/** Why doctor cannot write in the home (it keeps copies there), or undefined when it can. */
async function notWritable (home: string): Promise<string | undefined> {
  try { await access(home, constants.W_OK) } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    if (code === 'EROFS') return `the home ${home} is on a read-only file system: doctor keeps a copy before repairing anything; check a writable copy instead (cp -a ${home} /tmp/pat-copy && pat --home /tmp/pat-copy doctor)`
    return `cannot write in the home ${home} (${code}): doctor keeps a copy before repairing anything; fix its permissions, or check a writable copy`
  }
  return undefined
}

function checkIdentity (identity: IdentityCheck | undefined, config: WorkspaceConfig | undefined, lines: string[]): string | undefined {
  if (!identity) return undefined
  if ('problem' in identity) {
    lines.push(`identity: ${identity.problem}`)
    return `${identity.problem}; this member cannot sync without it: restore identity/ from a copy of this home, or join the team again with a new invite in a new --home`
  }
  if (config && identity.id !== config.member.id) {
    const problem = `identity/member.key belongs to member ${identity.id}, but workspace.json says this is member ${config.member.id}: restore identity/ from a copy of this home`
    lines.push(`identity: ${problem}`)
    return problem
  }
  lines.push(`identity ok: member ${identity.id}`)
  return undefined
}

interface DatabaseState {
  /** The database could not be checked because another process holds it. */
  locked?: string
  /** Whether it opened and every document decoded, as found. */
  healthy: boolean
  /** A copy of it as found, when it was not healthy. */
  keptCopy?: string
  /** Whether anything could be read (a database exists at paths.db after salvage). */
  readable: boolean
  /** Documents that did not decode. */
  lost: string[]
}

/** Checks the database; a damaged one is copied, repaired and salvaged in place. */
async function checkDatabase (paths: HomePaths, lines: string[]): Promise<DatabaseState> {
  if (!(await exists(paths.db))) {
    lines.push('problem: the database folder is missing')
    return { healthy: false, readable: false, lost: [] }
  }
  // The copy is taken before anything opens the database: opening rewrites LevelDB's files (a new manifest,
  // the log turned into a table), and a damaged database must be kept exactly as it was found.
  const copy = `${paths.db}.damaged-${stamp()}`
  await cp(paths.db, copy, { recursive: true })
  const first = await check(paths.db)
  if (first.ok || first.error?.kind === 'locked') {
    await rm(copy, { recursive: true, force: true })
    if (!first.ok) return { locked: first.error!.message, healthy: false, readable: false, lost: [] }
    lines.push(`database opens: ${first.documents} documents decode`)
    return { healthy: true, readable: true, lost: [] }
  }
  lines.push(`problem: ${first.error?.message ?? (first.lost.length ? `${first.lost.length} document(s) do not decode` : 'the database holds no team workspace document')}`)
  lines.push(`kept a copy of the damaged database in ${copy}`)
  await repair(paths.db).catch(err => lines.push(`LevelDB repair failed: ${(err as Error).message}`))
  const salvaged = await salvage(copy, paths.db, lines)
  return { healthy: false, keptCopy: copy, readable: salvaged.ok, lost: salvaged.lost }
}

/**
 * Measures the database against the manifest and the backup, merges (or, when nothing could be read,
 * restores) the backup when anything is missing, and says exactly what is still missing.
 */
async function recover (home: string, paths: HomePaths, config: WorkspaceConfig, db: DatabaseState, opts: DoctorOptions, lines: string[]): Promise<Omit<DoctorReport, 'ok' | 'lines'>> {
  const base = { ...(db.keptCopy ? { keptCopy: db.keptCopy } : {}), ...(db.lost.length ? { lost: db.lost } : {}) }
  const backupFile = opts.backup ?? config.lastBackup
  const backupDocs = backupFile ? await usableBackup(backupFile, config, lines) : undefined
  const backup = backupDocs && stateVectorsOf(backupDocs)
  const manifest = await readManifest(paths.manifest).catch((err: Error) => { lines.push(err.message); return undefined })
  const reference = unionOf(manifest, backup)
  if (!manifest && !backup) lines.push('no manifest and no backup to compare with: what the database lost (if anything) cannot be measured')
  let held: StateVectors = db.readable ? await heldState(paths.db) : new Map()
  let missing = [...lostChanges(reference, held), ...db.lost.filter(d => !reference.has(d)).map(doc => ({ doc, missing: 'all' as const }))]
  const label = await labelsOf(paths.db, db.readable, backupDocs)
  if ((missing.length || !db.readable) && backupDocs && backupFile) {
    // Named before the merge brings it back: the backup's copy against what was recovered.
    if (missing.length) lines.push(...await entriesLost(paths.db, db.readable, missing, backupDocs, label))
    const restored = await restoreBackup(home, backupFile, { merge: db.readable })
    lines.push(`${db.readable ? 'merged' : 'restored'} ${restored.documents} documents from the backup ${backupFile}${missing.length ? ': what it holds of the above is back' : ''}`)
    held = await heldState(paths.db)
    missing = lostChanges(reference, held)
  }
  const documents = held.size
  if (!db.readable && documents === 0) {
    const where = db.keptCopy ? ` (the damaged copy is in ${db.keptCopy})` : ''
    if (missing.length) lines.push(`missing: ${describeLosses(missing, label)}`)
    const what = missing.length ? ` (lost: ${describeLosses(missing.slice(0, 5), label)}${missing.length > 5 ? ', …' : ''})` : ''
    return { ...base, documents, missing, problem: `the database could not be recovered${what}; restore a backup with \`pat doctor --from-backup FILE\`${where}` }
  }
  if (missing.length === 0 || opts.acceptLoss) {
    if (missing.length) lines.push(`accepted as lost: ${describeLosses(missing, label)}`)
    await recordManifest(paths.manifest, held, { replace: true })
    lines.push(db.healthy && !backup && !manifest ? `database ok: ${documents} documents` : `database ok: ${documents} documents, nothing missing`)
    return { ...base, documents }
  }
  lines.push(`missing: ${describeLosses(missing, label)}`)
  const where = db.keptCopy ? ` (the damaged copy is kept in ${db.keptCopy})` : ''
  return {
    ...base,
    documents,
    missing,
    problem: `${missing.length} document(s) lost changes that no backup here holds: ${describeLosses(missing.slice(0, 5), label)}${missing.length > 5 ? ', …' : ''}${where}; merge an older backup with \`pat doctor --from-backup FILE\`, or record the loss with \`pat doctor --accept-loss\``
  }
}

/** The backup's documents when it can be read and belongs to this team; else why not, as a line. */
async function usableBackup (file: string, config: WorkspaceConfig, lines: string[]): Promise<Map<string, Uint8Array> | undefined> {
  try {
    const { header, docs } = await readBackup(file)
    if (header.team?.id !== config.team.id) {
      lines.push(`not using the backup ${file}: it is of another team ${quote(header.team?.name ?? '?')}`)
      return undefined
    }
    return docs
  } catch (err) {
    lines.push(`cannot use the backup ${file}: ${(err as Error).message}`)
    return undefined
  }
}

/** Documents named by their accounts' names, from the recovered directory or the backup's. */
async function labelsOf (path: string, readable: boolean, backupDocs: Map<string, Uint8Array> | undefined): Promise<DocLabels> {
  const recovered = readable ? (await readDocs(path, [WORKSPACE_DOC])).get(WORKSPACE_DOC) : undefined
  const update = backupDocs?.get(WORKSPACE_DOC)
  const backup = update ? new Y.Doc() : undefined
  if (backup && update) Y.applyUpdate(backup, update)
  return docLabels(recovered, backup)
}

/** What each missing document lost, entry by entry, as the backup's copy shows it. */
async function entriesLost (path: string, readable: boolean, missing: readonly Loss[], backupDocs: Map<string, Uint8Array>, label: DocLabels): Promise<string[]> {
  const recovered = readable ? await readDocs(path, missing.map(m => m.doc)) : new Map<string, Y.Doc>()
  return lossLines(missing, backupDocs, name => recovered.get(name), label)
}

/** The named documents that are stored and decode. */
async function readDocs (path: string, names: readonly string[]): Promise<Map<string, Y.Doc>> {
  const db = await openDatabase(path, { createIfMissing: false })
  const out = new Map<string, Y.Doc>()
  try {
    for (const name of names) {
      if (await db.hasDoc(name)) out.set(name, await readDoc(db, name).catch(() => new Y.Doc()))
    }
  } finally {
    await db.close()
  }
  return out
}

/** Every document's state vector, as the database holds it now. */
async function heldState (path: string): Promise<StateVectors> {
  const db = await openDatabase(path, { createIfMissing: false })
  const out: StateVectors = new Map()
  try {
    for (const name of await db.persistence.getAllDocNames()) {
      try {
        const doc = await readDoc(db, name)
        out.set(name, Y.encodeStateVector(doc))
        doc.destroy()
      } catch { /* counted as lost by the check that found it */ }
    }
  } finally {
    await db.close()
  }
  return out
}

/**
 * workspace.json again, from what the database says of the team and the identity says of the member (a
 * corrupt file is kept beside it). Undefined when either is not there.
 */
async function rebuildConfig (paths: HomePaths, identity: IdentityCheck | undefined, problem: StoreError | undefined, lines: string[], backupFile?: string): Promise<WorkspaceConfig | undefined> {
  if (!identity || 'problem' in identity) return undefined
  const team = await teamOf(paths.db, identity.id).catch(setAside('doctor: reading the team from the database')) ?? // then from the backup
    (backupFile ? await readBackup(backupFile).then(b => ({ ...b.header.team, createdAt: b.header.createdAt, memberName: undefined }), () => undefined) : undefined)
  if (!team) return undefined
  if (problem && await exists(paths.config)) {
    const kept = `${paths.config}.damaged-${stamp()}`
    await rename(paths.config, kept)
    lines.push(`kept the unreadable workspace.json as ${kept}`)
  }
  const config: WorkspaceConfig = { version: 1, member: { id: identity.id, name: team.memberName ?? 'Me' }, team: { id: team.id, name: team.name }, createdAt: team.createdAt }
  await writeConfig(paths.config, config)
  lines.push(`rebuilt workspace.json: team ${quote(team.name)} (id ${team.id}), member ${clip(config.member.name, 40)} (id ${identity.id})`)
  return config
}

/** The team named in the database's workspace document, and this member's name in its roster. */
async function teamOf (path: string, memberId: string): Promise<{ id: string, name: string, createdAt: string, memberName: string | undefined } | undefined> {
  const db = await openDatabase(path, { createIfMissing: false })
  try {
    const doc = await readDoc(db, WORKSPACE_DOC)
    const { team, members } = workspaceRoots(doc)
    const id = team.get('id')
    if (typeof id !== 'string') return undefined
    return { id, name: String(team.get('name') ?? 'Team'), createdAt: String(team.get('createdAt') ?? new Date().toISOString()), memberName: members.get(memberId)?.name }
  } finally {
    await db.close()
  }
}

async function check (path: string): Promise<{ ok: boolean, documents: number, lost: string[], error?: StoreError }> {
  let db: Database
  try { db = await openDatabase(path, { createIfMissing: false }) } catch (err) {
    return { ok: false, documents: 0, lost: [], error: err as StoreError }
  }
  try {
    const names = await db.persistence.getAllDocNames()
    const lost: string[] = []
    for (const name of names) {
      try { (await readDoc(db, name)).destroy() } catch { lost.push(name) }
    }
    return { ok: lost.length === 0 && names.includes(WORKSPACE_DOC), documents: names.length, lost }
  } catch (err) {
    return { ok: false, documents: 0, lost: [], error: err as StoreError }
  } finally {
    await db.close()
  }
}

/** A document from its stored updates; reading only (y-leveldb's getYDoc would rewrite a long log). */
async function readDoc (db: Database, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  try {
    for (const update of (await db.readUpdates(name)).updates) Y.applyUpdate(doc, update)
  } catch (err) {
    doc.destroy()
    throw err
  }
  return doc
}

function repair (path: string): Promise<void> {
  // classic-level (Level on Node) has a static repair(); the `level` package's types do not declare it.
  const L = Level as unknown as { repair?: (p: string) => Promise<void> }
  return L.repair ? L.repair(path) : Promise.resolve()
}

/** Copies every document that decodes from the (repaired) database into a fresh one at `target`. */
async function salvage (damagedCopy: string, target: string, lines: string[]): Promise<{ ok: boolean, documents: number, lost: string[] }> {
  let source: Database
  try { source = await openDatabase(target, { createIfMissing: false }) } catch (err) {
    lines.push(`cannot open the database even after repair: ${(err as Error).message}`)
    await rm(target, { recursive: true, force: true })
    return { ok: false, documents: 0, lost: [] }
  }
  const docs = new Map<string, Uint8Array>()
  const lost: string[] = []
  try {
    for (const name of await source.persistence.getAllDocNames().catch(() => [] as string[])) {
      try {
        const doc = await readDoc(source, name)
        docs.set(name, Y.encodeStateAsUpdate(doc))
        doc.destroy()
      } catch { lost.push(name) }
    }
  } finally {
    await source.close()
  }
  const fresh = `${target}.salvage`
  await rm(fresh, { recursive: true, force: true })
  const out = await openDatabase(fresh)
  await out.storeUpdates([...docs].map(([doc, update]) => ({ doc, update })))
  await out.close()
  await rm(target, { recursive: true, force: true })
  await rename(fresh, target)
  lines.push(`salvaged ${docs.size} documents${lost.length ? `; unreadable: ${lost.join(', ')}` : ''} (damaged original kept in ${damagedCopy})`)
  if (!docs.has(WORKSPACE_DOC)) lost.push(WORKSPACE_DOC)
  return { ok: docs.size > 0, documents: docs.size, lost }
}

/**
 * `pat doctor`: checks that the database opens and every document decodes. When it does not, it keeps a
 * copy of the damaged database as it found it, lets LevelDB repair what it can, salvages every document
 * that still decodes into a fresh database, and — if documents were lost or nothing opens — restores the
 * given (or last) backup. It never deletes the damaged copy.
 */
import { cp, rename, rm } from 'node:fs/promises'
import { Level } from 'level'
import * as Y from 'yjs'
import { openDatabase, type Database } from './database.js'
import { StoreError } from './errors.js'
import { homePaths } from './home.js'
import { readConfig } from './config.js'
import { restoreBackup } from './backup.js'

export interface DoctorReport { ok: boolean, lines: string[], problem?: string, keptCopy?: string, documents?: number, lost?: string[] }

export async function runDoctor (home: string, opts: { backup?: string } = {}): Promise<DoctorReport> {
  const paths = homePaths(home)
  const lines: string[] = []
  const config = await readConfig(paths.config).catch((err: Error) => { lines.push(err.message); return undefined })
  if (!config) return { ok: false, lines, problem: `no usable workspace config in ${home}; run \`pat init\` or restore its workspace.json` }

  // The copy is taken before anything opens the database: opening rewrites LevelDB's files (a new manifest,
  // the log turned into a table), and a damaged database must be kept exactly as it was found.
  const copy = `${paths.db}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
  await cp(paths.db, copy, { recursive: true })
  const first = await check(paths.db)
  if (first.ok || first.error?.kind === 'locked') {
    await rm(copy, { recursive: true, force: true })
    if (!first.ok) return { ok: false, lines, problem: first.error!.message }
    lines.push(`database ok: ${first.documents} documents open and decode`)
    return { ok: true, lines, documents: first.documents }
  }
  lines.push(`problem: ${first.error?.message ?? `${first.lost.length} document(s) do not decode`}`)
  lines.push(`kept a copy of the damaged database in ${copy}`)
  await repair(paths.db).catch(err => lines.push(`LevelDB repair failed: ${(err as Error).message}`))

  const salvaged = await salvage(copy, paths.db, lines)
  const backup = opts.backup ?? config.lastBackup
  if (salvaged.ok && salvaged.lost.length === 0) {
    lines.push(`recovered all ${salvaged.documents} readable documents`)
    return { ok: true, lines, keptCopy: copy, documents: salvaged.documents }
  }
  if (backup) {
    const restored = await restoreBackup(home, backup, { merge: salvaged.ok })
    lines.push(`${salvaged.ok ? 'merged' : 'restored'} ${restored.documents} documents from the backup ${backup}`)
    return { ok: true, lines, keptCopy: copy, documents: restored.documents, lost: salvaged.lost }
  }
  const problem = salvaged.ok
    ? `recovered ${salvaged.documents} documents, but ${salvaged.lost.length} could not be read (${salvaged.lost.join(', ')}); restore a backup with \`pat doctor --from-backup FILE\``
    : `the database could not be recovered; restore a backup with \`pat doctor --from-backup FILE\` (the damaged copy is in ${copy})`
  return { ok: salvaged.ok && salvaged.lost.length === 0, lines, problem, keptCopy: copy, lost: salvaged.lost }
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
    return { ok: lost.length === 0 && names.includes('workspace'), documents: names.length, lost }
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
  if (!docs.has('workspace')) lost.push('workspace')
  return { ok: docs.size > 0, documents: docs.size, lost }
}

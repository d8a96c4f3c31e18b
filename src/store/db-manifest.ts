/**
 * The database manifest, `db-manifest.json` beside the database: every document's Yjs state vector as of
 * the last clean close. It is what `pat doctor` measures a repaired database against — LevelDB's repair
 * and our salvage keep what still reads and say nothing of what is gone, so without a record of what the
 * database held, a lost table looks like a healthy database with fewer accounts.
 *
 * Limits: it is written when a workspace closes (merged with what it held, for documents this process
 * never opened), so edits after the last clean close (a `kill -9`) are not in it; doctor also measures
 * against the last backup, which covers what that holds.
 */
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { readJsonFile, writeFileAtomic } from './files.js'
import { setAside } from './debug.js'

interface ManifestFile { version: 1, writtenAt: string, docs: Record<string, string> }

/** Document name → state vector. */
export type StateVectors = Map<string, Uint8Array>

export async function readManifest (path: string): Promise<StateVectors | undefined> {
  const file = await readJsonFile(path, 'the database manifest', 'delete it; the next clean close writes it again', value => {
    const m = value as ManifestFile
    if (m?.version !== 1 || typeof m.docs !== 'object' || m.docs === null) throw new Error('missing fields')
    return m
  })
  return file && new Map(Object.entries(file.docs).map(([name, sv]) => [name, new Uint8Array(Buffer.from(sv, 'base64'))]))
}

/** Records the given documents' state vectors, keeping the entries of the others; unchanged: no write. */
export async function recordManifest (path: string, docs: StateVectors, opts: { replace?: boolean } = {}): Promise<void> {
  const old = opts.replace ? undefined : await readManifest(path).catch(setAside('an unreadable manifest is written afresh'))
  const merged = new Map(old ?? [])
  let changed = !old
  for (const [name, sv] of docs) {
    if (!changed && !sameBytes(merged.get(name), sv)) changed = true
    merged.set(name, sv)
  }
  if (!changed) return
  const file: ManifestFile = { version: 1, writtenAt: new Date().toISOString(), docs: Object.fromEntries([...merged].map(([n, sv]) => [n, Buffer.from(sv).toString('base64')])) }
  await writeFileAtomic(path, JSON.stringify(file) + '\n', 0o600)
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && a.length === b.length && a.every((x, i) => x === b[i])

/** Both references joined: per document and client, the higher clock. */
export function unionOf (...all: Array<StateVectors | undefined>): StateVectors {
  const out = new Map<string, Map<number, number>>()
  for (const svs of all) {
    for (const [name, sv] of svs ?? []) {
      const clocks = out.get(name) ?? new Map<number, number>()
      for (const [client, clock] of Y.decodeStateVector(sv)) clocks.set(client, Math.max(clock, clocks.get(client) ?? 0))
      out.set(name, clocks)
    }
  }
  return new Map([...out].map(([name, clocks]) => [name, encodeClocks(clocks)]))
}

/** A state vector's encoding (as Y.encodeStateVector writes it): count, then (client, clock) pairs. */
function encodeClocks (clocks: Map<number, number>): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, clocks.size)
  for (const [client, clock] of [...clocks].sort((a, b) => b[0] - a[0])) {
    encoding.writeVarUint(enc, client)
    encoding.writeVarUint(enc, clock)
  }
  return encoding.toUint8Array(enc)
}

export interface Loss { doc: string, missing: 'all' | number }

/**
 * What `recovered` lacks of `reference`: documents gone entirely, and for the others how many changes
 * (Yjs clock ticks: inserted characters, set keys) of any client are missing.
 */
export function lostChanges (reference: StateVectors, recovered: StateVectors): Loss[] {
  const out: Loss[] = []
  for (const [doc, sv] of [...reference].sort(([a], [b]) => a.localeCompare(b))) {
    const want = Y.decodeStateVector(sv)
    const got = recovered.get(doc)
    if (!got) { if (want.size) out.push({ doc, missing: 'all' }); continue }
    const have = Y.decodeStateVector(got)
    let missing = 0
    for (const [client, clock] of want) missing += Math.max(0, clock - (have.get(client) ?? 0))
    if (missing > 0) out.push({ doc, missing })
  }
  return out
}

/** State vectors of a document set given as full updates (a backup's contents). */
export function stateVectorsOf (updates: Map<string, Uint8Array>): StateVectors {
  return new Map([...updates].map(([name, u]) => [name, Y.encodeStateVectorFromUpdate(u)]))
}

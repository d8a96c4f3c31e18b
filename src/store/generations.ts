/**
 * Generations: a name for the stored state of a part of the database, so that a value derived from that
 * part and kept outside it (store/range-aggregate.ts, store/directory-snapshot.ts, store/output-cache.ts) can say which state it
 * was derived from, and is read only while that is still the state.
 *
 * A generation is a random token, replaced with a new one by every batch that writes a key of its part, in
 * that same atomic batch (store/database.ts does it where every write passes, so no writer can forget).
 * Random rather than counted: a database that is replaced (a restore, a doctor salvage, a copy put back from
 * an older backup of the home) never shows a token that a derived file of another history was stamped
 * with, even where it reaches the same update clocks. A database that has no token for a part yet (made
 * before generations existed) gets one the first time it is asked; until then nothing derived matches.
 *
 * Keys (y-leveldb's key encoding): ['pat', 'generation', name] → 8 random bytes.
 *   summaries  the per-account summaries and due inputs (['pat', 'summary' | 'due', …], store/summary-cache.ts)
 *   workspace  the workspace document's stored updates (['v1', 'workspace', …] and ['v1_sv', 'workspace'])
 *   seen       this machine's "last seen" marks (['pat', 'seen', …], store/seen-marks.ts): the list's unseen counts
 */
import { Buffer } from 'node:buffer'
import { randomBytes } from 'node:crypto'
import type { Key } from './database.js'
import { WORKSPACE_DOC } from './schema.js'

export type GenerationName = 'summaries' | 'workspace' | 'seen'

const PARTS: Readonly<Record<GenerationName, (key: Key) => boolean>> = {
  summaries: key => key[0] === 'pat' && (key[1] === 'summary' || key[1] === 'due'),
  workspace: key => (key[0] === 'v1' || key[0] === 'v1_sv') && key[1] === WORKSPACE_DOC,
  seen: key => key[0] === 'pat' && key[1] === 'seen'
}

export const GENERATION_NAMES = Object.keys(PARTS) as GenerationName[]

export const generationKey = (name: GenerationName): Key => ['pat', 'generation', name]

/** The generations a batch of these keys writes to. */
export function touchedGenerations (ops: ReadonlyArray<{ key: Key }>): GenerationName[] {
  return GENERATION_NAMES.filter(name => ops.some(op => PARTS[name](op.key)))
}

export const newToken = (): Buffer => randomBytes(8)

export const tokenText = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')

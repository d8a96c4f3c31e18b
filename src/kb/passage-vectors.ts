/**
 * The passages' meaning vectors, dist/kb-vectors.bin, built with the index (`npm run build`): per passage,
 * one vector for its title, each of its sentences and each phrase team members ask for it with
 * (content/asked.json), the mean of them all taken off (meaning-words.ts `centred`). A query reads the
 * vectors of its few candidates only: one small read each.
 *
 * Format, little-endian:
 *   magic 'PATPV001' (8 bytes) · u32 dims · u32 sections · u32 units · u32 fingerprint length (bytes)
 *   the fingerprint (UTF-8) of the index the vectors were built from
 *   f32 × dims: the mean taken off every unit (and off a query)
 *   u32 × sections: each section's first unit · u32 × sections: its unit count (a long section's parts share
 *   the passage's units)
 *   units: f32 scale · dims × i8 (value = i8 × scale; each unit of length ~1)
 * `readPassageVectors` rejects a file whose magic or sizes do not add up.
 */
import { closeSync } from 'node:fs'
import { centred, meaningWords, textVector } from './meaning-words.js'
import { maxDot } from './max-dot.js'
import { baseId, firstParts } from './outline.js'
import { openTable, readAt } from './table-file.js'
import { plain, sentences } from './text.js'
import type { KbIndex } from './types.js'
import { quantize, type WordVectors } from './word-vectors.js'

const MAGIC = 'PATPV001'
const HEAD = 24

/** Per passage (its first part), the texts that stand for it: titles, sentences, asked phrases (each once). */
function passageTexts (idx: KbIndex, asked: Readonly<Record<string, readonly string[]>>): Map<number, string[]> {
  const first = firstParts(idx)
  const texts = new Map<number, Set<string>>()
  idx.sections.forEach((s, i) => {
    let set = texts.get(first[i]!)
    if (!set) { set = new Set(asked[baseId(s.id)] ?? []); texts.set(first[i]!, set) }
    set.add(s.title)
    for (const t of sentences(plain(s.text))) set.add(t)
  })
  return new Map([...texts].map(([f, set]) => [f, [...set]]))
}

/** The file's bytes for an index, the phrases asked for its passages and a word-vector table. */
export function buildPassageVectors (idx: KbIndex, asked: Readonly<Record<string, readonly string[]>>, table: WordVectors): Buffer {
  const dims = table.dims
  const first = firstParts(idx)
  const byPassage = new Map<number, Float32Array[]>()
  const mean = new Float32Array(dims)
  let count = 0
  for (const [f, texts] of passageTexts(idx, asked)) {
    const units = texts.map(t => textVector(meaningWords(t), table)).filter((v): v is Float32Array => v !== undefined)
    byPassage.set(f, units)
    for (const u of units) { count++; for (let d = 0; d < dims; d++) mean[d]! += u[d]! }
  }
  if (count > 0) for (let d = 0; d < dims; d++) mean[d]! /= count
  const n = idx.sections.length
  const fp = Buffer.from(idx.fingerprint, 'utf8')
  const head = Buffer.alloc(HEAD + fp.length + 4 * dims + 8 * n)
  head.write(MAGIC, 0, 'latin1')
  head.writeUInt32LE(dims, 8); head.writeUInt32LE(n, 12); head.writeUInt32LE(count, 16); head.writeUInt32LE(fp.length, 20)
  fp.copy(head, HEAD)
  let p = HEAD + fp.length
  for (let d = 0; d < dims; d++, p += 4) head.writeFloatLE(mean[d]!, p)
  const startOf = new Map<number, number>()
  let at = 0
  for (const [f, units] of byPassage) { startOf.set(f, at); at += units.length }
  for (let i = 0; i < n; i++) {
    head.writeUInt32LE(startOf.get(first[i]!)!, p + 4 * i)
    head.writeUInt32LE(byPassage.get(first[i]!)!.length, p + 4 * (n + i))
  }
  const body = Buffer.alloc(count * (4 + dims))
  let q = 0
  for (const units of byPassage.values()) {
    for (const u of units) {
      const { scale, bytes } = quantize(centred(u, mean))
      body.writeFloatLE(scale, q); body.set(new Uint8Array(bytes.buffer), q + 4); q += 4 + dims
    }
  }
  return Buffer.concat([head, body])
}

export interface PassageVectors {
  dims: number
  /** How many sections the vectors are for: the index's first ones (a team's own come after them). */
  sections: number
  fingerprint: string
  mean: Float32Array
  /** The highest cosine of `query` (centred, length 1) to one of section i's units; undefined past `sections`. */
  nearest: (i: number, query: Float32Array) => number | undefined
  close: () => void
}

/** The passages' vectors in the file at `path`; undefined when it is missing or not one. */
export function readPassageVectors (path: string): PassageVectors | undefined {
  const file = openTable(path, MAGIC, HEAD)
  if (!file) return undefined
  const { fd, size, head } = file
  try {
    const [dims, sections, units, fpLength] = [8, 12, 16, 20].map(o => head.readUInt32LE(o)) as [number, number, number, number]
    const tableAt = HEAD + fpLength + 4 * dims
    const unitsAt = tableAt + 8 * sections
    if (dims === 0 || dims > 4096 || unitsAt + units * (4 + dims) !== size) throw new Error('passage vectors: sizes disagree')
    const rest = readAt(fd, HEAD, unitsAt - HEAD)
    if (!rest) throw new Error('passage vectors: file too short')
    const fingerprint = rest.toString('utf8', 0, fpLength)
    const mean = new Float32Array(dims)
    for (let d = 0; d < dims; d++) mean[d] = rest.readFloatLE(fpLength + 4 * d)
    const table = (k: number): number => rest.readUInt32LE(tableAt - HEAD + 4 * k)
    const read = new Map<number, Buffer>()
    const nearest = (i: number, query: Float32Array): number | undefined => {
      if (i >= sections || query.length !== dims) return undefined
      const count = table(sections + i)
      // (a range past the units, from a damaged file, counts as none)
      if (count === 0 || table(i) + count > units) return undefined
      // (a passage's units are read once and kept: in the app a query after the first reads no file)
      let block = read.get(i)
      if (!block) {
        block = readAt(fd, unitsAt + table(i) * (4 + dims), count * (4 + dims))
        if (!block) return undefined
        read.set(i, block)
      }
      return maxDot(query, block, count)
    }
    return { dims, sections, fingerprint, mean, nearest, close: () => { try { closeSync(fd) } catch { /* already closed */ } } }
  } catch {
    closeSync(fd)
    return undefined
  }
}

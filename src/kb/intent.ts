/**
 * Step 10 of ranking (docs/search.md): which passage the query asks for, by the intent model trained when
 * the index was built (intent-train.ts) on the phrases team members ask for each passage. Each candidate
 * scores its share of the best candidate's score plus `weight` × the model's probability for its passage
 * among the candidates' (softmax over their logits alone: the 272 passages' whole softmax ranked the same
 * and cost a cold search more): a confident model lifts the passage it names, an unsure one (its
 * probability spread over the candidates) changes little. The query is the normalised sum of its words'
 * vectors: the model's trained ones, else the shipped GloVe table's (word-vectors.bin).
 * Without the model's files (not built, damaged, or built for other content) the ranking stays as it was.
 *
 * dist/kb-intent.bin, little-endian:
 *   magic 'PATIM001' (8 bytes) · u32 dims · u32 passages · u32 fingerprint length (bytes) · f32 temperature
 *   the fingerprint (UTF-8) of the index the model was trained for
 *   u32 × passages: each passage's first section · f32 × passages: its bias
 *   per passage its row: f32 scale · dims × i8 (value = i8 × scale), as passage-vectors.ts stores units
 * dist/kb-intent-words.bin: the model's trained word vectors, a table as word-vectors.ts writes one.
 * `readIntentModel` rejects a file whose magic or sizes do not add up.
 */
import { closeSync } from 'node:fs'
import type { IntentModel } from './intent-train.js'
import { builtFor, builtIntentPaths } from './load.js'
import { maxDot } from './max-dot.js'
import { textVector } from './meaning-words.js'
import { oncePerIndex } from './memo.js'
import { firstParts } from './outline.js'
import { openTable, readAt } from './table-file.js'
import type { KbIndex } from './types.js'
import { quantize, readWordVectors, writeWordVectors, type WordVectors } from './word-vectors.js'

const MAGIC = 'PATIM001'
const HEAD = 24

/** The two files' bytes for a trained model of this index. */
export function intentFiles (model: IntentModel, idx: KbIndex): { model: Buffer, words: Buffer } {
  const { dims, sections } = model
  const n = sections.length
  const fp = Buffer.from(idx.fingerprint, 'utf8')
  const out = Buffer.alloc(HEAD + fp.length + 8 * n + n * (4 + dims))
  out.write(MAGIC, 0, 'latin1')
  out.writeUInt32LE(dims, 8); out.writeUInt32LE(n, 12); out.writeUInt32LE(fp.length, 16); out.writeFloatLE(model.temperature, 20)
  fp.copy(out, HEAD)
  let p = HEAD + fp.length
  sections.forEach((s, c) => { out.writeUInt32LE(s, p + 4 * c); out.writeFloatLE(model.bias[c]!, p + 4 * (n + c)) })
  p += 8 * n
  for (let c = 0; c < n; c++, p += 4 + dims) {
    const { scale, bytes } = quantize(model.rows.subarray(c * dims, (c + 1) * dims))
    out.writeFloatLE(scale, p); out.set(new Uint8Array(bytes.buffer), p + 4)
  }
  return { model: out, words: writeWordVectors(model.words, dims) }
}

export interface Intent {
  dims: number
  fingerprint: string
  /**
   * The model's logit for each of these sections' passages (by their first section; NaN for a section of no
   * passage it knows), for a query's meaning vector (length 1).
   */
  logits: (query: Float32Array, sections: readonly number[]) => Float64Array
  /** Its trained word vectors. */
  words: WordVectors
  close: () => void
}

/** The model in the files at `paths` for an index of `sections` sections; undefined when either is missing or not one. */
export function readIntentModel (paths: { model: string, words: string }, sections: number): Intent | undefined {
  const file = openTable(paths.model, MAGIC, HEAD)
  if (!file) return undefined
  const { fd, size, head } = file
  try {
    const [dims, n, fpLength] = [8, 12, 16].map(o => head.readUInt32LE(o)) as [number, number, number]
    const temperature = head.readFloatLE(20)
    const rowsAt = HEAD + fpLength + 8 * n
    if (dims === 0 || dims > 4096 || rowsAt + n * (4 + dims) !== size || !(temperature > 0)) throw new Error('intent model: sizes disagree')
    const rest = readAt(fd, HEAD, size - HEAD)
    if (!rest) throw new Error('intent model: file too short')
    const fingerprint = rest.toString('utf8', 0, fpLength)
    const rowOf = new Int32Array(sections).fill(-1)
    for (let c = 0; c < n; c++) {
      const owner = rest.readUInt32LE(fpLength + 4 * c)
      if (owner >= sections) throw new Error('intent model: a passage past the index')
      rowOf[owner] = c
    }
    const words = readWordVectors(paths.words)
    if (!words || words.dims !== dims) { words?.close(); throw new Error('intent model: no word table') }
    const rowsFrom = rowsAt - HEAD
    // (the WebAssembly loop of nearness in meaning, on one row: in JavaScript a cold search spent ~2 ms here)
    const logit = (h: Float32Array, c: number): number =>
      rest.readFloatLE(fpLength + 4 * (n + c)) + temperature * maxDot(h, rest.subarray(rowsFrom + c * (4 + dims), rowsFrom + (c + 1) * (4 + dims)), 1)
    const logits = (h: Float32Array, wanted: readonly number[]): Float64Array =>
      Float64Array.from(wanted, i => (rowOf[i]! >= 0 && h.length === dims ? logit(h, rowOf[i]!) : NaN))
    return { dims, fingerprint, logits, words, close: () => { words.close(); try { closeSync(fd) } catch { /* already closed */ } } }
  } catch {
    closeSync(fd)
    return undefined
  }
}

/**
 * The model for an index, opened once: undefined when a file is missing or damaged, or the model was trained
 * for other content (a team's own documents come after the shipped ones: the model knows none of them).
 */
export const intentModel = oncePerIndex((idx: KbIndex): Intent | undefined => {
  const model = readIntentModel(builtIntentPaths(), idx.sections.length)
  if (model && builtFor(idx, model.fingerprint)) return model
  model?.close()
  return undefined
})

/**
 * The candidates (section, score) ordered, for a query's meaning words (meaning-words.ts), by their share of
 * the best score + weight × the model's probability for their passage among the candidates' passages (softmax over their logits; a long
 * section's parts share their first part's). A passage the model does not know (a team's own) counts the
 * known ones' mean probability: neither lifted nor pushed down. A query of one word is left as it is.
 */
export function byIntent (idx: KbIndex, ranked: ReadonlyArray<[number, number]>, words: readonly string[], weight: number, model: Intent | undefined, glove: WordVectors | undefined): Array<[number, number]> {
  // (one word names a term rather than asking a question: the model, trained on questions, is not asked —
  // on "PFI" it lifted a passage whose phrases mention PFIs above the one that names them)
  if (!model || ranked.length < 2 || weight <= 0 || words.length < 2) return [...ranked]
  const first = firstParts(idx)
  const passages = [...new Set(ranked.map(([i]) => first[i]!))]
  const h = textVector(words, ownThenGlove(model, glove))
  const top = Math.max(...ranked.map(([, s]) => s))
  const p = h && top > 0 ? softmaxKnown(model.logits(h, passages)) : undefined
  if (!p) return [...ranked]
  const share = new Map(passages.map((f, k) => [f, p[k]!]))
  return ranked.map(([i, s]): [number, number] => [i, s / top + weight * share.get(first[i]!)!]).sort((a, b) => b[1] - a[1])
}

/** The model's own vector for a word it was trained on, else GloVe's. */
function ownThenGlove (model: Intent, glove: WordVectors | undefined): WordVectors {
  const other = glove?.dims === model.dims ? glove : undefined
  return { dims: model.dims, lookup: w => model.words.lookup(w) ?? other?.lookup(w), close: () => {} }
}

/** Softmax over the known logits; an unknown one (NaN) gets their mean probability; undefined when none is known. */
export function softmaxKnown (logits: Float64Array): Float64Array | undefined {
  let max = -Infinity
  for (const l of logits) if (l > max) max = l
  if (max === -Infinity) return undefined
  const e = logits.map(l => Math.exp(l - max))
  let z = 0
  let known = 0
  for (const v of e) if (!Number.isNaN(v)) { z += v; known++ }
  return e.map(v => (Number.isNaN(v) ? 1 / known : v / z))
}

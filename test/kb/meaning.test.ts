// Nearness in meaning: the word-vector table and the passages' vectors read back what was written (and
// nothing from a damaged file), the WebAssembly loop computes what the JavaScript one does, and the last
// ranking step lifts the candidate whose sentence means what the query asks, leaving the order alone when
// it cannot tell.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { HANDBOOK, writeTable } from '../helpers/handbook.js'
import { buildIndex } from '../../src/kb/build-index.js'
import { loadIndex } from '../../src/kb/load.js'
import { byMeaning, meaningTables } from '../../src/kb/meaning.js'
import { meaningWords } from '../../src/kb/meaning-words.js'
import { maxDot, maxDotJs } from '../../src/kb/max-dot.js'
import { buildPassageVectors, readPassageVectors } from '../../src/kb/passage-vectors.js'
import { search } from '../../src/kb/search.js'
import { splitSections } from '../../src/kb/sections.js'
import { WEIGHTS } from '../../src/kb/weights.js'
import { readWordVectors, writeWordVectors } from '../../src/kb/word-vectors.js'

const dir = mkdtempSync(join(tmpdir(), 'pat-meaning-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Four directions of meaning: money, freight, people, time. Words of one sense point alike.
const VECTORS: Array<[string, number[]]> = [
  ['cost', [1, 0, 0, 0]], ['costs', [1, 0.1, 0, 0]], ['money', [0.9, 0, 0.1, 0]], ['save', [0.8, 0, 0, 0.1]], ['reduced', [0.8, 0.1, 0, 0]],
  ['freight', [0, 1, 0, 0]], ['transportation', [0.1, 0.9, 0, 0]], ['shippers', [0, 0.8, 0.2, 0]],
  ['officers', [0, 0, 1, 0]], ['staff', [0, 0, 0.9, 0.1]], ['trained', [0, 0.1, 0.8, 0]],
  ['monthly', [0, 0, 0, 1]], ['meet', [0, 0, 0.3, 0.8]], ['review', [0.1, 0, 0, 0.9]]
]
const tablePath = writeTable(dir, VECTORS)
const DOC = HANDBOOK

describe('the word-vector table', () => {
  it('finds each word it was written with, one byte a number, and no other word', () => {
    const table = readWordVectors(tablePath)!
    expect(table.dims).toBe(4)
    for (const [w, v] of VECTORS) {
      const got = [...table.lookup(w)!]
      got.forEach((x, d) => expect(x).toBeCloseTo(v[d]!, 2))
    }
    expect(table.lookup('harbour')).toBeUndefined()
    expect(table.lookup('')).toBeUndefined()
    table.close()
  })

  it('is no table when the file is missing, not one, or cut short', () => {
    expect(readWordVectors(join(dir, 'none.bin'))).toBeUndefined()
    writeFileSync(join(dir, 'text.bin'), 'PATWV001 but then words')
    expect(readWordVectors(join(dir, 'text.bin'))).toBeUndefined()
    const bytes = readFileSync(tablePath)
    writeFileSync(join(dir, 'short.bin'), bytes.subarray(0, bytes.length - 10))
    expect(readWordVectors(join(dir, 'short.bin'))).toBeUndefined()
  })

  it('refuses to write a word it could not read back', () => {
    expect(() => writeWordVectors([['two words', [1, 2, 3, 4]]], 4)).toThrow(/bad entry/)
    expect(() => writeWordVectors([['short', [1, 2]]], 4)).toThrow(/bad entry/)
  })
})

describe('the loop over a passage’s units', () => {
  it('gives in WebAssembly what it gives in JavaScript: the highest scale × dot product', () => {
    let seed = 7
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (const [dims, count] of [[4, 1], [100, 37], [100, 700], [7, 3]] as const) {
      const query = Float32Array.from({ length: dims }, () => rnd() * 2 - 1)
      const units = new Uint8Array(count * (4 + dims))
      const view = new DataView(units.buffer)
      for (let u = 0; u < count; u++) {
        view.setFloat32(u * (4 + dims), rnd() / 100, true)
        for (let d = 0; d < dims; d++) units[u * (4 + dims) + 4 + d] = Math.floor(rnd() * 256)
      }
      expect(maxDot(query, units, count)).toBeCloseTo(maxDotJs(query, units, count), 4)
    }
    expect(maxDot(new Float32Array(4), new Uint8Array(0), 0)).toBe(-Infinity)
  })
})

describe('the passages’ vectors', () => {
  const idx = buildIndex(splitSections({ markdown: DOC, fallbackId: 'h' }), 'shipped-fp')
  const table = readWordVectors(tablePath)!
  const path = join(dir, 'passages.bin')
  writeFileSync(path, buildPassageVectors(idx, { 'h/staffing': ['who teaches the staff'] }, table))
  const at = (title: string) => idx.sections.findIndex(s => s.title === title)

  it('reads back one vector per title, sentence and asked phrase, nearest where the meaning is', () => {
    const pv = readPassageVectors(path)!
    expect(pv.sections).toBe(idx.sections.length)
    expect(pv.fingerprint).toBe('shipped-fp')
    const tables = { words: table, passages: pv }
    const ranked: Array<[number, number]> = [[at('Staffing'), 1], [at('Reviews'), 0.9], [at('Delays'), 0.8]]
    // Equal words, different meaning: only the money-and-freight passage is near.
    const out = byMeaning(ranked, meaningWords('does it save shippers money on freight'), 1, tables)
    expect(idx.sections[out[0]![0]]!.title).toBe('Delays')
    // A query of words the table does not hold leaves the order as it was.
    expect(byMeaning(ranked, meaningWords('zzz qqq'), 1, tables)).toEqual(ranked)
    expect(byMeaning(ranked, meaningWords('save money'), 0, tables)).toEqual(ranked)
    expect(byMeaning(ranked, meaningWords('save money'), 1, undefined)).toEqual(ranked)
  })

  it('counts a section it has no vectors for (a team’s own) at the candidates’ mean, neither first nor last by meaning', () => {
    const pv = readPassageVectors(path)!
    const local = idx.sections.length + 3
    const out = byMeaning([[at('Staffing'), 1], [local, 1], [at('Delays'), 1]], meaningWords('save money on freight'), 1, { words: table, passages: pv })
    expect(out.map(([i]) => i)).toEqual([at('Delays'), local, at('Staffing')])
  })

  it('is none when the file is damaged', () => {
    const bytes = readFileSync(path)
    writeFileSync(join(dir, 'cut.bin'), bytes.subarray(0, bytes.length - 1))
    expect(readPassageVectors(join(dir, 'cut.bin'))).toBeUndefined()
    writeFileSync(join(dir, 'junk.bin'), Buffer.alloc(64, 7))
    expect(readPassageVectors(join(dir, 'junk.bin'))).toBeUndefined()
  })
})

describe('nearness in meaning over the shipped documents', () => {
  it('leaves out stop words and possessives, keeping the words that carry meaning', () => {
    expect(meaningWords("Does the company's broker save on freight?")).toEqual(['company', 'broker', 'save', 'freight'])
  })

  it('opens the built tables for the shipped index and for one with a team’s documents after it', async () => {
    const idx = await loadIndex()
    expect(meaningTables(idx)).toBeDefined()
    expect(meaningTables({ ...idx, fingerprint: `${idx.fingerprint}|port.md:10:1` })).toBeDefined()
    expect(meaningTables({ ...idx, fingerprint: 'other content' })).toBeUndefined()
  })

  it('lifts the passage whose sentence means what a question in other words asks', async () => {
    const idx = await loadIndex()
    // "stats … track" for "measures … monitored": on words alone the Measures section is not first.
    const q = 'what stats do we track for each accnt'
    const rankOf = (meaning: number) => search(idx, q, { limit: 10, weights: { ...WEIGHTS, meaning } }).findIndex(h => /^sop\/measures$/.test(h.id))
    expect(rankOf(0)).toBeGreaterThan(0)
    expect(rankOf(1)).toBe(0)
  })
})

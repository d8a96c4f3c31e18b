// The intent model (ranking step 10): trained from the phrases asked for each passage, it names the passage a
// query asks for — also through a word only the phrases use — the same bytes from the same content; its files
// read back what was written and nothing from damaged ones; the step lifts the passage the model names among
// the candidates and leaves the order alone when it cannot tell.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { HANDBOOK, writeTable } from '../helpers/handbook.js'
import { buildIndex } from '../../src/kb/build-index.js'
import { byIntent, intentFiles, intentModel, readIntentModel, softmaxKnown } from '../../src/kb/intent.js'
import { trainIntent } from '../../src/kb/intent-train.js'
import { loadIndex } from '../../src/kb/load.js'
import { textVector, meaningWords } from '../../src/kb/meaning-words.js'
import { search } from '../../src/kb/search.js'
import { splitSections } from '../../src/kb/sections.js'
import { WEIGHTS } from '../../src/kb/weights.js'
import { readWordVectors } from '../../src/kb/word-vectors.js'

const dir = mkdtempSync(join(tmpdir(), 'pat-intent-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Four directions of meaning: money, freight, people, time.
const VECTORS: Array<[string, number[]]> = [
  ['cost', [1, 0, 0, 0]], ['money', [0.9, 0, 0.1, 0]], ['save', [0.8, 0, 0, 0.1]], ['cheaper', [0.9, 0.1, 0, 0]],
  ['freight', [0, 1, 0, 0]], ['shipping', [0.1, 0.9, 0, 0]], ['trucks', [0, 0.8, 0.2, 0]],
  ['officers', [0, 0, 1, 0]], ['staff', [0, 0, 0.9, 0.1]], ['teach', [0, 0.1, 0.8, 0]], ['people', [0, 0, 0.9, 0]],
  ['monthly', [0, 0, 0, 1]], ['meet', [0, 0, 0.3, 0.8]], ['often', [0.1, 0, 0, 0.9]], ['review', [0.1, 0, 0, 0.9]]
]
const glovePath = writeTable(dir, VECTORS)
const DOC = HANDBOOK
const ASKED: Record<string, string[]> = {
  'h/delays': ['is shipping cheaper', 'freight cost', 'do trucks save money', 'lorry bills go down'],
  'h/staffing': ['who will teach the staff', 'officers training', 'people skills', 'lorry drivers need training'],
  'h/reviews': ['how often do we meet', 'monthly review', 'meet often']
}

describe('the intent model', () => {
  const idx = buildIndex(splitSections({ markdown: DOC, fallbackId: 'h' }), 'shipped-fp')
  const glove = readWordVectors(glovePath)!
  const files = intentFiles(trainIntent(idx, ASKED, glove), idx)
  const paths = { model: join(dir, 'intent.bin'), words: join(dir, 'intent-words.bin') }
  writeFileSync(paths.model, files.model)
  writeFileSync(paths.words, files.words)
  const at = (title: string) => idx.sections.findIndex(s => s.title === title)
  const passages = ['Delays', 'Staffing', 'Reviews'].map(at)
  const named = (query: string): string => {
    const model = readIntentModel(paths, idx.sections.length)!
    const h = textVector(meaningWords(query), { dims: 4, lookup: w => model.words.lookup(w) ?? glove.lookup(w), close: () => {} })!
    const logits = model.logits(h, passages)
    return idx.sections[passages[logits.indexOf(Math.max(...logits))]!]!.title
  }

  it('names the passage a query asks for, in words of its phrases or near them in meaning', () => {
    expect(named('freight costs')).toBe('Delays')
    expect(named('teach officers')).toBe('Staffing')
    expect(named('how often')).toBe('Reviews')
    // "bills" is in no word table: the model learnt it from Delays' phrase alone.
    expect(named('bills')).toBe('Delays')
  })

  it('is the same bytes when trained again on the same content', () => {
    const again = intentFiles(trainIntent(idx, ASKED, glove), idx)
    expect(again.model.equals(files.model)).toBe(true)
    expect(again.words.equals(files.words)).toBe(true)
  })

  it('knows only shipped passages with phrases: a section of no passage it knows has no logit', () => {
    const model = readIntentModel(paths, idx.sections.length)!
    expect(model.fingerprint).toBe('shipped-fp')
    const logits = model.logits(new Float32Array([1, 0, 0, 0]), [at('Handbook'), at('Delays')])
    expect(Number.isNaN(logits[0])).toBe(true)
    expect(Number.isFinite(logits[1])).toBe(true)
  })

  it('is none when a file is missing, damaged, or names a passage past the index', () => {
    expect(readIntentModel({ ...paths, model: join(dir, 'none.bin') }, idx.sections.length)).toBeUndefined()
    expect(readIntentModel({ ...paths, words: join(dir, 'none.bin') }, idx.sections.length)).toBeUndefined()
    writeFileSync(join(dir, 'cut.bin'), files.model.subarray(0, files.model.length - 1))
    expect(readIntentModel({ ...paths, model: join(dir, 'cut.bin') }, idx.sections.length)).toBeUndefined()
    writeFileSync(join(dir, 'junk.bin'), Buffer.concat([Buffer.from('PATIM001'), Buffer.alloc(64, 7)]))
    expect(readIntentModel({ ...paths, model: join(dir, 'junk.bin') }, idx.sections.length)).toBeUndefined()
    expect(readIntentModel(paths, 2)).toBeUndefined()
    expect(readIntentModel({ model: paths.words, words: paths.model }, idx.sections.length)).toBeUndefined()
  })

  it('lifts the candidate whose passage the model names, and leaves the order alone when it cannot tell', () => {
    const model = readIntentModel(paths, idx.sections.length)
    const ranked: Array<[number, number]> = [[at('Staffing'), 1], [at('Reviews'), 1], [at('Delays'), 1]]
    expect(byIntent(idx, ranked, meaningWords('do trucks save money'), 0.1, model, glove)[0]![0]).toBe(at('Delays'))
    expect(byIntent(idx, ranked, meaningWords('zzz qqq'), 0.1, model, glove)).toEqual(ranked)
    expect(byIntent(idx, ranked, meaningWords('do trucks save money'), 0, model, glove)).toEqual(ranked)
    expect(byIntent(idx, ranked, meaningWords('do trucks save money'), 0.1, undefined, glove)).toEqual(ranked)
    // A clearly better score still wins: the model only weighs in beside it.
    const apart: Array<[number, number]> = [[at('Staffing'), 2], [at('Delays'), 1]]
    expect(byIntent(idx, apart, meaningWords('do trucks save money'), 0.1, model, glove)[0]![0]).toBe(at('Staffing'))
  })

  it('counts a team’s own section, which it does not know, at the candidates’ mean: neither first nor last by intent', () => {
    const local = buildIndex([...splitSections({ markdown: DOC, fallbackId: 'h' }), ...splitSections({ markdown: '# Reefers\n\nCold boxes.\n', fallbackId: 'team' }).map(s => ({ ...s, local: true }))], 'shipped-fp|team.md')
    const model = readIntentModel(paths, local.sections.length)
    const reefers = local.sections.findIndex(s => s.title === 'Reefers')
    const ranked: Array<[number, number]> = [[at('Staffing'), 1], [reefers, 1], [at('Delays'), 1]]
    expect(byIntent(local, ranked, meaningWords('do trucks save money'), 0.1, model, glove).map(([i]) => i)).toEqual([at('Delays'), reefers, at('Staffing')])
  })
})

describe('the candidates’ probabilities', () => {
  it('is a softmax over the known logits, an unknown one at their mean, none when none is known', () => {
    const p = softmaxKnown(Float64Array.from([0, Math.log(3), NaN]))!
    expect(p[0]).toBeCloseTo(0.25, 9)
    expect(p[1]).toBeCloseTo(0.75, 9)
    expect(p[2]).toBeCloseTo(0.5, 9)
    // Large logits do not overflow.
    expect([...softmaxKnown(Float64Array.from([1000, 1000]))!]).toEqual([0.5, 0.5])
    expect(softmaxKnown(Float64Array.from([NaN, NaN]))).toBeUndefined()
    expect(softmaxKnown(new Float64Array(0))).toBeUndefined()
  })
})

describe('the intent model over the shipped documents', () => {
  it('opens the built model for the shipped index and for one with a team’s documents after it', async () => {
    const idx = await loadIndex()
    expect(intentModel(idx)).toBeDefined()
    expect(intentModel({ ...idx, fingerprint: `${idx.fingerprint}|port.md:10:1` })).toBeDefined()
    expect(intentModel({ ...idx, fingerprint: 'other content' })).toBeUndefined()
  })

  it('lifts the passage a question asks for in its own words', async () => {
    const idx = await loadIndex()
    // The owner of an action item: on the other steps alone the project list comes first.
    const q = 'can customs itself be the owner of an action item'
    const rankOf = (intent: number) => search(idx, q, { limit: 10, weights: { ...WEIGHTS, intent } }).findIndex(h => h.id.endsWith('/assign-responsibilities-due-dates'))
    expect(rankOf(0)).toBeGreaterThan(0)
    expect(rankOf(WEIGHTS.intent)).toBe(0)
  })
})

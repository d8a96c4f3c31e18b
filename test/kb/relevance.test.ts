// Relevance: realistic questions a port account team asks, each with the section(s) that must appear in
// the top 3. Prints hit@1 and hit@3 over the whole set; fails below hit@3 = 90%.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadIndex } from '../../src/kb/load.js'
import { definitionFor } from '../../src/kb/definitions.js'
import { search } from '../../src/kb/search.js'
import { terms } from '../../src/kb/tokens.js'

interface Question { query: string, expect: string[], seed: { file: string, sentence: string }, half: 'tuning' | 'heldout' }
interface Judgment { query: string, id: string, answers: boolean, sentence?: string }
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../bench/relevance/${name}`, import.meta.url), 'utf8')) as T
const SET = read<Question[]>('relevance-set.json')
/**
 * The fresh sets (docs/search.md), in the order they were written, each once the one before had been read;
 * the last is read by no decision. Each file's questions are in the half of its name.
 */
const FRESH_SETS = (['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10'] as const)
  .map(half => [half, read<Array<Omit<Question, 'half'> & { half: string }>>(`${half}-set.json`)] as const)
const FRESH = FRESH_SETS.flatMap(([, set]) => set)
const JUDGED = read<{ protocol: string, judgments: Judgment[] }>('judgments.json')
const baseId = (id: string) => id.replace(/\/part-\d+$/, '')
/** Quotes compared as text: markdown emphasis and table bars dropped, quotes and spaces evened out. */
const plain = (s: string) => s.replace(/[*_`\\|]/g, '').replace(/[“”]/g, '"').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim()

describe('search relevance on the shipped documents', () => {
  it.each(FRESH_SETS)('has %s questions apart from the two halves, each with its answer and seed sentence', async (half, set) => {
    const idx = await loadIndex()
    const ids = new Set(idx.sections.map(s => baseId(s.id)))
    expect(set.length).toBeGreaterThanOrEqual(50)
    for (const q of set) {
      expect(q.half).toBe(half)
      expect(q.expect.every(id => ids.has(id)), q.query).toBe(true)
      expect(q.seed.sentence.length, q.query).toBeGreaterThan(3)
    }
  })

  it('has at least 150 questions, each with its answer and the seed sentence it comes from, split in two halves', async () => {
    expect(SET.length).toBeGreaterThanOrEqual(150)
    const idx = await loadIndex()
    const ids = new Set(idx.sections.map(s => baseId(s.id)))
    for (const q of SET) {
      expect(q.expect.every(id => ids.has(id)), `${q.query}: ${q.expect.join(', ')}`).toBe(true)
      expect(q.seed.sentence.length, q.query).toBeGreaterThan(3)
    }
    const tuning = SET.filter(q => q.half === 'tuning').length
    expect(Math.abs(tuning - (SET.length - tuning))).toBeLessThanOrEqual(1)
  })

  it('has pooled judgments for every question, each answer quoting a sentence of its passage, none dropping an answer of the set', async () => {
    const idx = await loadIndex()
    const textOf = new Map<string, string>()
    for (const s of idx.sections) textOf.set(baseId(s.id), plain(`${textOf.get(baseId(s.id)) ?? ''} ${s.title} ${s.text}`))
    const queries = new Set([...SET, ...FRESH].map(q => q.query))
    expect(queries.size).toBe(SET.length + FRESH.length)
    expect(new Set(JUDGED.judgments.map(j => j.query))).toEqual(queries)
    const seen = new Set<string>()
    for (const j of JUDGED.judgments) {
      expect(seen.has(`${j.query}|${j.id}`), `${j.query}: ${j.id} judged twice`).toBe(false)
      seen.add(`${j.query}|${j.id}`)
      expect(textOf.has(j.id), j.id).toBe(true)
      if (j.answers) expect(textOf.get(j.id), `${j.query}: ${j.id}`).toContain(plain(j.sentence ?? '').slice(0, 120))
    }
    // Each question's own answer was in its pool (the judges' agreement with the set is reported in docs/search.md).
    for (const q of [...SET, ...FRESH]) expect(q.expect.some(id => seen.has(`${q.query}|${id}`)), q.query).toBe(true)
  })

  // The goals (hit@1 ≥ 90%, hit@3 ≥ 97% held out) are measured by `npm run bench -- --only kb`; this test
  // guards against regressions: the answer in the top 3 for at least 75% of each half.
  it.each(['tuning', 'heldout'] as const)('puts the answering section in the top 3 for most %s questions', async half => {
    const idx = await loadIndex()
    const qs = SET.filter(q => q.half === half)
    let at1 = 0
    let at3 = 0
    const misses: string[] = []
    for (const q of qs) {
      const ids = search(idx, q.query, { limit: 3 }).map(h => baseId(h.id))
      if (q.expect.includes(ids[0] ?? '')) at1++
      if (ids.some(id => q.expect.includes(id))) at3++
      else misses.push(`${q.query} → ${ids.join(', ')}`)
    }
    console.log(`relevance (${half}): hit@1 ${(100 * at1 / qs.length).toFixed(1)}%, hit@3 ${(100 * at3 / qs.length).toFixed(1)}% over ${qs.length} questions`)
    expect(at3 / qs.length).toBeGreaterThanOrEqual(0.75)
  })

  it('ranks the passage that answers above the glossary entry that only defines a term', async () => {
    const idx = await loadIndex()
    const hits = search(idx, 'how often must the account profile be reviewed', { limit: 3 })
    expect(hits[0]!.id).toBe('sop/evaluate-the-account/the-process/create-or-obtain-an-account-profile')
    expect(hits.map(h => h.id)).not.toContain('sop/glossary/account-profile')
    expect(search(idx, 'what is a CIP conditional period', { limit: 3 }).map(h => h.id)).toContain('cip/timeframes')
  })

  it('gives a glossary entry a slot by what it says past its definition, and only by that', async () => {
    const idx = await loadIndex()
    // "For large PFI accounts, Compliance Assessment will be the account evaluation" is the entry's second sentence.
    expect(search(idx, 'for big PFI importers what counts as the evaluation', { limit: 1 })[0]!.id).toBe('sop/glossary/account-evaluation')
    expect(search(idx, 'does the profile pull in public record stuff like dun and bradstreet', { limit: 1 })[0]!.id).toBe('sop/glossary/account-profile')
    // Its definition alone does not: "employees responsible for managing an account" is the PAT entry's first sentence.
    expect(search(idx, 'port account teams employees').map(h => h.id)).not.toContain('sop/glossary/port-account-teams-pat')
  })

  it('tells CA from CAS, which the stemmer makes one term: the card, the glossary slot and the definition', async () => {
    const idx = await loadIndex()
    // CA has no glossary entry: its card is the documents' spelled-out form, not CAS's entry.
    expect(definitionFor(idx, 'is the CA finished')).toMatchObject({ term: 'CA', text: 'Compliance Assessment' })
    expect(definitionFor(idx, 'the CAS on the team')?.term).toBe('Computer Audit Specialists (CAS)')
    expect(search(idx, 'what does CAS stand for', { limit: 1 })[0]!.id).toBe('sop/glossary/computer-audit-specialists-cas')
    // "What is a CA" is answered by the sentence defining a compliance assessment, under its spelled-out name.
    for (const q of ['what is a CA', 'what are CAs']) {
      const hits = search(idx, q, { limit: 3 })
      expect(hits[0]!.excerpt, q).toMatch(/A \*\*compliance\*\* \*\*assessment\*\* is the first phase/)
      expect(hits.some(h => h.id.includes('computer-audit')), q).toBe(false)
    }
  })

  it('spells out an acronym the query names that has no glossary entry, above the results', async () => {
    const idx = await loadIndex()
    for (const q of ['TCPO meaning', 'what does TCPO stand for', 'is the TCPO told']) expect(definitionFor(idx, q), q).toMatchObject({ term: 'TCPO', text: 'Trade Compliance Process Owner' })
    const pfi = definitionFor(idx, 'PFI what does it stand for')!
    expect(pfi).toMatchObject({ term: 'PFI', text: 'Primary Focus Industry' })
    // Its id is a section that spells it out.
    expect(idx.sections.find(s => s.id === pfi.id)!.text).toContain('Primary Focus Industry (PFI)')
    // A glossary entry's card wins over the acronym's; a query naming none has no card.
    expect(definitionFor(idx, 'who signs the cip')?.term).toBe('Compliance Improvement Plan (CIP)')
    expect(definitionFor(idx, 'can we give it to them')).toBeUndefined()
  })

  it('knows the acronyms of a glossary heading ("ITM/ITS"), even one spelled like a stop word', async () => {
    const idx = await loadIndex()
    expect(definitionFor(idx, 'ask the ITM about steel')?.term).toMatch(/\(ITM\/ITS\)$/)
    expect(search(idx, 'what is an ITS', { limit: 3 }).map(h => h.id)).toEqual(['sop/glossary/international-trade-manager-international-trade'])
  })

  it('gives the glossary entry a slot when the question asks what a term means', async () => {
    const idx = await loadIndex()
    expect(search(idx, 'what is a PAT', { limit: 3 }).map(h => h.id)).toContain('sop/glossary/port-account-teams-pat')
    expect(search(idx, 'define account profile', { limit: 1 })[0]!.id).toBe('sop/glossary/account-profile')
  })

  it('ranks the same first results whatever the limit (CLI 5, the app 20), and fills a long limit in order', async () => {
    const idx = await loadIndex()
    for (const q of SET.slice(0, 60)) {
      const short = search(idx, q.query, { limit: 3 }).map(h => h.id)
      const long = search(idx, q.query, { limit: 40 })
      expect(long.slice(0, 3).map(h => h.id), q.query).toEqual(short)
      expect(new Set(long.map(h => baseId(h.id))).size, q.query).toBe(long.length)
      for (let k = 1; k < long.length; k++) expect(long[k]!.score, q.query).toBeLessThanOrEqual(long[k - 1]!.score)
    }
    expect(search(idx, 'account', { limit: 40 })).toHaveLength(40)
  })

  it('lists parts of one section once, best part first, labelled', async () => {
    const idx = await loadIndex()
    const hits = search(idx, 'recordkeeping requirements policy statement', { limit: 8 })
    const keys = hits.map(h => `${h.title}|${h.part ?? ''}|${h.trail.join('>')}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(new Set(hits.map(h => baseId(h.id))).size).toBe(hits.length)
    expect(hits.some(h => h.partOf !== undefined && h.partOf > 1)).toBe(true)
  })
})

describe('acronyms from the issue, on the shipped documents', () => {
  const index = loadIndex()
  it.each(['PFI', 'TCPO', 'CAT', 'OST', 'NASC', 'CIP', 'AAP', 'IR#'])('%s finds sections using it or its spelled-out form', async acronym => {
    const idx = await index
    const entry = idx.acronyms.find(a => a.acronym === acronym)
    expect(entry, `${acronym} is in the acronym table`).toBeDefined()
    const hits = search(idx, acronym, { limit: 3 })
    expect(hits).toHaveLength(3)
    const spelled = ` ${terms(entry!.expansion).join(' ')} `
    for (const h of hits) {
      const text = `${h.title}\n${h.text}`
      expect(text.toLowerCase().includes(acronym.toLowerCase()) || ` ${terms(text).join(' ')} `.includes(spelled), `${acronym}: ${h.id}`).toBe(true)
    }
  })

  it('finds the acronym from its spelled-out form', async () => {
    const hits = search(await index, 'Primary Focus Industry', { limit: 5 })
    expect(hits.some(h => h.text.includes('PFI'))).toBe(true)
  })
})

// The everyday words (src/kb/everyday.ts) keep to their rule: a key is a word the documents never use (so it
// is matched only through their words for it), every value is one of the documents' words, and a question
// typed with such a word finds what the documents' own word finds.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { EVERYDAY, EVERYDAY_PHRASES } from '../../src/kb/everyday.js'
import { loadIndex } from '../../src/kb/load.js'
import { queryTerms, search } from '../../src/kb/search.js'
import { PHRASES, THESAURUS, synonymsOf } from '../../src/kb/thesaurus.js'
import { term, words } from '../../src/kb/tokens.js'

const contentDir = new URL('../../content/', import.meta.url)
const used = new Set(readdirSync(contentDir).filter(f => f.endsWith('.md')).flatMap(f => words(readFileSync(new URL(f, contentDir), 'utf8'))))

describe('the everyday words', () => {
  it('are words the documents never use, each mapped to words they do use', () => {
    expect(Object.keys(EVERYDAY).length).toBeGreaterThan(100)
    for (const [word, docWords] of Object.entries(EVERYDAY)) {
      expect(used.has(word), `${word} is a word of the documents`).toBe(false)
      expect(THESAURUS[word], `${word} is in the thesaurus too`).toBeUndefined()
      for (const w of docWords) expect(used.has(w), `${word} → ${w}: not a word of the documents`).toBe(true)
    }
    for (const [phrase, docWords] of Object.entries(EVERYDAY_PHRASES)) {
      expect(phrase).toMatch(/^[a-z]+ [a-z]+( [a-z]+)?$/)
      for (const w of docWords) expect(used.has(w), `${phrase} → ${w}`).toBe(true)
      expect(PHRASES[phrase]).toBeDefined()
    }
  })

  it('are looked up as typed and by their stem, beside the thesaurus, but lend nothing to a word of the documents', () => {
    const [word, docWords] = Object.entries(EVERYDAY)[0]!
    expect(synonymsOf(word, term)).toEqual(docWords)
    expect(synonymsOf('pick', term)).toContain('select')
    expect(synonymsOf('informants', term, true)).toEqual(EVERYDAY.informant)
    // "informed" is the documents' word, and meets "informant" at one stem: it gets no informant's words.
    expect(synonymsOf('informed', term, false)).toEqual([])
  })

  it('read "who\'s" as "who is" and "6 mo" as six months', async () => {
    const idx = await loadIndex()
    const terms = (q: string) => queryTerms(idx, q).map(t => t.term).sort()
    expect(terms('who\'s responsible for the CIP')).toEqual(terms('who is responsible for the CIP'))
    expect(terms('when does the 6 mo clock start')).toContain('month')
  })

  it('read a three-word expression as the documents\' words for it ("on the hook" → accountability)', async () => {
    const idx = await loadIndex()
    const ts = queryTerms(idx, 'who is on the hook for decisions').map(q => q.term)
    expect(ts).toContain(term(EVERYDAY_PHRASES['on the hook']![0]!))
    expect(ts).not.toContain('hook')
  })

  it('find what the documents\' word finds: "who greenlights the CIP" as "who approves the CIP"', async () => {
    const idx = await loadIndex()
    expect(EVERYDAY.greenlight).toBeDefined()
    const typed = search(idx, 'who greenlights the final CIP', { limit: 3 }).map(h => h.id)
    const documents = search(idx, 'who approves the final CIP', { limit: 3 }).map(h => h.id)
    expect(typed[0]).toBe(documents[0])
  })

  it('read two letters joined by "&" as one word: "D&B" finds the passage that asks what Dun & Bradstreet shows', async () => {
    expect(words('the D&B report, R&D and AT&T')).toEqual(['the', 'dnb', 'report', 'rnd', 'and', 'at', 't'])
    const idx = await loadIndex()
    expect(EVERYDAY.dnb).toEqual(['dun', 'bradstreet'])
    expect(search(idx, 'what should I be looking for in the D&B', { limit: 1 })[0]!.id).toMatch(/determine-accounts-corporate-structure/)
  })
})

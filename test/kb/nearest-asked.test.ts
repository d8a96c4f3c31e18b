// The nearest asked phrase: a passage found because one question team members ask for it reads like the query,
// not because the words of several of its questions add up; a heading counts as one of its questions.
import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/kb/build-index.js'
import { nearestAsked } from '../../src/kb/nearest-asked.js'
import { queryTerms, search } from '../../src/kb/search.js'
import { splitSections } from '../../src/kb/sections.js'
import type { KbIndex, Section } from '../../src/kb/types.js'
import { WEIGHTS } from '../../src/kb/weights.js'

const DOC = `# D

## Extensions

The company may ask for more time in writing.

## Deadlines

Dates are set by the team.

## Reviews

The team meets each quarter.
`

function indexWith (asked: Record<string, string[]>): { idx: KbIndex, at: (title: string) => number } {
  const sections: Section[] = splitSections({ markdown: DOC, fallbackId: 'd' })
  for (const s of sections) { const phrases = asked[s.title]; if (phrases) s.asked = phrases }
  const idx = buildIndex(sections, 'test')
  return { idx, at: title => idx.sections.findIndex(s => s.title === title) }
}

describe('the nearest asked phrase', () => {
  it('scores a passage by its one phrase holding most of the query, not by words spread over several', () => {
    const { idx, at } = indexWith({
      Extensions: ['can the importer get more time on the cip'],
      // Every word of the query, but spread over three questions.
      Deadlines: ['when is the cip due', 'who sets the dates', 'can a team get help']
    })
    const shares = nearestAsked(idx, queryTerms(idx, 'can the importer get more time on the cip'))
    expect(shares[at('Extensions')]).toBeCloseTo(1, 5)
    expect(shares[at('Deadlines')]).toBeGreaterThan(0)
    expect(shares[at('Deadlines')]).toBeLessThan(0.6)
    expect(shares[at('Reviews')]).toBe(0)
    expect(search(idx, 'can the importer get more time on the cip')[0]!.title).toBe('Extensions')
  })

  it('weighs a rare word of the query above a common one', () => {
    const { idx, at } = indexWith({
      Extensions: ['extension of the plan', 'plan extension request'],
      Deadlines: ['plan dates', 'plan due', 'plan timing', 'who plans'],
      Reviews: ['plan review', 'plan meetings']
    })
    const shares = nearestAsked(idx, queryTerms(idx, 'plan extension'))
    // "extension" is in 2 of 8 phrases, "plan" in 7: the phrase holding only "extension" outweighs those holding only "plan".
    expect(shares[at('Extensions')]).toBeCloseTo(1, 5)
    expect(shares[at('Deadlines')]).toBeLessThan(0.5)
  })

  it("counts a heading as one of its passage's phrases", () => {
    const { idx, at } = indexWith({ Reviews: ['how often does the team meet'] })
    expect(nearestAsked(idx, queryTerms(idx, 'deadlines'))[at('Deadlines')]).toBeCloseTo(1, 5)
  })

  it('is read again the same way on every search: nothing of one query is left over for the next', () => {
    const { idx, at } = indexWith({ Extensions: ['more time on the cip'], Deadlines: ['cip due date'] })
    const first = nearestAsked(idx, queryTerms(idx, 'cip due date'))
    nearestAsked(idx, queryTerms(idx, 'more time'))
    expect([...nearestAsked(idx, queryTerms(idx, 'cip due date'))]).toEqual([...first])
    expect(first[at('Deadlines')]).toBeCloseTo(1, 5)
  })

  it('lifts the passage one of whose phrases is the question above one BM25 prefers for its many matches', () => {
    const sections: Section[] = splitSections({
      markdown: '# D\n\n## CIP Deadlines\n\nThe CIP is due in 90 days. A late CIP is due again. CIP dates are due to the port.\n\n## Follow-up\n\nThe port checks the plan later.\n',
      fallbackId: 'd'
    })
    sections.find(s => s.title === 'CIP Deadlines')!.asked = ['cip paperwork', 'cip forms']
    sections.find(s => s.title === 'Follow-up')!.asked = ['when is the cip due after the audit report']
    const idx = buildIndex(sections, 'test')
    const query = 'when is the cip due after the audit report'
    expect(search(idx, query, { weights: { ...WEIGHTS, nearest: 0 } })[0]!.title).toBe('CIP Deadlines')
    expect(search(idx, query)[0]!.title).toBe('Follow-up')
  })
})

import { describe, expect, it } from 'vitest'
import { namedAcronyms } from '../../src/kb/acronyms.js'
import { buildIndex } from '../../src/kb/build-index.js'
import { excerpt } from '../../src/kb/excerpt.js'
import { queryTerms, search, suggestTerms } from '../../src/kb/search.js'
import { splitSections } from '../../src/kb/sections.js'
import { boundedDistance, corrections } from '../../src/kb/typos.js'
import { WEIGHTS } from '../../src/kb/weights.js'
import { queryWords, term, terms, words } from '../../src/kb/tokens.js'

const DOC = `---
id: sop
title: SOP
---
# SOP

## Manage the Account

Review account profile at least every 2 years, and update as necessary.

## Checklist

| Item | Topic |
| --- | --- |
| A | Classification |
| B | Valuation |

## Selection

Account must import more than $10 million annually. Inclusion in a Primary Focus Industry (PFI) matters.

## Glossary

### Port Account Teams (PAT)

USCS employees responsible for managing an account.
`
const idx = buildIndex(splitSections({ markdown: DOC, fallbackId: 'sop' }), 'test')

describe('terms', () => {
  it('stems, drops stop words and keeps IR#', () => {
    expect(terms('How often should we review the profiles?')).toEqual(['often', 'review', 'profil'])
    expect(terms('IR#s and IR#')).toEqual(['ir#', 'ir#'])
  })

  it('reads a hyphenated prefix as its parts and the joined word in the documents, as the joined word in a query', () => {
    expect(words('any non-compliance found')).toEqual(['any', 'non', 'compliance', 'noncompliance', 'found'])
    expect(queryWords('the non-compliance found')).toEqual(['the', 'noncompliance', 'found'])
    expect(queryWords('the noncompliance found')).toEqual(['the', 'noncompliance', 'found'])
    expect(words('a well-known fact')).toEqual(['a', 'well', 'known', 'fact'])
  })

  it('finds either spelling of a prefixed word with the other, and the word without its prefix', () => {
    const md = '# D\n\n## Cause\n\nThe leader finds the cause of any non-compliance.\n\n## Rates\n\nCompliance rates are measured.\n\n## Other\n\nNothing.\n'
    const pIdx = buildIndex(splitSections({ markdown: md, fallbackId: 'd' }), 'test')
    expect(search(pIdx, 'noncompliance')[0]!.title).toBe('Cause')
    expect(search(pIdx, 'non-compliance')[0]!.title).toBe('Cause')
    expect(search(pIdx, 'compliance').map(h => h.title).sort()).toEqual(['Cause', 'Rates'])
    // The excerpt marks the hyphenated spelling for the joined word, and its word alone for the word.
    expect(search(pIdx, 'noncompliance')[0]!.excerpt).toContain('**non**-**compliance**')
    expect(excerpt('Measure non-compliance and compliance.', new Set([term('compliance')]))).toBe('Measure non-**compliance** and **compliance**.')
  })
})

describe('typo tolerance', () => {
  it('measures edits with transpositions and stops early', () => {
    expect(boundedDistance('valuaton', 'valuation', 2)).toBe(1)
    expect(boundedDistance('clasifciation', 'classification', 2)).toBe(2)
    expect(boundedDistance('abc', 'xyzxyz', 2)).toBe(3)
  })

  it('corrects to the nearest, most common term', () => {
    expect(corrections('clasif', ['classif', 'clarif'], t => (t === 'classif' ? 5 : 1))[0]!.term).toBe('classif')
    expect(corrections('pfi', ['pfx'])).toEqual([]) // short words are not corrected
  })
})

describe('search', () => {
  it('finds the cadence paragraph for a natural question', () => {
    expect(search(idx, 'how often review the account profile')[0]!.id).toBe('sop/manage-the-account')
  })

  it.each(['clasification', 'valuaton'])('finds the checklist for the misspelling %s', q => {
    expect(search(idx, q)[0]!.id).toBe('sop/checklist')
  })

  it('expands an acronym to its spelled-out form and back', () => {
    expect(queryTerms(idx, 'PFI').map(t => t.term)).toEqual(expect.arrayContaining(['primari', 'focu', 'industri']))
    expect(search(idx, 'PFI')[0]!.id).toBe('sop/selection')
    expect(queryTerms(idx, 'port account teams').map(t => t.term)).toContain('pat')
  })

  it('returns hits with the documented fields and marked excerpts', () => {
    const hit = search(idx, 'profile review', { limit: 1 })[0]!
    expect(Object.keys(hit).sort()).toEqual(['excerpt', 'id', 'score', 'source', 'text', 'title', 'trail'])
    expect(hit.part).toBeUndefined()
    expect(hit.excerpt).toBe('**Review** account **profile** at least every 2 years, and update as necessary.')
    expect(hit.text).toContain('at least every 2 years')
  })

  it('finds nothing for noise and suggests glossary terms', () => {
    expect(search(idx, 'the of and')).toEqual([])
    expect(search(idx, 'zzqx')).toEqual([])
    expect(suggestTerms(idx, 'port acount team')).toContain('Port Account Teams (PAT)')
  })

  it('limits the number of hits', () => {
    expect(search(idx, 'account', { limit: 2 })).toHaveLength(2)
  })

  it('marks only whole matching words in excerpts', () => {
    expect(excerpt('Nothing here.\nReviews of accounts.', new Set(['review']))).toBe('Nothing here.\n**Reviews** of accounts.')
  })

  it('excerpts the best sentence with its neighbours, never nesting Markdown marks', () => {
    const text = 'Intro line.\n\n**CIP Contents**\n\nOther. The CIP is due in six months. Then more. Last one.'
    const out = excerpt(text, new Set(['cip', 'month']))
    expect(out).toContain('The **CIP** is due in six **months**.')
    expect(out).not.toMatch(/\*{3,}/)
    expect(excerpt('| A. | Classification | ☐ |\n| --- | --- | --- |', new Set(['classif']))).toBe('A. · **Classification**')
  })

  it('cuts a long line around its first match at word boundaries, marking only whole words, and keeps a line end that fits', () => {
    const filler = Array.from({ length: 40 }, (_, k) => `word${k}`).join(' ')
    // The match near the end: the cut starts at a whole word before it and runs to the line's own end.
    const tail = excerpt(`${filler} then the reviews close the guidelines.`, new Set(['review']))
    expect(tail).toMatch(/^…word\d+ /)
    expect(tail.endsWith('the **reviews** close the guidelines.')).toBe(true)
    // The match near the start: the line is cut at the last whole word that fits, then …
    const head = excerpt(`Reviews open ${filler} ${filler}`, new Set(['review']))
    expect(head.startsWith('**Reviews** open word0')).toBe(true)
    expect(head).toMatch(/ word\d+…$/)
    expect(head.length).toBeLessThanOrEqual(220 + 5)
  })

  it('keeps a glossary entry out of the results unless the question asks what the term means', () => {
    expect(search(idx, 'port account teams employees').map(h => h.id)).not.toContain('sop/glossary/port-account-teams-pat')
    expect(search(idx, 'what is a PAT')[0]!.id).toBe('sop/glossary/port-account-teams-pat')
  })
})

describe('an acronym named beside other words is an actor of the question', () => {
  const doc = `---
id: sop
title: SOP
---
# SOP

## Roles

### National Account Services Center (NASC)

The NASC manages the account program nationally and answers the ports' questions about accounts.

## Select an Account

### Analyze the Pool

The NASC analyzes all accounts by volume, value and compliance rate before it selects one.
`
  const idx = buildIndex(splitSections({ markdown: doc, fallbackId: 'sop' }), 'test')

  it('ranks the passage on what the office does above the one whose heading names it', () => {
    expect(search(idx, 'how does the NASC select accounts')[0]!.title).toBe('Analyze the Pool')
  })

  it('still answers what the acronym stands for with the office itself', () => {
    expect(search(idx, 'what is the NASC')[0]!.title).toBe('National Account Services Center (NASC)')
  })
})

describe('the acronyms a query names', () => {
  const table = ['CA', 'CAS', 'PAT', 'IR#', 'AM', 'IT']
  it.each([
    ['is the CA finished', [['ca', 'ca']]],
    ['when are CAs scheduled', [['ca', 'cas']]],
    ['what does CAS stand for', [['cas', 'cas']]],
    ['the cas on the team', [['cas', 'cas']]],
    ['two PATs and the IR#s', [['pat', 'pats'], ['ir#', 'ir#s']]],
    ['what am I to do with it', []],
    ['the AM and IT staff', [['am', 'am'], ['it', 'it']]]
  ])('%s', (query, named) => {
    expect([...namedAcronyms(query, table)]).toEqual(named)
  })
})

describe('how team members ask for a section', () => {
  it('finds a section by the words people ask for it with, though its text never uses them', () => {
    const sections = splitSections({ markdown: '# D\n\n## Approval\n\nThe director approves the plan.\n\n## Filing\n\nFile the plan with the port.\n', fallbackId: 'd' })
    sections.find(s => s.title === 'Approval')!.asked = ['who gives the nod']
    const idx = buildIndex(sections, 'test')
    expect(search(idx, 'gives the nod')[0]!.title).toBe('Approval')
    // Found by either of the two ways the phrases are read: the asked field of BM25, the nearest asked phrase.
    expect(search(idx, 'gives the nod', { weights: { ...WEIGHTS, field: { ...WEIGHTS.field, asked: 0 }, nearest: 0 } }).map(h => h.title)).not.toContain('Approval')
    expect(idx.sections.every(s => s.asked === undefined)).toBe(true)
  })
})

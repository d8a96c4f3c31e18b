// The parts of search that make the answering passage rank first: postings decoded on demand, the thesaurus
// looked up by stem and standing in for words the documents never use, "what is X" answered by the passage
// defining X, and a parent's list of its sub-sections not answering for them.
import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/kb/build-index.js'
import { decodePostings, encodePostings, postingList } from '../../src/kb/postings.js'
import { definingSentence } from '../../src/kb/question.js'
import { queryTerms, search } from '../../src/kb/search.js'
import { splitSections } from '../../src/kb/sections.js'
import { synonymsOf } from '../../src/kb/thesaurus.js'
import { term } from '../../src/kb/tokens.js'

const DOC = `---
id: sop
title: SOP
---
# SOP

## Select an Account

### Analyze Pool

From all importers that meet the criteria, the NASC selects an account for the program.

### Compliance Measurement

Compliance measurement samples entries to estimate compliance. Compliance measurement results are reported yearly.

## Strategies

### Trade Enforcement Plan

The plan lists threats. Compliance measurement feeds it. A compliance assessment is the first phase of a Customs audit.

## Plan Contents

Each plan should include:

- Cover Sheet
- Table of Contents

### Cover Sheet

Company name, address and the period covered by the plan.

### Table of Contents

Optional. Self-explanatory.
`
const idx = buildIndex(splitSections({ markdown: DOC, fallbackId: 'sop' }), 'test')

describe('postings', () => {
  it('round-trip through their compact encoding', () => {
    const list: Array<[number, number]> = [[0, 1], [35, 2], [36, 1], [1000, 40]]
    expect(encodePostings(list)).toBe('0 z:2 10 rs:14')
    expect(decodePostings(encodePostings(list))).toEqual(list)
  })

  it('are decoded only for the terms asked for, and absent terms give undefined', () => {
    expect(typeof idx.postings.text.nasc).toBe('string')
    const at = idx.sections.findIndex(s => s.title === 'Analyze Pool')
    expect(postingList(idx, 'text', 'nasc')).toEqual([[at, 1]])
    expect(postingList(idx, 'text', 'constructor')).toBeUndefined()
    expect(postingList(idx, 'text', 'nothing-like-it')).toBeUndefined()
  })
})

describe('the thesaurus', () => {
  it('is looked up by the word as typed, else by its stem', () => {
    expect(synonymsOf('pick', term)).toContain('select')
    expect(synonymsOf('picks', term)).toContain('select')
    expect(synonymsOf('zebra', term)).toEqual([])
  })

  it('stands in for a word the documents never use, counting as that word', () => {
    const select = queryTerms(idx, 'who picks the account').find(q => q.term === 'select')
    expect(select).toMatchObject({ words: ['picks'] })
    expect(select!.soft).toBeUndefined()
    expect(search(idx, 'who picks the account', { limit: 1 })[0]!.title).toBe('Analyze Pool')
  })

  it('only nudges for a word the documents use themselves', () => {
    const account = queryTerms(idx, 'company name').find(q => q.term === 'account')
    expect(account).toMatchObject({ soft: true, words: ['company'] })
  })
})

describe('"what is" questions', () => {
  it('recognise the subject and the sentence or title defining it', () => {
    const d = definingSentence('what is a compliance assessment?')!
    expect(d.subject).toEqual(['compliance', 'assessment'])
    expect(d.sentence.test('A compliance assessment is the first phase of a Customs audit.')).toBe(true)
    expect(d.sentence.test('Compliance assessments are scheduled by NASC.')).toBe(true)
    expect(d.sentence.test('The compliance team assessed it.')).toBe(false)
    expect(d.title.test('II. Definition of Compliance Assessment')).toBe(true)
    expect(d.title.test('Compliance Assessment Team Leaders')).toBe(false)
    expect(definingSentence('how often is the plan reviewed')).toBeUndefined()
  })

  it('rank the passage defining the term first, even where the term is mentioned less', () => {
    expect(search(idx, 'what is a compliance assessment', { limit: 1 })[0]!.title).toBe('Trade Enforcement Plan')
  })
})

describe('a parent listing its sub-sections', () => {
  it('does not answer for them: the sub-section named does', () => {
    expect(search(idx, 'is a table of contents required in the plan', { limit: 1 })[0]!.title).toBe('Table of Contents')
  })
})

// The parts of search that make the answering passage rank first: postings decoded on demand, the thesaurus
// looked up by stem and standing in for words the documents never use, "what is X" answered by the passage
// defining X, and a parent's list of its sub-sections not answering for them.
import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/kb/build-index.js'
import { decodePostings, encodePostings, postingList } from '../../src/kb/postings.js'
import { answerForm, askedCount, definingSentence, hasForm } from '../../src/kb/question.js'
import { queryTerms, search } from '../../src/kb/search.js'
import { splitSections } from '../../src/kb/sections.js'
import { PHRASES, synonymsOf } from '../../src/kb/thesaurus.js'
import { WEIGHTS } from '../../src/kb/weights.js'
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

  it('carry, in the asked field, which phrases hold the term, and still give its frequency', () => {
    const list: Array<[number, number]> = [[3, 2], [47, 1], [48, 3], [50, 1]]
    // Section 3: phrases 4 and 10; 47: phrase 0; 48: the term three times in phrase 2; 50: a later part, no numbers.
    const encoded = encodePostings(list, [[4, 10], [0], [2], undefined])
    expect(encoded).toBe('3.4.a 1b.0 1c:3.2 1e')
    expect(decodePostings(encoded)).toEqual(list)
  })

  it('are decoded only for the terms asked for, and absent terms give undefined', () => {
    expect(idx.postings.text).toMatch(/^nasc\t/m)
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

  it('reads "allowed" as the documents\' "authorized" and "moving" as "shifting"', () => {
    expect(synonymsOf('allowed', term)).toContain('authorized')
    expect(synonymsOf('moving', term)).toContain('shift')
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
    // A clause opener is no run-in heading: the sentence mentions the subject without defining it.
    expect(d.sentence.test('If a Compliance Assessment is near completion, the plan can wait.')).toBe(false)
    expect(d.sentence.test('When the compliance assessment is scheduled, tell the team.')).toBe(false)
    expect(d.sentence.test('Compliance Assessments A compliance assessment is the first phase of a Customs audit.')).toBe(true)
    expect(definingSentence('how often is the plan reviewed')).toBeUndefined()
    // "What's meant by X" asks what X means, as "what is X" does.
    expect(definingSentence("what's meant by corporate structure")!.subject).toEqual(['corporate', 'structure'])
  })

  it('read "why" as asking for a cause or a purpose', () => {
    const md = '# D\n\n## Numbers\n\nA company may have several IR numbers because of its divisions.\n\n## Other\n\nEach IR number is listed. The reason is purpose and cause due.\n'
    const small = buildIndex(splitSections({ markdown: md, fallbackId: 'd' }), 'test')
    expect(queryTerms(small, 'why several IR numbers').map(t => t.term)).toContain('becaus')
    expect(queryTerms(small, 'several IR numbers').map(t => t.term)).not.toContain('becaus')
    expect(search(small, 'why does a company have several IR numbers', { limit: 1 })[0]!.title).toBe('Numbers')
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

describe('the words of a question', () => {
  it('leave out light verbs, fillers and contractions ("what do traders get", "there\'s")', () => {
    const ts = queryTerms(idx, "what do importers get if there's just one plan").map(q => q.term)
    expect(ts).toContain('plan')
    for (const filler of ['get', 'theres', 'just', 'three']) expect(ts).not.toContain(filler)
    // A word naming a part of a document is no subject: "the background section of the plan".
    expect(queryTerms(idx, 'what goes in the background section of the plan').map(q => q.term)).not.toContain('section')
  })

  it('read "how often" as a question for a cadence, not the word "often" ("often-encountered")', () => {
    const doc = '---\nid: d\ntitle: D\n---\n# D\n\n## Sharing\n\nThe often-encountered tendency not to share the profile must be addressed.\n\n## Review\n\nReview the account profile annually.\n'
    const small = buildIndex(splitSections({ markdown: doc, fallbackId: 'd' }), 'test')
    const ts = (q: string) => queryTerms(small, q).map(t => t.term)
    expect(ts('how often review the profile')).not.toContain('often')
    expect(ts('how often review the profile')).toContain('annual')
    expect(ts('is the profile often late')).toContain('often')
    expect(search(small, 'how often is the profile reviewed', { limit: 2 })[0]!.title).toBe('Review')
  })

  it('read an acronym spelled like an everyday word only in capitals ("give it" is not IT)', () => {
    const acronyms = [{ acronym: 'IT', expansion: 'information technology' }]
    const withIt = { ...idx, acronyms }
    expect(queryTerms(withIt, 'can we give it to the importer').map(q => q.term)).not.toContain('technolog')
    expect(queryTerms(withIt, 'who runs IT for the importer').map(q => q.term)).toContain('technolog')
  })

  it('read an acronym that ends in S as itself, and as another\'s plural only typed so ("CAS" is not "CAs")', () => {
    const acronyms = [{ acronym: 'CA', expansion: 'Compliance Assessment' }, { acronym: 'CAS', expansion: 'Computer Audit Specialists' }]
    const withCas = { ...idx, acronyms }
    const expanded = (q: string) => queryTerms(withCas, q).map(t => t.term)
    expect(expanded('what does CAS stand for')).toContain('specialist')
    expect(expanded('what does CAS stand for')).not.toContain('assess')
    expect(expanded('when are CAs scheduled')).toContain('assess')
    expect(expanded('when are CAs scheduled')).not.toContain('specialist')
  })

  it('look a phrase up as the documents\' words for it, not word by word ("take part" → participate)', () => {
    const phraseIdx = buildIndex(splitSections({ markdown: '# D\n\n## Joining\n\nThe company may participate in the program.\n\n## Parts\n\nEach part of the plan has a cover sheet.\n', fallbackId: 'd' }), 'test')
    const ts = queryTerms(phraseIdx, 'can the company take part').map(q => q.term)
    expect(ts).toContain('particip')
    expect(ts).not.toContain('part')
    expect(search(phraseIdx, 'can the company take part', { limit: 1 })[0]!.title).toBe('Joining')
    expect(synonymsOf('go', term)).toEqual([])
    expect(PHRASES['go with']).toContain('supporting')
  })

  it('read a phrase with a pronoun between its words ("let them know") as the phrase', () => {
    const md = '# D\n\n## Progress\n\nOnce the account has resolved an item, contact your network to report the status.\n\n' +
      '## Knowledge\n\nTeam members let the account know they know the rules.\n'
    const small = buildIndex(splitSections({ markdown: md, fallbackId: 'd' }), 'test')
    for (const q of ['who do we let know when the item is resolved', 'do we let them know when the item is resolved']) {
      const ts = queryTerms(small, q).map(t => t.term)
      expect(ts, q).toContain('report')
      expect(ts, q).not.toContain('let')
      expect(ts, q).not.toContain('know')
      expect(search(small, q, { limit: 1 })[0]!.title, q).toBe('Progress')
    }
    // Any other word between them is no phrase: "let the team know" keeps its words.
    expect(queryTerms(small, 'let the team know').map(t => t.term)).toContain('know')
  })

  it('read "keeps …ing" as something going on, not as keeping records; abbreviations as their words', () => {
    const md = '# D\n\n## Record-keeping\n\nKeep records for five years.\n\n## Resistance\n\nIf there is undue resistance from the account, refer the conflict to the NASC. A note.\n'
    const small = buildIndex(splitSections({ markdown: md, fallbackId: 'd' }), 'test')
    expect(queryTerms(small, 'importer keeps stonewalling us').map(t => t.term)).not.toContain('keep')
    expect(queryTerms(small, 'how long do we keep records').map(t => t.term)).toContain('keep')
    expect(search(small, 'importer keeps stonewalling us', { limit: 1 })[0]!.title).toBe('Resistance')
    expect(queryTerms(small, 'acct has nothing open').map(t => t.term)).toContain('account')
    expect(queryTerms(small, 'acct has nothing open').map(t => t.term)).not.toContain('noth')
  })

  it('count an acronym\'s spelled-out form standing whole in a sentence as the acronym', () => {
    const md = '# D\n\n## Purpose\n\nThe CIP exhibit explains the CIP format. It has a cover page. Accounts track many things.\n\n' +
      '## Follow-up\n\nStaff track the Compliance Improvement Plan each quarter.\n\n## Other\n\nA CIP lists the steps.\n\n' +
      '## More\n\nThe Compliance Improvement Plan (CIP) is written by the account.\n'
    const cipIdx = buildIndex(splitSections({ markdown: md, fallbackId: 'd' }), 'test')
    expect(search(cipIdx, 'how do we track the CIP', { limit: 1 })[0]!.title).toBe('Follow-up')
  })
})

describe('two neighbouring sentences', () => {
  it('read as one answer lift a passage whose answer takes two sentences, not one holding the words in one', () => {
    const md = '# D\n\n## Reviews\n\nThe team completes a valuation review every year, with care. Its findings then go to the director of the field office.\n\n' +
      '## Filing\n\nThe valuation review findings are filed in the office.\n\n## Other\n\nNothing about it.\n'
    const twoIdx = buildIndex(splitSections({ markdown: md, fallbackId: 'd' }), 'test')
    const query = 'valuation review findings to the director'
    const score = (weights: typeof WEIGHTS, title: string) => search(twoIdx, query, { weights }).find(h => h.title === title)!.score
    const single = { ...WEIGHTS, window: 0 }
    expect(score(WEIGHTS, 'Reviews')).toBeGreaterThan(score(single, 'Reviews'))
    expect(score(WEIGHTS, 'Filing')).toBe(score(single, 'Filing'))
  })
})

describe('a question asking how much or how many', () => {
  // (no sentence holds more than the query's words: past `sentenceCap` a factor would change nothing)
  const md = '# D\n\n## Criteria\n\nThe office counts 50% of the imports within a PFI each year.\n\n' +
    '## Ranking\n\nImports within a PFI are ranked by the office.\n\n' +
    '## Limits\n\nThe imports are counted by value. A PFI takes 20 of them.\n'
  const qIdx = buildIndex(splitSections({ markdown: md, fallbackId: 'd' }), 'test')
  const score = (query: string, weights: typeof WEIGHTS, title: string) => search(qIdx, query, { weights }).find(h => h.title === title)!.score
  const without = { ...WEIGHTS, quantity: 0 }

  it('is answered by the passage whose sentence holds a figure', () => {
    const query = 'how much of the imports must be within a PFI'
    expect(search(qIdx, query, { weights: without })[0]!.title).toBe('Ranking')
    expect(search(qIdx, query)[0]!.title).toBe('Criteria')
    expect(score(query, WEIGHTS, 'Criteria')).toBeGreaterThan(score(query, without, 'Criteria'))
    expect(score(query, WEIGHTS, 'Ranking')).toBe(score(query, without, 'Ranking'))
  })

  it('counts a figure in the neighbouring sentence of a two-sentence answer', () => {
    const query = 'what percentage of imports by value in a PFI'
    expect(score(query, WEIGHTS, 'Limits')).toBeGreaterThan(score(query, without, 'Limits'))
  })

  it('leaves other questions as they were', () => {
    const query = 'must the imports be within a PFI'
    for (const title of ['Criteria', 'Ranking', 'Limits']) expect(score(query, WEIGHTS, title)).toBe(score(query, without, title))
  })
})

describe('a question asking who gets something', () => {
  it('is answered by the passage saying where it is sent', () => {
    const md = '# D\n\n## Distribution\n\nThe completed report shall be forwarded to the team.\n\n' +
      '## Reasons\n\nThe reasons for the exam report must be written down before the exam.\n\n## Other\n\nNothing here.\n'
    const qIdx = buildIndex(splitSections({ markdown: md, fallbackId: 'd' }), 'test')
    expect(search(qIdx, 'who gets the completed exam report')[0]!.title).toBe('Distribution')
    expect(queryTerms(qIdx, 'who receives the report').some(q => q.term === term('forwarded') && q.soft)).toBe(true)
    expect(queryTerms(qIdx, 'who writes the report').some(q => q.term === term('forwarded'))).toBe(false)
  })
})

describe('an acronym and its spelled-out form', () => {
  const md = '# D\n\n## Format\n\nCompany Name · Compliance Improvement Plan · CIP Contents\n\n' +
    '## Responsible Official\n\nThe CIP should name the person assigned to coordinate the CIP process. That person should be an officer of the company.\n\n' +
    '## Compliance\n\nCompliance is measured at the company every year, and compliance rates are reported.\n\n## Other\n\nNothing here.\n'
  const qIdx = buildIndex(splitSections({ markdown: md, fallbackId: 'd' }), 'test')

  it('count once where a section holds both: the passage on what the question asks ranks first', () => {
    expect(search(qIdx, 'who coordinates the CIP at the company')[0]!.title).toBe('Responsible Official')
  })

  it('do not credit a sentence with one word of the spelled-out form standing alone', () => {
    const alike = '# D\n\n## Compliance\n\nCompliance is tracked every quarter.\n\n## Quality\n\nQuality is tracked every quarter.\n\n' +
      '## Plan\n\nThe Compliance Improvement Plan (CIP) is written by the account.\n\n## Other\n\nNothing here.\n'
    const hits = search(buildIndex(splitSections({ markdown: alike, fallbackId: 'd' }), 'test'), 'how do we track the CIP')
    expect(hits.find(h => h.title === 'Compliance')!.score).toBe(hits.find(h => h.title === 'Quality')!.score)
  })
})

describe('a question asking for so many steps or types', () => {
  const md = '# D\n\n## The Process\n\nThis is the overview of the account management process.\n\n' +
    '### 1. Select\n\nPick one.\n\n### 2. Establish\n\nSet it up.\n\n### 3. Manage\n\nKeep it.\n\n' +
    '## Relationships\n\nThe companies related to the account fall into two major types:\n\n**Type One.** Brokers.\n\n**Type Two.** Agents.\n\n' +
    '## Risk Steps\n\n- Management of risk takes steps.\n- A second step.\n\n## Team Steps\n\nThe steps of account management are written down by the team.\n'
  const qIdx = buildIndex(splitSections({ markdown: md, fallbackId: 'd' }), 'test')

  it('is answered by the passage listing that many things as its sub-sections', () => {
    expect(search(qIdx, 'what are the 3 steps of account management', { weights: { ...WEIGHTS, lists: 0 } })[0]!.title).toBe('Team Steps')
    expect(search(qIdx, 'what are the 3 steps of account management')[0]!.title).toBe('The Process')
    expect(search(qIdx, 'what are the three steps of account management')[0]!.title).toBe('The Process')
  })

  it('is answered by a passage saying how many in words ("two major types")', () => {
    const query = 'the two types of related companies'
    const score = (weights: typeof WEIGHTS) => search(qIdx, query, { weights }).find(h => h.title === 'Relationships')!.score
    expect(search(qIdx, query)[0]!.title).toBe('Relationships')
    expect(score(WEIGHTS)).toBeGreaterThan(score({ ...WEIGHTS, lists: 0 }))
  })

  it('needs the passage to name what the things are of, not only to list that many', () => {
    const hits = search(qIdx, 'what are the 2 steps of account management')
    expect(hits[0]!.title).not.toBe('Risk Steps')
  })

  it('reads the count and the words asking it', () => {
    expect(askedCount('what are the 5 steps of account management')).toMatchObject({ count: 5, words: ['5', 'steps'] })
    expect(askedCount('the four main types of companies')?.count).toBe(4)
    expect(askedCount('the nineteen steps of risk management')?.count).toBe(19)
    expect(askedCount('the top 5 ports')).toBeUndefined()
    expect(askedCount('one step')).toBeUndefined()
  })
})

describe('a question asking what if', () => {
  it('is answered by the sentence stating that condition', () => {
    const md = '# D\n\n## Reviews\n\nAn account audit goes on the schedule; audits and schedules are kept.\n\n' +
      '## Meetings\n\nCheck the list first, and if your account has an audit on the schedule, coordinate the meetings with the team.\n\n## Other\n\nNothing here.\n'
    const qIdx = buildIndex(splitSections({ markdown: md, fallbackId: 'd' }), 'test')
    const query = 'what if the account is on the audit schedule'
    expect(search(qIdx, query, { weights: { ...WEIGHTS, condition: 0 } })[0]!.title).toBe('Reviews')
    expect(search(qIdx, query)[0]!.title).toBe('Meetings')
  })

  it('tells the forms of answer apart by the question\'s words', () => {
    expect(answerForm('how many importers make up half of import value')).toBe('figure')
    expect(answerForm('what percentage of imports')).toBe('figure')
    expect(answerForm('what if a checklist item does not apply')).toBe('condition')
    expect(answerForm('what happens when the plan is late')).toBe('condition')
    expect(answerForm('who signs the plan')).toBeUndefined()
    expect(hasForm('condition', new Set(), 'Check the list, and if it is late, call.')).toBe(true)
    expect(hasForm('condition', new Set(), 'Send it when ready.')).toBe(false)
    expect(hasForm('condition', new Set(), 'Once approved, send it.')).toBe(true)
    expect(hasForm('figure', new Set(['least', '50', 'import']), '')).toBe(true)
    expect(hasForm('figure', new Set(['import']), '')).toBe(false)
    expect(answerForm('how long should the action plan be')).toBe('extent')
    expect(answerForm('how detailed must the CIP steps be?')).toBe('extent')
    expect(answerForm('how long is the CIP conditional period')).toBeUndefined()
    expect(answerForm('how long will it be before we hear back')).toBeUndefined()
    expect(hasForm('extent', new Set(), 'The Plan should be brief yet clearly outline action items.')).toBe(true)
    expect(hasForm('extent', new Set(), 'For full-time Account Managers, the Plan is approved by the account.')).toBe(false)
  })
})

describe('a question asking how long a document should be', () => {
  it('is answered by the sentence saying how brief or full it is, not by time limits', () => {
    const md = '# D\n\n## Timeline\n\nThe review plan is due within 30 days; plan reviews take two months.\n\n' +
      '## Writing\n\nKeep the review plan brief: a short outline of the items.\n\n## Other\n\nNothing here.\n'
    const qIdx = buildIndex(splitSections({ markdown: md, fallbackId: 'd' }), 'test')
    const query = 'how long should the review plan be'
    expect(search(qIdx, query)[0]!.title).toBe('Writing')
    // Asked about time, the same words look for the time limit.
    expect(search(qIdx, 'how long does the review plan take')[0]!.title).toBe('Timeline')
  })
})

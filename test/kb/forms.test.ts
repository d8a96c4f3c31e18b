// Word forms: the other forms of a query word the documents use, so "notify" finds "notification" and
// "chose" finds "choose", without merging unrelated words that only share letters.
import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/kb/build-index.js'
import { baseWord, family, familyTable, formsIn, formsOf } from '../../src/kb/forms.js'
import { queryTerms, search } from '../../src/kb/search.js'
import { splitSections } from '../../src/kb/sections.js'
import { term } from '../../src/kb/tokens.js'

const key = (w: string): string => family(term(w))

describe('word families', () => {
  it('joins derivations the stemmer leaves apart', () => {
    expect(key('notify')).toBe(key('notification'))
    expect(key('verify')).toBe(key('verification'))
    expect(key('decide')).toBe(key('decision'))
    expect(key('permit')).toBe(key('permission'))
    expect(key('clear')).toBe(key('clearance'))
    expect(key('audit')).toBe(key('auditor'))
    expect(key('comply')).toBe(key('compliance'))
    expect(key('respond')).toBe(key('response'))
    expect(key('maintain')).toBe(key('maintenance'))
  })

  it('keeps apart words that only share letters', () => {
    expect(key('port')).not.toBe(key('portion'))
    expect(key('bill')).not.toBe(key('billion'))
    expect(key('current')).not.toBe(key('currency'))
    expect(key('party')).not.toBe(key('part'))
    expect(key('policy')).not.toBe(key('police'))
    expect(key('fact')).not.toBe(key('factor'))
    expect(key('complement')).not.toBe(key('compliance'))
  })

  it('turns an irregular form into its base word and leaves other words alone', () => {
    expect(baseWord('chosen')).toBe('choose')
    expect(baseWord('sent')).toBe('send')
    expect(baseWord('review')).toBe('review')
  })

  it('finds a stem\'s other forms among the vocabulary only', () => {
    const vocabulary = ['notif', 'notifi', 'audit', 'auditor', 'port', 'portion']
    expect(formsOf('notifi', vocabulary)).toEqual(['notif'])
    expect(formsOf(term('auditors'), vocabulary)).toEqual(['audit'])
    expect(formsOf('port', vocabulary)).toEqual([])
    expect(formsOf('verifi', vocabulary)).toEqual([])
  })

  it('finds the same forms from the family table the index stores (built once, not per start)', () => {
    const vocabulary = ['audit', 'auditor', 'decid', 'decis', 'notif', 'port', 'portion', 'review']
    const table = familyTable(vocabulary)
    expect(Object.keys(table).length).toBeLessThan(vocabulary.length) // families of one stem, their own key, are left out
    const known = new Set(vocabulary)
    for (const stem of [...vocabulary, 'notifi', 'notification', term('auditors'), 'decision', 'verifi', 'xyz']) {
      expect(formsIn(stem, table, known)).toEqual(formsOf(stem, vocabulary))
    }
  })
})

const DOC = `---
id: sop
title: SOP
---
# SOP

## Tell the account

Send a notification letter to the account before the first meeting.

## Meetings

Meet with the account every quarter.

## Selection

The team will choose an account from the pool.
`

describe('search with word forms', () => {
  const idx = buildIndex(splitSections({ markdown: DOC, fallbackId: 'sop' }), 'test')

  it('finds a passage through another form of the query word, counted as that word', () => {
    const qts = queryTerms(idx, 'how do we notify the account')
    expect(qts.find(q => q.term === 'notif')).toMatchObject({ words: ['notify'] })
    expect(qts.find(q => q.term === 'notif')?.soft).toBeUndefined()
    expect(search(idx, 'how do we notify the account')[0]!.title).toBe('Tell the account')
  })

  it('looks an irregular form up as its base word', () => {
    expect(search(idx, 'how is the account chosen')[0]!.title).toBe('Selection')
  })
})

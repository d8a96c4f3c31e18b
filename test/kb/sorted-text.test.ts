// Tables kept as one sorted string (sorted-text.ts): every key is found by halving, with its value, and a
// key that is not there — before the first, after the last, between two, a prefix of one — is not.
import { describe, expect, it } from 'vitest'
import { lookupSorted, sortedKeys, sortedText } from '../../src/kb/sorted-text.js'
import { knownTerms, vocabularyList, vocabularyText } from '../../src/kb/vocabulary.js'
import { buildIndex } from '../../src/kb/build-index.js'
import { splitSections } from '../../src/kb/sections.js'

describe('a sorted table in one string', () => {
  const entries: Array<[string, string]> = [['review', '3 4:2'], ['ir#', '1'], ['audit', 'a b'], ['auditor', 'c'], ['zone', ''], ['a', 'x']]
  const text = sortedText(entries, '\n', '\t')

  it('holds its records in JavaScript’s string order', () => {
    expect(sortedKeys(text, '\n', '\t')).toEqual(['a', 'audit', 'auditor', 'ir#', 'review', 'zone'])
  })

  it('finds every key with its value, and nothing for a key it lacks', () => {
    for (const [k, v] of entries) expect(lookupSorted(text, k, '\n', '\t')).toBe(v)
    for (const k of ['', 'aa', 'aud', 'auditors', 'ir', 'rev', 'zzz', '0', 'b']) expect(lookupSorted(text, k, '\n', '\t'), k).toBeUndefined()
  })

  it('finds every key of a large table, sizes odd and even', () => {
    for (const n of [1, 2, 3, 500, 1001]) {
      const keys = Array.from({ length: n }, (_, i) => `t${(i * 7919) % 100_003}`)
      const t = sortedText(keys.map(k => [k, k.toUpperCase()] as const), '\n', '\t')
      for (const k of keys) expect(lookupSorted(t, k, '\n', '\t')).toBe(k.toUpperCase())
      expect(lookupSorted(t, 't', '\n', '\t')).toBeUndefined()
      expect(lookupSorted(t, 'u', '\n', '\t')).toBeUndefined()
    }
  })

  it('is empty for no entries', () => {
    const t = sortedText([], '\n', '\t')
    expect(sortedKeys(t, '\n', '\t')).toEqual([])
    expect(lookupSorted(t, 'a', '\n', '\t')).toBeUndefined()
  })
})

describe('the vocabulary', () => {
  it('knows its terms and only those, and lists them sorted', () => {
    const idx = buildIndex(splitSections({ markdown: '# Doc\n\n## Reviews\n\nAudit the IR# of each port.\n', fallbackId: 'd' }), 'test')
    const known = knownTerms(idx)
    expect(vocabularyList(idx)).toEqual(['audit', 'each', 'ir#', 'port', 'review'])
    expect(vocabularyList(idx).every(t => known.has(t))).toBe(true)
    expect(['por', 'ports', '', 'audit review', 'zzz'].some(t => known.has(t))).toBe(false)
    expect(idx.vocabulary).toBe(vocabularyText(['review', 'port', 'ir#', 'each', 'audit']))
  })
})

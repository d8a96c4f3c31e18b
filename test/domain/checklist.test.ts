import { describe, expect, it } from 'vitest'
import { CHECKLIST_ITEMS, checklistRows, parseAnswer, resolveChecklistItem, validateAnswer } from '../../src/domain/index.js'

describe('the SOP checklist', () => {
  it('has Compliance A–K and Business A–H with the SOP labels, in order', () => {
    const compliance = CHECKLIST_ITEMS.filter(i => i.area === 'compliance')
    const business = CHECKLIST_ITEMS.filter(i => i.area === 'business')
    expect(compliance.map(i => i.letter).join('')).toBe('ABCDEFGHIJK')
    expect(business.map(i => i.letter).join('')).toBe('ABCDEFGH')
    expect(compliance.map(i => i.label)).toEqual(['Classification', 'Valuation', 'Quota/Visa', 'ADD/CVD', 'Quantity',
      'Special Trade Programs/NAFTA', 'Admissibility', 'Invoice Requirements', 'Internal Controls/Recordkeeping', 'OGA', 'Other'])
    expect(business.map(i => i.label)).toEqual(['ABI', 'ACH', 'Remote Filing', 'Reconciliation', 'Manifests', 'Entry Filing Method',
      'Other automated programs', 'Other'])
  })

  it.each([['yes', 'yes'], ['Y', 'yes'], ['no', 'na'], ['NA', 'na'], ['no/na', 'na'], ['clear', null]])('reads answer %j', (word, answer) => {
    expect(parseAnswer(word)).toBe(answer)
  })

  it('rejects an unknown answer word', () => {
    expect(() => parseAnswer('maybe')).toThrow(/use yes, no or na/)
  })

  it('requires a reason for No/NA but not for Yes', () => {
    expect(() => validateAnswer('na', undefined, 'Business C')).toThrow(/No\/NA needs a reason/)
    expect(() => validateAnswer('na', '   ', 'Business C')).toThrow(/reason/)
    expect(validateAnswer('na', ' no remote filing ', 'Business C')).toEqual({ answer: 'na', reason: 'no remote filing' })
    expect(validateAnswer('yes', undefined, 'Compliance A')).toEqual({ answer: 'yes', reason: '' })
  })

  it('resolves item names case-insensitively and rejects letters out of range', () => {
    expect(resolveChecklistItem('Compliance.a', []).key).toBe('compliance.A')
    expect(resolveChecklistItem('business.H', []).label).toBe('Other')
    expect(() => resolveChecklistItem('business.K', [])).toThrow(/business.A to business.H/)
    expect(() => resolveChecklistItem('foo.A', [])).toThrow(/unknown checklist item/)
  })

  it('numbers requested items by when they were added, whatever their ids', () => {
    const requested = [
      { id: 'zzz', title: 'Drawback', createdAt: '2026-01-02T00:00:00Z' },
      { id: 'aaa', title: 'FTZ', createdAt: '2026-01-03T00:00:00Z' }
    ]
    expect(resolveChecklistItem('requested.1', requested).label).toBe('Drawback')
    expect(resolveChecklistItem('requested.2', requested).key).toBe('requested.aaa')
    expect(() => resolveChecklistItem('requested.3', requested)).toThrow(/has 2 requested/)
    const rows = checklistRows(new Map([['requested.aaa', { answer: 'yes', reason: '', by: 'm', at: 't' }]]), requested)
    expect(rows).toHaveLength(21)
    expect(rows.at(-1)).toMatchObject({ name: 'requested.2', label: 'FTZ', answer: 'yes' })
    expect(rows[0]).toMatchObject({ name: 'compliance.A', answer: null })
  })
})

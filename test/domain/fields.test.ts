import { describe, expect, it } from 'vitest'
import {
  ACCOUNT_FIELDS, CONTACT_FIELDS, PLAN_ITEM_FIELDS, formatField, parseField, parseFields, type FieldSpec
} from '../../src/domain/index.js'

const spec = (key: string, specs: readonly FieldSpec[]) => specs.find(s => s.key === key)!

describe('field validation', () => {
  it('parses money in plain and shorthand forms', () => {
    const money = spec('importValue', ACCOUNT_FIELDS)
    expect(parseField(money, '12000000')).toBe(12_000_000)
    expect(parseField(money, '$12,500,000')).toBe(12_500_000)
    expect(parseField(money, '12M')).toBe(12_000_000)
    expect(parseField(money, '1.5b')).toBe(1_500_000_000)
    expect(() => parseField(money, '-5')).toThrow(/non-negative/)
    expect(() => parseField(money, 'lots')).toThrow(/annual import value/)
  })

  it('parses enums case-insensitively and by label, and lists the choices when wrong', () => {
    const priority = spec('priority', PLAN_ITEM_FIELDS)
    expect(parseField(priority, 'HIGH')).toBe('high')
    expect(parseField(priority, 'Medium')).toBe('medium')
    expect(() => parseField(priority, 'urgent')).toThrow(/use one of high, medium, low/)
  })

  it('validates dates as calendar days', () => {
    const due = spec('due', PLAN_ITEM_FIELDS)
    expect(parseField(due, '2028-02-29')).toBe('2028-02-29')
    expect(() => parseField(due, '2027-02-29')).toThrow(/no such calendar day/)
    expect(() => parseField(due, '03/15/2027')).toThrow(/YYYY-MM-DD/)
  })

  it('validates email and phone', () => {
    expect(parseField(spec('email', CONTACT_FIELDS), 'a@b.gov')).toBe('a@b.gov')
    expect(() => parseField(spec('email', CONTACT_FIELDS), 'nobody')).toThrow(/invalid email/)
    expect(parseField(spec('phone', CONTACT_FIELDS), '+1 (202) 927-0037 x12')).toBe('+1 (202) 927-0037 x12')
    expect(() => parseField(spec('phone', CONTACT_FIELDS), 'call me')).toThrow(/invalid phone/)
  })

  it('splits, trims and de-duplicates lists, checking values when the list is closed', () => {
    const cats = spec('categories', ACCOUNT_FIELDS)
    expect(parseField(cats, 'Importer, broker,importer')).toEqual(['importer', 'broker'])
    expect(() => parseField(cats, 'pirate')).toThrow(/business categories/)
    expect(parseField(spec('partnerPorts', ACCOUNT_FIELDS), ['Seattle', 'Tacoma'])).toEqual(['Seattle', 'Tacoma'])
  })

  it('requires required fields on create, allows clearing optional ones on patch', () => {
    expect(() => parseFields(PLAN_ITEM_FIELDS, { priority: 'high' }, 'create')).toThrow(/Title is required/)
    expect(parseFields(PLAN_ITEM_FIELDS, { due: '' }, 'patch')).toEqual({ due: null })
    expect(() => parseFields(PLAN_ITEM_FIELDS, { title: '' }, 'patch')).toThrow(/Title is required/)
    expect(() => parseFields(PLAN_ITEM_FIELDS, { colour: 'red' }, 'patch')).toThrow(/unknown field "colour"/)
  })

  it('formats values for display', () => {
    expect(formatField(spec('importValue', ACCOUNT_FIELDS), 48_000_000)).toBe('$48,000,000')
    expect(formatField(spec('stage', ACCOUNT_FIELDS), 'improve')).toBe('Improve')
    expect(formatField(spec('partnerPorts', ACCOUNT_FIELDS), ['LA', 'LB'])).toBe('LA, LB')
  })
})

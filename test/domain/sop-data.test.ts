// The data the SOP names (issue 17): locations by type, the "Other" checklist items, legacy CIP steps. Each test
// quotes the seed sentence it comes from (file in ../shared/seeds/ and a few words).
import { describe, expect, it } from 'vitest'
import {
  InputError, LOCATION_TYPES, checkLocation, checklistGaps, checklistRows, legacySteps, locationSpecs, locationText, migrateLocation,
  nextStepTarget, parseFields, parseOtherText, LOCATION_FIELDS, OTHER_FOOTNOTE
} from '../../src/domain/index.js'

const refused = (f: () => unknown) => { try { f() } catch (err) { expect(err).toBeInstanceOf(InputError); return (err as Error).message } throw new Error('not refused') }

describe('locations (001_f75c851ccf3a999b.txt, Identify Locations)', () => {
  // "Location is defined as a physical address, postal address, telephone number, fax number or electronic mail
  // such as an Internet address." "Note if the location is a facility where Customs records are stored, a
  // distribution center, warehouse, billing address…"
  it('has a type for each kind of location the SOP names', () => {
    for (const t of ['postal', 'phone', 'fax', 'email', 'web', 'records', 'distribution', 'warehouse', 'billing']) expect(LOCATION_TYPES).toContain(t)
  })

  it('gives each type only the fields it needs: a phone location needs no country', () => {
    expect(locationSpecs('phone').map(s => s.key)).toEqual(['type', 'name', 'phone', 'reason'])
    expect(locationSpecs('phone').find(s => s.key === 'phone')?.required).toBe(true)
    expect(locationSpecs('fax').map(s => s.key)).toEqual(['type', 'name', 'fax', 'reason'])
    expect(locationSpecs('email').map(s => s.key)).toEqual(['type', 'name', 'email', 'reason'])
    expect(locationSpecs('billing').filter(s => s.required).map(s => s.key)).toEqual(['type', 'address', 'country'])
    expect(locationSpecs('records').map(s => s.key)).toEqual(['type', 'name', 'address', 'country', 'reason'])
    expect(() => checkLocation(parseFields(LOCATION_FIELDS, { type: 'phone', phone: '+1 555 0100' }, 'create'))).not.toThrow()
  })

  it('refuses a field the type does not take, and a missing one it needs, naming both', () => {
    expect(refused(() => checkLocation(parseFields(LOCATION_FIELDS, { type: 'phone', phone: '555 0100', country: 'US' }, 'create'))))
      .toBe('a phone location has no country: leave --country out (it takes --name, --phone, --reason)')
    expect(refused(() => checkLocation(parseFields(LOCATION_FIELDS, { type: 'fax' }, 'create')))).toBe('a fax location needs its fax number: add --fax')
    expect(refused(() => parseFields(LOCATION_FIELDS, { type: 'email', email: 'not-an-address' }, 'create'))).toMatch(/^invalid e-mail address/)
  })

  it('checks a change against the stored location: a new type must get its own fields, old ones may stay', () => {
    const stored = { id: 'l1', createdAt: '', type: 'warehouse' as const, name: 'North', country: 'US' }
    expect(() => checkLocation({ name: 'South' }, stored)).not.toThrow()
    expect(refused(() => checkLocation({ type: 'phone' }, stored))).toBe('a phone location needs its telephone number: add --phone')
    expect(() => checkLocation({ type: 'phone', phone: '555 0100' }, stored)).not.toThrow()
  })

  // "Existing data must still read": a location stored with a type word this version does not know.
  it('reads an unknown stored type as "other" and keeps the stored word and every field', () => {
    const old = { id: 'l1', createdAt: '', type: 'dock' as never, name: 'Dock 4', address: '1 Pier', country: 'US' }
    expect(migrateLocation(old)).toEqual({ ...old, type: 'other', storedType: 'dock' })
    const kept = { id: 'l2', createdAt: '', type: 'phone' as const, phone: '555 0100', country: 'US' }
    expect(migrateLocation(kept)).toEqual(kept)
    expect(locationText(kept)).toBe('555 0100')
    expect(locationText({ type: 'postal', address: 'PO Box 9', country: 'US' })).toBe('PO Box 9, US')
  })
})

describe('"Other *" checklist items (001_f75c851ccf3a999b.txt, Checklist: "K. Other *", "H. Other *")', () => {
  // "*Additional Items can be added by the Account Manager/Port Account Team or account"
  it('carries what the team says the other item is, on Compliance K and Business H only', () => {
    const rows = checklistRows(new Map(), [], new Map([['compliance.K', 'Textile labeling'], ['business.H', 'ACE portal']]))
    expect(rows.find(r => r.key === 'compliance.K')?.other).toBe('Textile labeling')
    expect(rows.find(r => r.key === 'business.H')?.other).toBe('ACE portal')
    expect(rows.filter(r => r.other !== undefined)).toHaveLength(2)
    expect(parseOtherText('business.h', '  ACE \n portal ')).toBe('ACE portal')
    expect(refused(() => parseOtherText('compliance.A', 'x'))).toMatch(/^compliance.A is not an "Other" item/)
    expect(OTHER_FOOTNOTE).toBe('*Additional Items can be added by the Account Manager/Port Account Team or account')
  })

  it('flags an "Other" answered Yes without saying what it is', () => {
    const row = (name: string, other?: string) => ({ name, answer: 'yes' as const, reason: '', ...(other ? { other } : {}) })
    const addressed = new Set(['compliance.k', 'business.h'])
    expect(checklistGaps([row('compliance.K'), row('business.H', 'ACE portal')], addressed))
      .toEqual(['checklist: "Other" answered Yes without saying what the other item is (compliance.K)'])
  })
})

describe('CIP action steps (004_7e84c79b4b761dce.txt)', () => {
  // Old CIPs kept their steps in one text with one target date and one department.
  it('reads an older CIP\'s action-steps text as steps, one per line, with its target and department', () => {
    const steps = legacySteps({ id: 'c1', createdAt: 't', actionSteps: 'Train staff\n\nAudit 50 entries\n', target: '2027-01-31', department: 'Compliance' })
    expect(steps).toEqual([
      { id: 'c1.1', createdAt: 't', action: 'Train staff', target: '2027-01-31', department: 'Compliance', derived: true },
      { id: 'c1.2', createdAt: 't', action: 'Audit 50 entries', target: '2027-01-31', department: 'Compliance', derived: true }
    ])
    expect(legacySteps({ id: 'c2', createdAt: 't' })).toEqual([])
  })

  // "The company should inform Customs when it expects to complete the associated corrective action steps."
  it('finds the next target date among steps not completed', () => {
    expect(nextStepTarget([{ action: 'a', target: '2027-03-01' }, { action: 'b', target: '2027-02-01', completed: '2027-01-01' }, { action: 'c', target: '2027-02-15' }]))
      .toEqual({ date: '2027-02-15', n: 3, action: 'c' })
    expect(nextStepTarget([{ action: 'a' }])).toBeUndefined()
  })
})

// The data the SOP names, through the store (issue 17): typed locations edited in place, CIP steps (old CIPs
// included), the "Other" checklist items and the Action Plan background's fields. Each test quotes its seed.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { Store } from '../../src/store/index.js'
import { initWorkspace } from '../../src/cli/setup.js'
import { tempDir } from '../helpers/home.js'
import { accountRoots } from '../../src/store/schema.js'
import { newStore } from '../helpers/store.js'

describe('locations (001_f75c851ccf3a999b.txt: "a physical address, postal address, telephone number, fax number or electronic mail")', () => {
  it('adds a phone location without a country, edits an existing one, and refuses fields the type lacks', async () => {
    const s = await newStore()
    const { id } = await s.accounts.add({ name: 'Harbor Imports' })
    const phone = await s.locations.add(id, { type: 'phone', name: 'Compliance desk', phone: '555-0100' })
    expect(phone).toMatchObject({ type: 'phone', phone: '555-0100' })
    expect(phone).not.toHaveProperty('country')
    await expect(s.locations.set(id, phone.id, { country: 'US' })).rejects.toThrow('a phone location has no country: leave --country out (it takes --name, --phone, --reason)')
    expect(await s.locations.set(id, 'Compliance desk', { phone: '555-0199', reason: 'classification questions' }))
      .toMatchObject({ id: phone.id, phone: '555-0199', reason: 'classification questions' })
    const wh = await s.locations.add(id, { type: 'warehouse', name: 'North', country: 'US' })
    await expect(s.locations.set(id, wh.id, { type: 'fax' })).rejects.toThrow('a fax location needs its fax number: add --fax')
    // Changing the type keeps the old type's fields stored (never lost), only no longer asked for.
    expect(await s.locations.set(id, wh.id, { type: 'fax', fax: '555-0400' })).toMatchObject({ type: 'fax', fax: '555-0400', country: 'US', name: 'North' })
    await s.close()
  })

  it('still reads locations stored before types decided fields, unknown types as "other"', async () => {
    const s = await newStore()
    const { id } = await s.accounts.add({ name: 'Harbor Imports' })
    await s.ws.edit(id, 'test', acc => {
      const m = new Y.Map<unknown>()
      accountRoots(acc).collection('locations').set('old1', m)
      for (const [k, v] of Object.entries({ type: 'dock', name: 'Pier 4', address: '4 Harbor Rd', country: 'US', createdAt: '2025-01-01T00:00:00.000Z' })) m.set(k, v)
      return { result: undefined, summary: undefined }
    })
    expect((await s.accounts.show(id)).locations).toEqual([
      { id: 'old1', type: 'other', storedType: 'dock', name: 'Pier 4', address: '4 Harbor Rd', country: 'US', createdAt: '2025-01-01T00:00:00.000Z' }
    ])
    await s.close()
  })
})

describe('CIP action steps (004_7e84c79b4b761dce.txt: "A target date should be established for each action step")', () => {
  /** A CIP as stored before steps were entries: one action-steps text, one target date, one department. */
  async function oldCip (s: Store, id: string): Promise<void> {
    await s.ws.edit(id, 'test', acc => {
      const m = new Y.Map<unknown>()
      accountRoots(acc).collection('cips').set('cip1', m)
      m.set('createdAt', '2025-03-01T00:00:00.000Z')
      m.set('deficiency', 'Misclassified parts')
      m.set('actionSteps', new Y.Text('Train staff\nAudit 50 entries'))
      m.set('target', '2025-09-30')
      m.set('department', 'Compliance')
      m.set('extensions', new Y.Map())
      return { result: undefined, summary: undefined }
    })
  }

  it('reads an old CIP\'s steps from its text and keeps its old fields; changing one stores them all', async () => {
    const s = await newStore()
    const { id } = await s.accounts.add({ name: 'Harbor Imports' })
    await oldCip(s, id)
    const [cip] = (await s.accounts.show(id)).cips
    expect(cip).toMatchObject({ status: 'draft', actionSteps: 'Train staff\nAudit 50 entries', target: '2025-09-30', department: 'Compliance' })
    expect(cip!.steps.map(st => [st.action, st.target, st.department, st.derived])).toEqual([
      ['Train staff', '2025-09-30', 'Compliance', true], ['Audit 50 entries', '2025-09-30', 'Compliance', true]
    ])
    const changed = await s.cips.steps.set(id, '1', '2', { department: 'Internal Audit', target: '2025-10-31' })
    expect(changed).toMatchObject({ action: 'Audit 50 entries', department: 'Internal Audit', target: '2025-10-31' })
    const after = (await s.accounts.show(id)).cips[0]!
    expect(after.steps.map(st => [st.action, st.target, st.department, st.derived])).toEqual([
      ['Train staff', '2025-09-30', 'Compliance', undefined], ['Audit 50 entries', '2025-10-31', 'Internal Audit', undefined]
    ])
    expect(after).toMatchObject({ actionSteps: 'Train staff\nAudit 50 entries', target: '2025-09-30', department: 'Compliance' })
    await s.close()
  })

  it('adds, changes and removes steps per CIP, in order, and a removed CIP takes its steps with it', async () => {
    const s = await newStore()
    const { id } = await s.accounts.add({ name: 'Harbor Imports' })
    const a = await s.cips.add(id, { deficiency: 'Valuation', prepared: '2026-09-01', issued: '2026-09-15' })
    const b = await s.cips.add(id, { deficiency: 'Marking' })
    await s.cips.steps.add(id, a.id, { action: 'Train staff', target: '2027-01-31', department: 'Compliance' })
    await s.cips.steps.add(id, a.id, { action: 'Audit entries', target: '2027-03-31', department: 'Internal Audit' })
    await s.cips.steps.add(id, 'Marking', { action: 'Relabel stock' })
    expect((await s.cips.steps.list(id, 'Valuation')).map(st => st.action)).toEqual(['Train staff', 'Audit entries'])
    await s.cips.steps.remove(id, a.id, 'Train staff')
    const shown = await s.accounts.show(id)
    expect(shown.cips.find(c => c.id === a.id)).toMatchObject({ prepared: '2026-09-01', issued: '2026-09-15', steps: [{ action: 'Audit entries' }] })
    await expect(s.cips.steps.set(id, a.id, '5', { target: '2027-01-01' })).rejects.toThrow(/action step/)
    await s.cips.remove(id, b.id)
    const doc = await s.ws.accountDoc(id)
    expect([...accountRoots(doc).collection('cipSteps').values()].map(m => m.get('action'))).toEqual(['Audit entries'])
    const log = (await s.ws.log(id)).map(e => e.summary)
    expect(log).toContain('CIP "Valuation": removed action step 1 "Train staff" (Target date: 2027-01-31, Responsible department: Compliance)')
    await s.close()
  })

  it('keeps steps added within one millisecond in the order they were added', async () => {
    const home = await tempDir()
    await (await initWorkspace(home, { name: 'Dana Ruiz' })).close()
    const frozen = new Date('2026-12-05T12:00:00.000Z')
    const s = await Store.open(home, { now: () => frozen })
    const { id } = await s.accounts.add({ name: 'Harbor Imports' })
    const cip = await s.cips.add(id, { deficiency: 'Valuation' })
    const actions = ['Train staff', 'Audit entries', 'Relabel stock', 'Report to the port']
    for (const action of actions) await s.cips.steps.add(id, cip.id, { action })
    expect((await s.cips.steps.list(id, cip.id)).map(st => st.action)).toEqual(actions)
    // The same holds for every other entry list (the demo adds its locations in a row).
    const places = ['Records', 'Billing', 'Main', 'Annex']
    for (const name of places) await s.locations.add(id, { type: 'warehouse', name, country: 'US' })
    expect((await s.locations.list(id)).map(l => l.name)).toEqual(places)
    await s.close()
  })
})

describe('checklist "Other *" and the plan background (001_f75c851ccf3a999b.txt)', () => {
  // "*Additional Items can be added by the Account Manager/Port Account Team or account"
  it('keeps what the team says the Other item is apart from its answer, and undoes it like any edit', async () => {
    const s = await newStore()
    const { id } = await s.accounts.add({ name: 'Harbor Imports' })
    await s.checklist.describeOther(id, 'business.h', 'ACE portal reports')
    await s.checklist.set(id, 'business.H', 'yes')
    await s.checklist.set(id, 'business.H', 'clear')
    expect((await s.checklist.show(id)).find(r => r.key === 'business.H')).toMatchObject({ answer: null, other: 'ACE portal reports' })
    await s.checklist.describeOther(id, 'business.H', '')
    expect((await s.checklist.show(id)).find(r => r.key === 'business.H')).not.toHaveProperty('other')
    await s.ws.undo()
    expect((await s.checklist.show(id)).find(r => r.key === 'business.H')?.other).toBe('ACE portal reports')
    await s.close()
  })

  // "Provide Compliance Measurement results from the past year"; "countries of its chief non-related suppliers";
  // "Provide a brief description of the department(s) which handle(s) Customs business".
  it('stores the background\'s facts as fields of the plan', async () => {
    const s = await newStore()
    const { id } = await s.accounts.add({ name: 'Harbor Imports' })
    await s.plan.set(id, { cmResults: '96% compliant', supplierCountries: 'CN, VN', customsDepartments: 'Trade Compliance' })
    expect((await s.accounts.show(id)).plan).toMatchObject({ cmResults: '96% compliant', supplierCountries: ['CN', 'VN'], customsDepartments: 'Trade Compliance' })
    await s.close()
  })
})

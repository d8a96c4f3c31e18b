import { describe, expect, it } from 'vitest'
import { Store } from '../../src/store/index.js'
import { newStore } from '../helpers/store.js'

describe('a workspace on disk', () => {
  it('keeps everything across close and reopen', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Harbor Imports', iors: ['12-3456789'], leadPort: 'Savannah', importValue: '25M', structure: 'Two divisions.' })
    await s.checklist.set(acc.id, 'compliance.A', 'yes')
    await s.checklist.set(acc.id, 'business.C', 'na', 'no remote filing')
    await s.plan.items.add(acc.id, { title: 'Classification review', priority: 'high', owner: 'Dana Ruiz', due: '2027-03-15' })
    await s.contacts.add(acc.id, { name: 'Lee Park', side: 'account', email: 'lee@example.com' })
    await s.cips.add(acc.id, { deficiency: 'Misclassified parts', reportDate: '2026-08-31' })
    const before = await s.accounts.show(acc.id)
    const home = s.ws.paths.root
    await s.close()

    const again = await Store.open(home)
    const after = await again.accounts.show(acc.id)
    expect(after).toEqual(before)
    expect(after.profile).toMatchObject({ importValue: 25_000_000, structure: 'Two divisions.' })
    expect(after.checklist.find(r => r.name === 'business.C')).toMatchObject({ answer: 'na', reason: 'no remote filing' })
    expect(after.plan.items[0]).toMatchObject({ title: 'Classification review', priority: 'high', due: '2027-03-15', status: 'open' })
    expect(after.cips[0]).toMatchObject({ conditionalPeriodEnd: '2027-02-28' })
    expect((await again.accounts.list())[0]).toMatchObject({ name: 'Harbor Imports', openItems: 1, nextDue: '2027-03-15' })
    await again.close()
  })

  it('logs every change with its author and time, and nothing for a refused or empty change', async () => {
    const s = await newStore('Dana Ruiz')
    const acc = await s.accounts.add({ name: 'Harbor Imports' })
    await s.checklist.set(acc.id, 'compliance.A', 'yes')
    await expect(s.checklist.set(acc.id, 'business.C', 'na')).rejects.toThrow(/needs a reason/)
    await s.checklist.set(acc.id, 'compliance.A', 'yes') // same answer again: no change
    await s.accounts.set(acc.id, { leadPort: 'Miami' })
    const log = await s.ws.log(acc.id)
    expect(log.map(e => e.summary)).toEqual([
      'created account "Harbor Imports"',
      'set Compliance A (Classification) to Yes',
      'Lead port: Miami'
    ])
    expect(log.every(e => e.byName === 'Dana Ruiz' && e.by === s.ws.member.id && !Number.isNaN(Date.parse(e.at)))).toBe(true)
    await s.close()
  })

  it('rejects an IR# that another account uses', async () => {
    const s = await newStore()
    await s.accounts.add({ name: 'First', iors: ['12-3456789'] })
    await expect(s.accounts.add({ name: 'Second', iors: ['12-3456789'] })).rejects.toThrow(/already belongs to account "First"/)
    const second = await s.accounts.add({ name: 'Second', iors: ['98-7654321'] })
    await expect(s.accounts.set(second.id, { iors: ['98-7654321', '12-3456789'] })).rejects.toThrow(/already belongs/)
    expect(s.ws.headers().map(h => h.name)).toEqual(['First', 'Second'])
    await s.close()
  })

  it('finds accounts and items by id prefix, number or name, and suggests near misses', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Harbor Imports' })
    await s.accounts.add({ name: 'Harbour Logistics' })
    expect(s.ws.resolveAccount('harbor imports').id).toBe(acc.id)
    expect(s.ws.resolveAccount(acc.id.slice(0, 8)).id).toBe(acc.id)
    expect(() => s.ws.resolveAccount('harb')).toThrow(/matches 2 accounts/)
    expect(() => s.ws.resolveAccount('Harbr Imprts')).toThrow(/did you mean Harbor Imports/)
    const item = await s.plan.items.add(acc.id, { title: 'Valuation review', priority: 'low' })
    await s.plan.items.add(acc.id, { title: 'Classification review', priority: 'high' })
    const done = await s.plan.items.done(acc.id, '2') // #2 in the High → Low order
    expect(done.id).toBe(item.id)
    expect(done).toMatchObject({ status: 'done' })
    expect(done.doneAt).toBeTypeOf('string')
    await s.close()
  })

  it('archives without deleting, and lists archived accounts only when asked', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Old Account' })
    await s.accounts.archive(acc.id)
    expect(await s.accounts.list({ archived: false })).toEqual([])
    expect((await s.accounts.list({ archived: true }))[0]).toMatchObject({ id: acc.id, archived: true })
    await s.accounts.archive(acc.id, false)
    expect(await s.accounts.list({ archived: false })).toHaveLength(1)
    await s.close()
  })

  it('counts the active accounts for pat status: by stage, their open items and earliest due date; archived apart', async () => {
    const s = await newStore()
    const a = await s.accounts.add({ name: 'Harbor Imports', stage: 'select' })
    const b = await s.accounts.add({ name: 'Delta Tools', stage: 'select' })
    const c = await s.accounts.add({ name: 'Old Account', stage: 'select' })
    await s.accounts.set(b.id, { stage: 'establish' })
    await s.plan.items.add(a.id, { title: 'Classification review', priority: 'high', due: '2027-03-15' })
    await s.plan.items.add(b.id, { title: 'Valuation review', priority: 'low', due: '2027-02-01' })
    await s.plan.items.add(b.id, { title: 'Broker visit', priority: 'low' })
    await s.plan.items.add(c.id, { title: 'Long gone', priority: 'low', due: '2026-01-01' })
    await s.accounts.archive(c.id)
    expect(await s.accounts.totals()).toEqual({ active: 2, archived: 1, byStage: { select: 1, establish: 1 }, openItems: 3, nextDue: '2027-02-01' })
    await s.close()
  })

  it('removes entries but keeps their content in the log', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Harbor Imports' })
    await s.contacts.add(acc.id, { name: 'Lee Park', side: 'customs', phone: '555-0199' })
    await s.contacts.remove(acc.id, 'Lee Park')
    expect(await s.contacts.list(acc.id)).toEqual([])
    expect((await s.ws.log(acc.id)).at(-1)!.summary).toMatch(/removed contact "Lee Park".*555-0199/)
    await s.close()
  })
})

describe('undo', () => {
  it('undoes my last edits in order, across both documents, and logs each undo', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Harbor Imports', leadPort: 'Miami' })
    await s.accounts.set(acc.id, { leadPort: 'Tampa', importValue: 12_000_000 })
    await s.checklist.set(acc.id, 'compliance.B', 'na', 'no valuation issues')
    expect(await s.ws.undo()).toMatchObject({ summary: expect.stringMatching(/Compliance B/) })
    expect((await s.checklist.show(acc.id)).find(r => r.name === 'compliance.B')!.answer).toBeNull()
    await s.ws.undo()
    const shown = await s.accounts.show(acc.id)
    expect(shown.leadPort).toBe('Miami')
    expect(shown.profile.importValue).toBeUndefined()
    expect((await s.ws.log(acc.id)).filter(e => e.action === 'undo')).toHaveLength(2)
    await s.close()
  })

  it('redoes what undo undid, in order, until a new edit; peek says what each would do', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Harbor Imports', leadPort: 'Miami' })
    await s.accounts.set(acc.id, { leadPort: 'Tampa' })
    await s.checklist.set(acc.id, 'compliance.B', 'yes')
    expect(s.ws.undoStack.peek()).toMatchObject({ summary: expect.stringMatching(/Compliance B/), accountId: acc.id })
    expect(s.ws.undoStack.peekRedo()).toBeUndefined()
    await s.ws.undo()
    await s.ws.undo()
    expect((await s.accounts.show(acc.id)).leadPort).toBe('Miami')
    expect(s.ws.undoStack.peekRedo()).toMatchObject({ summary: expect.stringMatching(/lead port|Tampa/i) })
    expect(await s.ws.redo()).toMatchObject({ summary: expect.stringMatching(/lead port|Tampa/i) })
    expect((await s.accounts.show(acc.id)).leadPort).toBe('Tampa')
    expect(await s.ws.redo()).toMatchObject({ summary: expect.stringMatching(/Compliance B/) })
    expect((await s.checklist.show(acc.id)).find(r => r.name === 'compliance.B')!.answer).toBe('yes')
    expect(await s.ws.redo()).toBeUndefined()
    // Redone edits undo again; a new edit after an undo ends what can be redone.
    await s.ws.undo()
    await s.accounts.set(acc.id, { leadPort: 'Key West' })
    expect(await s.ws.redo()).toBeUndefined()
    expect((await s.checklist.show(acc.id)).find(r => r.name === 'compliance.B')!.answer).toBeNull()
    expect((await s.ws.log(acc.id)).filter(e => e.action === 'redo')).toHaveLength(2)
    await s.close()
  })
})

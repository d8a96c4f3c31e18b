// Conflicts and histories on the Checklist, Contacts, Action Plan and CIP tabs: two members write the same field
// without seeing each other's value (a real merge of two stores), and the app — with NO_COLOR's theme, so the
// mark must be the `!` itself — marks the row, `!` shows both values, a pick closes the conflict in the store,
// and `H` shows the row's history.
import { describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/index.js'
import { accountDocName } from '../../src/store/schema.js'
import { monoTheme } from '../../src/ui/theme/theme.js'
import { openAccount } from '../helpers/open-account.js'
import { newStore, syncStores } from '../helpers/store.js'
import { KEY, renderApp, selectedLine, type Ui } from '../helpers/ui.js'

interface Pair { mine: Store, peer: Store, id: string }

/** Ana (this app's member) and Bo share an account; `setup` adds what both then edit (synced before they do). */
async function pair (setup: (s: Store, id: string) => Promise<void> = async () => {}): Promise<Pair> {
  const mine = await newStore('Ana Lima')
  const peer = await newStore('Bo Chen')
  const { id } = await mine.accounts.add({ name: 'Shared Harbor Co', iors: ['11-2223334'] })
  await setup(mine, id)
  await syncStores(mine, peer)
  return { mine, peer, id }
}

/** Both write `write` unseen, then sync: with fixed Yjs client ids Bo's (higher) value is the one kept. */
async function conflict ({ mine, peer, id }: Pair, write: (s: Store, n: 0 | 1) => Promise<unknown>): Promise<void> {
  ;(await mine.ws.docs.get(accountDocName(id))).clientID = 1
  ;(await peer.ws.docs.get(accountDocName(id))).clientID = 2
  await write(mine, 0)
  await write(peer, 1)
  await syncStores(mine, peer)
  expect(await mine.conflicts.list()).toHaveLength(1)
  expect(await peer.conflicts.list()).toHaveLength(1)
}

const fits = (ui: Ui, columns: number) => { for (const line of ui.lines()) expect([...line].length).toBeLessThanOrEqual(columns) }

/** `!` on the selected row: both values, Bo's kept and Ana's replaced; `keep` picks one, and the mark goes. */
async function pick (ui: Ui, p: Pair, keep: '1' | '2', kept: string, replaced: string): Promise<void> {
  await ui.press('!')
  const f = await ui.waitFor('2  replaced:')
  expect(f).toContain('In conflict')
  expect(f).toMatch(new RegExp(`1 {2}kept: +"${kept}" — Bo Chen`))
  expect(f).toMatch(new RegExp(`2 {2}replaced: +"${replaced}" — Ana Lima`))
  await ui.press(keep)
  await ui.waitFor('conflict closed')
  await ui.waitFor(fr => !fr.includes(' in conflict · '))
  expect(await p.mine.conflicts.list()).toEqual([])
  expect((await p.mine.conflicts.list(p.id, { all: true }))[0]!.conflicts[0]!.resolved?.byName).toBe('Ana Lima')
  expect((await p.mine.ws.log(p.id)).at(-1)?.action).toBe('conflict.resolve')
  await syncStores(p.mine, p.peer)
  expect(await p.peer.conflicts.list()).toEqual([])
}

describe('conflicts and history on the tabs besides Profile', () => {
  it('Checklist: marks the answer in conflict, ! picks one, H shows the item\'s history', async () => {
    const p = await pair()
    await conflict(p, (s, n) => n === 0 ? s.checklist.set(p.id, 'compliance.B', 'yes') : s.checklist.set(p.id, 'compliance.B', 'na', 'no entries'))
    const ui = await renderApp({ store: p.mine, theme: monoTheme })
    await openAccount(ui, 'Shared Harbor Co', { tab: 'checklist', shows: '! 1 in conflict ·' })
    fits(ui, 80)
    await ui.press('j')
    await ui.waitFor(f => (selectedLine(f) ?? '').includes('! '))
    expect(selectedLine(ui.frame())).toMatch(/B {2}! .*No\/NA +no entries/)
    expect(ui.frame()).toContain('! in conflict: Compliance B (! picks)')
    await pick(ui, p, '2', 'No/NA: no entries', 'Yes')
    expect((await p.mine.accounts.show(p.id)).checklist.find(r => r.key === 'compliance.B')?.answer).toBe('yes')

    await ui.press('H')
    const f = await ui.waitFor('History of Compliance B')
    expect(f).toContain('Ana Lima  (empty) → Yes')
    expect(f).toContain('Bo Chen  (empty) → No/NA: no entries')
    expect(f).toContain('Ana Lima  No/NA: no entries → Yes')
    await ui.press('q')
    await ui.waitFor('g SOP guidance')
    await p.peer.close()
  })

  it('Contacts: marks the contact and its field in the form, ! keeps the merge\'s value, H shows the contact\'s history', async () => {
    let contactId = ''
    const p = await pair(async (s, id) => { contactId = (await s.contacts.add(id, { name: 'Jo Park', side: 'account' })).id })
    await conflict(p, (s, n) => s.contacts.set(p.id, contactId, { phone: n === 0 ? '555-0100' : '555-0199' }))
    const ui = await renderApp({ store: p.mine, theme: monoTheme })
    await openAccount(ui, 'Shared Harbor Co', { tab: 'contacts', shows: '! Jo Park' })
    expect(ui.frame()).toContain('! 1 in conflict ·')
    expect(ui.frame()).toContain('! in conflict: Phone (! picks)')
    fits(ui, 80)
    // Enter keeps its meaning (edit); the form marks the field in conflict.
    await ui.press(KEY.enter)
    await ui.waitFor('Edit contact Jo Park')
    expect(ui.frame()).toMatch(/! Phone +555-0199/)
    await ui.press(KEY.escape)
    await ui.waitFor('! Jo Park')
    await pick(ui, p, '1', '555-0199', '555-0100')
    expect((await p.mine.accounts.show(p.id)).contacts[0]!.phone).toBe('555-0199')
    expect(ui.frame()).not.toContain('! Jo Park')

    await ui.press('H')
    const f = await ui.waitFor('History of contact "Jo Park"')
    expect(f).toContain('Ana Lima  Phone: (empty) → 555-0100')
    expect(f).toContain('Bo Chen  Phone: (empty) → 555-0199')
    await p.peer.close()
  })

  it('Action Plan: marks the item, its detail line and its form, ! keeps the replaced value, H shows the item\'s history', async () => {
    let itemId = ''
    const p = await pair(async (s, id) => { itemId = (await s.plan.items.add(id, { title: 'Audit', priority: 'high' })).id })
    await conflict(p, (s, n) => s.plan.items.set(p.id, itemId, { due: n === 0 ? '2027-03-01' : '2027-04-01' }))
    const ui = await renderApp({ store: p.mine, theme: monoTheme })
    await openAccount(ui, 'Shared Harbor Co', { tab: 'plan', shows: '! Audit' })
    expect(ui.frame()).toContain('! 1 in conflict ·')
    expect(ui.frame()).toContain('! in conflict: Due date (! picks)')
    fits(ui, 80)
    await ui.press('e')
    await ui.waitFor('Edit plan item "Audit"')
    expect(ui.frame()).toMatch(/! Due date +2027-04-01/)
    await ui.press(KEY.escape)
    await ui.waitFor('! Audit')
    await pick(ui, p, '2', '2027-04-01', '2027-03-01')
    expect((await p.mine.accounts.show(p.id)).plan.items[0]!.due).toBe('2027-03-01')
    expect(ui.frame()).not.toContain('! Audit')

    await ui.press('H')
    const f = await ui.waitFor('History of plan item "Audit"')
    expect(f).toContain('Ana Lima  Due date: (empty) → 2027-03-01')
    expect(f).toContain('Bo Chen  Due date: (empty) → 2027-04-01')
    expect(f).toContain('Ana Lima  Due date: 2027-04-01 → 2027-03-01')
    await p.peer.close()
  })

  it('CIP: an action step in conflict marks its CIP and the step; ! in the steps picks, H shows the step\'s history', async () => {
    let cipId = ''
    let stepId = ''
    const p = await pair(async (s, id) => {
      cipId = (await s.cips.add(id, { deficiency: 'Valuation' })).id
      stepId = (await s.cips.steps.add(id, cipId, { action: 'Train staff' })).id
    })
    await conflict(p, (s, n) => s.cips.steps.set(p.id, cipId, stepId, { department: n === 0 ? 'Compliance' : 'Logistics' }))
    const ui = await renderApp({ store: p.mine, theme: monoTheme })
    await openAccount(ui, 'Shared Harbor Co', { tab: 'cip', shows: '! Valuation' })
    expect(ui.frame()).toContain('! in conflict: CIP action step "Train staff": Responsible department (! picks)')
    fits(ui, 80)
    await ui.press('t')
    await ui.waitFor('! 1. Train staff')
    expect(ui.frame()).toContain('! in conflict: Responsible department (! picks)')
    await pick(ui, p, '1', 'Logistics', 'Compliance')
    expect((await p.mine.accounts.show(p.id)).cips[0]!.steps[0]!.department).toBe('Logistics')
    expect(ui.frame()).not.toContain('! 1. Train staff')

    await ui.press('H')
    let f = await ui.waitFor('History of action step 1')
    expect(f).toContain('Ana Lima  Responsible department: (empty) → Compliance')
    expect(f).toContain('Bo Chen  Responsible department: (empty) → Logistics')
    await ui.press('q')
    await ui.waitFor('1. Train staff')
    await ui.press(KEY.escape)
    await ui.waitFor('Conditional period')
    expect(ui.frame()).not.toContain('! Valuation')
    await ui.press('H')
    f = await ui.waitFor('History of CIP "Valuation"')
    expect(f).toContain('Ana Lima  (empty) → Valuation')
    await p.peer.close()
  })

  it('at 60×20 the mark, the hint and the panel still fit; ! on a row without a conflict says so', async () => {
    let itemId = ''
    const p = await pair(async (s, id) => {
      itemId = (await s.plan.items.add(id, { title: 'Audit', priority: 'high' })).id
      await s.plan.items.add(id, { title: 'Train brokers', priority: 'low' })
    })
    await conflict(p, (s, n) => s.plan.items.set(p.id, itemId, { owner: n === 0 ? 'Ana' : 'Bo' }))
    const ui = await renderApp({ store: p.mine, theme: monoTheme, columns: 60, rows: 20 })
    await openAccount(ui, 'Shared Harbor Co', { tab: 'plan', shows: '! Audit' })
    fits(ui, 60)
    expect(ui.lines().length).toBeLessThanOrEqual(20)
    expect(ui.frame()).toContain('! 1 in conflict ·')
    await ui.press('j')
    await ui.waitFor(f => (selectedLine(f) ?? '').includes('Train brokers'))
    await ui.press('!')
    await ui.waitFor('Nothing in conflict here')
    await ui.press('k')
    await ui.waitFor(f => (selectedLine(f) ?? '').includes('! Audit'))
    await ui.press('!')
    await ui.waitFor('2  replaced:')
    fits(ui, 60)
    await ui.press(KEY.escape)
    await ui.waitFor('! Audit')
    expect(await p.mine.conflicts.list()).toHaveLength(1)
    await ui.press('?')
    const f = await ui.waitFor('Help — keys on Account')
    expect(f).toContain('In conflict (marked !)')
    await p.peer.close()
  })
})

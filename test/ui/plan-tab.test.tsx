import { describe, expect, it } from 'vitest'
import { addDays, today } from '../../src/domain/index.js'
import { KEY, renderApp, selectedLine } from '../helpers/ui.js'
import { newStore, syncStores } from '../helpers/store.js'
import { openAccount } from '../helpers/open-account.js'

const flat = (f: string) => f.replace(/\s+/g, ' ')

describe('action plan tab', () => {
  it('lists the items High → Medium → Low with owner, due date and status; overdue ones say so', async () => {
    const ui = await renderApp({ demo: true })
    await openAccount(ui, 'Harborview', { tab: 'plan', shows: 'PRIORITY' })
    const f = ui.frame()
    expect(f).toMatch(/PRIORITY\s+TITLE\s+OWNER\s+DUE\s+STATUS/)
    expect(f).toMatch(new RegExp(`High\\s+Classification review of new produc.*Pat Example\\s+${addDays(today(), 12)}\\s+open`))
    expect(f).toMatch(new RegExp(`Medium\\s+Valuation: document assists\\s+Jordan Sample\\s+${addDays(today(), -5)}\\s+overdue`))
    expect(f).toMatch(/Low\s+Evaluate ACH for duty payments/)
    expect(f).toContain('3 open, 1 overdue, 0 done')
    expect(f).toContain('Goal: Reduce classification errors below 5% · for compliance.A')
  })

  it('adds an item: the due date is checked beside the field, then it saves at once', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview', { tab: 'plan', shows: 'PRIORITY' })
    await ui.press('a')
    await ui.waitFor('New plan item')
    expect(ui.frame()).toMatch(/Priority\*\s+medium/)
    await ui.press('Broker audit', KEY.tab, KEY.tab, KEY.tab, KEY.tab, KEY.tab, 'Dana Ruiz', KEY.tab, '2027-02-30', KEY.enter)
    const f = await ui.waitFor(f => flat(f).includes('✗ invalid due date "2027-02-30": no such calendar day'))
    const lines = f.split('\n')
    expect(lines[lines.findIndex(l => /Due date {2,}/.test(l)) + 1]).toMatch(/^\s+✗ invalid due date/)
    expect(await ui.store.plan.items.list(id)).toHaveLength(3)
    await ui.press(KEY.backspace, KEY.backspace, '15', KEY.enter)
    await ui.waitFor(/Medium\s+Broker audit\s+Dana Ruiz\s+2027-02-15\s+open/)
    expect((await ui.store.plan.items.list(id)).find(i => i.title === 'Broker audit')).toMatchObject({ priority: 'medium', owner: 'Dana Ruiz', due: '2027-02-15', status: 'open' })
  })

  it('a required field left empty is refused beside it; Esc cancels the form', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview', { tab: 'plan', shows: 'PRIORITY' })
    await ui.press('a', KEY.tab, KEY.tab, KEY.tab, KEY.tab, '\u0015', KEY.enter)
    // The cursor goes to the first field in error.
    const f = await ui.waitFor(f => /› Title\*/.test(f) && f.includes('✗ Priority is required'))
    expect(f).toContain('✗ Title is required')
    await ui.press(KEY.escape)
    await ui.waitFor(f => f.includes('PRIORITY') && !f.includes('New plan item'))
    expect(await ui.store.plan.items.list(id)).toHaveLength(3)
  })

  it('edits the selected item, sending only what changed', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview', { tab: 'plan', shows: 'PRIORITY' })
    await ui.press('j', 'e')
    await ui.waitFor('Edit plan item "Valuation: document assists"')
    for (let i = 0; i < 4; i++) await ui.press(KEY.down)
    await ui.press('\u0015', 'high', KEY.enter)
    await ui.waitFor(/High\s+Valuation: document assists/)
    const log = await ui.store.ws.log(id)
    expect(log.at(-1)!.summary).toMatch(/^plan item "Valuation: document assists": Priority: Medium → High$|^plan item "Valuation: document assists": .*High/)
  })

  it('completes the selected item with d, and u undoes it', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview', { tab: 'plan', shows: 'PRIORITY' })
    await ui.press('j', 'd')
    await ui.waitFor(/Valuation: document assists\s+Jordan Sample\s+\S+\s+done/)
    expect(ui.frame()).toContain('2 open, 0 overdue'.replace(', 0 overdue', ', 1 done'))
    expect((await ui.store.plan.items.list(id)).find(i => i.title.startsWith('Valuation'))!.status).toBe('done')
    await ui.press('u')
    await ui.waitFor(/Valuation: document assists\s+Jordan Sample\s+\S+\s+overdue/)
    await ui.waitFor('undid: completed plan item "Valuation: document assists"')
    await ui.press('x')
    await ui.waitFor(/Valuation: document assists\s+Jordan Sample\s+\S+\s+done/)
  })

  it('shows a teammate\'s new item as it arrives and keeps the selection on the same item', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview', { tab: 'plan', shows: 'PRIORITY' })
    await ui.press('j', 'j')
    await ui.waitFor(f => /Evaluate ACH/.test(selectedLine(f) ?? ''))
    const peer = await newStore('Lee Chen')
    try {
      await syncStores(ui.store, peer)
      await peer.plan.items.add(id, { title: 'Peer item', priority: 'high', due: addDays(today(), 1) })
      await syncStores(ui.store, peer)
      const f = await ui.waitFor(/High\s+Peer item/)
      expect(selectedLine(f)).toMatch(/Evaluate ACH/)
    } finally {
      await peer.close()
    }
  })
})

import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { addDays, today } from '../../src/domain/index.js'
import { KEY, renderApp, selectedLine } from '../helpers/ui.js'

describe('due screen', () => {
  it('d lists what falls due soonest first, overdue marked; w narrows the period; q goes back', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press('d')
    const f = await ui.waitFor(/Due · all dates · \d+ entries, 1 overdue/)
    const dates = f.split('\n').map(l => /^[› ] (\d{4}-\d{2}-\d{2}) /.exec(l)?.[1]).filter(Boolean) as string[]
    expect(dates.length).toBeGreaterThan(5)
    expect([...dates].sort()).toEqual(dates)
    expect(selectedLine(f)).toMatch(new RegExp(`${addDays(today(), -5)}\\s+overdue 5d\\s+Harborview.*Plan item: Valuation`))
    for (const l of f.split('\n')) expect([...l].length).toBeLessThanOrEqual(80)
    await ui.press('w')
    const g = await ui.waitFor('Due · within 30 days')
    expect(g).not.toContain(addDays(today(), 40))
    expect(g).toContain(addDays(today(), 12))
    await ui.press('q')
    await ui.waitFor(f => f.includes('NEXT DUE') && !f.includes('Due ·'))
  })

  it('Enter opens the account on the tab the entry is about; q comes back to the Due screen', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press('d')
    await ui.waitFor('overdue 5d') // loaded: Enter on the list before that has nothing to open
    await ui.press(KEY.enter)
    await ui.waitFor(f => f.includes('PRIORITY') && f.startsWith('Harborview'))
    await ui.press('q')
    await ui.waitFor(/Due · all dates/)
  })

  it('moves a date as soon as it is recorded (here, another terminal completes the overdue item)', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press('d')
    await ui.waitFor('1 overdue')
    const id = (await ui.store.accounts.list()).find(a => a.name.startsWith('Harborview'))!.id
    const item = (await ui.store.plan.items.list(id)).find(i => i.title.startsWith('Valuation'))!
    await ui.store.plan.items.done(id, item.id)
    const f = await ui.waitFor(f => f.includes('Due · all dates') && !f.includes('overdue'))
    expect(f).not.toContain('Plan item: Valuation')
  })
})

describe('export from the account screen', () => {
  it('E writes the chosen document into the folder, with its gaps counted', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press('j', KEY.enter)
    await ui.waitFor('1 Profile')
    await ui.press('E')
    await ui.waitFor('Export a document for Harborview')
    await ui.press(KEY.tab, KEY.tab, 'plan.md', KEY.enter)
    const f = await ui.waitFor('wrote action-plan to plan.md')
    expect(f).toContain('1 Profile')
    const text = await readFile(`${ui.exportDir}/plan.md`, 'utf8')
    expect(text).toContain('Harborview Sample Electronics')
    expect(text).toContain('Valuation: document assists')
  })

  it('an unknown document is refused beside the field; the default file name has the account, document and date', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press('j', KEY.enter, '4')
    await ui.waitFor('PRIORITY')
    await ui.press('E')
    await ui.waitFor('Export a document')
    await ui.press('\u0015', 'memo', KEY.enter)
    await ui.waitFor(/✗ .*memo/)
    await ui.press('\u0015', 'cip', KEY.tab, '\u0015', 'html', KEY.enter)
    const name = `harborview-sample-electronics-demo-cip-${today()}.html`
    await ui.waitFor(`wrote cip to ${name}`)
    expect(ui.frame()).toContain('PRIORITY') // back on the tab it came from
    expect(await readFile(`${ui.exportDir}/${name}`, 'utf8')).toMatch(/^<!doctype html>/i)
  })
})

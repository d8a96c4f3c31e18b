import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addDays, today } from '../../src/domain/index.js'
import { KEY, renderApp, selectedLine } from '../helpers/ui.js'
import { openAccount } from '../helpers/open-account.js'

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

/** Whether the frame shows the text, wrapped anywhere (at a space, or inside a long path). */
const shows = (f: string, text: string) => f.replace(/\s+/g, '').includes(text.replace(/\s+/g, ''))

describe('export from the account screen', () => {
  it('E writes the chosen document into the folder, with its gaps counted', async () => {
    const ui = await renderApp({ demo: true })
    await openAccount(ui, 'Harborview')
    await ui.press('E')
    await ui.waitFor('Export a document for Harborview')
    await ui.press(KEY.tab, KEY.tab, KEY.tab, 'plan.md', KEY.enter)
    const f = await ui.waitFor(f => shows(f, `wrote action-plan to ${ui.exportDir}/plan.md`))
    expect(f).toContain('1 Profile')
    const text = await readFile(`${ui.exportDir}/plan.md`, 'utf8')
    expect(text).toContain('Harborview Sample Electronics')
    expect(text).toContain('Valuation: document assists')
  })

  it('an unknown document is refused beside the field; the default file name has the account, document and date', async () => {
    const ui = await renderApp({ demo: true })
    await openAccount(ui, 'Harborview', { tab: 'plan', shows: 'PRIORITY' })
    await ui.press('E')
    await ui.waitFor('Export a document')
    await ui.press('\u0015', 'memo', KEY.enter)
    await ui.waitFor(/✗ .*memo/)
    await ui.press('\u0015', 'cip', KEY.tab, '\u0015', 'html', KEY.enter)
    const name = `harborview-sample-electronics-demo-cip-${today()}.html`
    await ui.waitFor(f => shows(f, `wrote cip to ${ui.exportDir}/${name}`))
    expect(ui.frame()).toContain('PRIORITY') // back on the tab it came from
    expect(await readFile(`${ui.exportDir}/${name}`, 'utf8')).toMatch(/^<!doctype html>/i)
  })

  it('exports into <home>/exports by default (never the current folder), or a folder typed in the form; the whole path shows, wrapped', async () => {
    const ui = await renderApp({ demo: true, exportDir: false, columns: 60, rows: 20 })
    const home = ui.store.ws.paths.root
    await openAccount(ui, 'Harborview')
    await ui.press('E')
    let f = await ui.waitFor('Export a document for Harborview')
    expect(shows(f, `Into the folder below: ${home}/exports unless you change it`)).toBe(true)
    await ui.press(KEY.tab, KEY.tab, KEY.tab, 'plan.md', KEY.enter)
    f = await ui.waitFor(f => shows(f, `wrote action-plan to ${home}/exports/plan.md`))
    for (const l of f.split('\n')) expect([...l].length).toBeLessThanOrEqual(60)
    expect(await readFile(join(home, 'exports', 'plan.md'), 'utf8')).toContain('Harborview')
    expect(existsSync(join(process.cwd(), 'plan.md'))).toBe(false)
    await ui.press('E')
    await ui.waitFor('Export a document')
    await ui.press(KEY.tab, KEY.tab, '\u0015', 'for-broker/2026', KEY.tab, 'p.md', KEY.enter)
    await ui.waitFor(f => shows(f, `wrote action-plan to ${home}/for-broker/2026/p.md`))
    expect(await readFile(join(home, 'for-broker', '2026', 'p.md'), 'utf8')).toContain('Harborview')
  })
})

import { describe, expect, it } from 'vitest'
import { KEY, renderApp, selectedLine } from '../helpers/ui.js'
import { addDemoAccounts } from '../../src/cli/demo.js'

describe('accounts screen', () => {
  it('shows the demo accounts in a table that fits 80×24', async () => {
    const ui = await renderApp({ demo: true })
    const f = await ui.waitFor('Northwind Example Foods')
    expect(f).toContain('Blue Heron Demo Apparel')
    expect(f).toMatch(/NAME\s+IR#\s+LEAD PORT\s+STAGE\s+OPEN\s+NEXT DUE/)
    expect(f).toMatch(/Harborview Sample Electron.*99-1000001 \+1\s+Long Beach\s+Improve\s+3\s+!\d{4}-\d\d-\d\d/)
    const lines = ui.lines()
    expect(lines.length).toBeLessThan(24)
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80)
    expect(lines.at(-1)).toMatch(/PAT Desk · Dana Ruiz's team · Dana Ruiz .*sync off · \? help/)
  })

  it('moves with j/k and arrows and opens the selected account with Enter', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    expect(selectedLine(ui.frame())).toMatch(/Blue Heron/)
    await ui.press('j')
    await ui.waitFor(f => /Harborview/.test(selectedLine(f) ?? ''))
    await ui.press(KEY.down, KEY.up, 'k', 'j')
    await ui.waitFor(f => /Harborview/.test(selectedLine(f) ?? ''))
    await ui.press(KEY.enter)
    const f = await ui.waitFor('1 Profile')
    expect(f).toMatch(/Harborview Sample Electronics \(DEMO\) · IR# 99-1000001 \+1 · Long Beach · Improve/)
    await ui.press('q')
    await ui.waitFor(f => /Harborview/.test(selectedLine(f) ?? '') && f.includes('NEXT DUE'))
  })

  it('filters as you type; Enter keeps the filter, Esc clears it', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press('/', 'h', 'a', 'r')
    let f = await ui.waitFor('Filter: har')
    expect(f).not.toContain('Blue Heron')
    expect(f).toContain('Harborview')
    expect(f).toContain('Accounts · 1 of 3')
    await ui.press('q') // typed into the filter, not quitting
    f = await ui.waitFor('No account matches')
    await ui.press(KEY.backspace, KEY.enter)
    f = await ui.waitFor(f => f.includes('Harborview') && !f.includes('No account matches'))
    await ui.press(KEY.enter)
    await ui.waitFor('1 Profile')
    await ui.press('q')
    f = await ui.waitFor('NEXT DUE')
    expect(f).toContain('Filter: har')
    await ui.press('/', KEY.escape)
    f = await ui.waitFor(f => f.includes('Blue Heron') && f.includes('Northwind'))
    expect(f).not.toContain('Filter:')
  })

  it('Esc (or q) on the list with a filter kept clears the filter first, as its hint says', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press('/', 'harbor', KEY.enter)
    let f = await ui.waitFor(f => f.includes('Filter: harbor') && f.includes('Esc clears')) // kept: the hint says how to clear it
    expect(f).not.toContain('Northwind')
    await ui.press(KEY.escape)
    f = await ui.waitFor(f => f.includes('Northwind') && f.includes('Blue Heron') && f.includes('Harborview'))
    expect(f).not.toContain('Filter:')
    expect(f).toContain('Accounts · 3 ·')
    await ui.press('/', 'north', KEY.enter)
    await ui.waitFor(f => f.includes('Filter: north') && f.includes('Esc clears'))
    await ui.press('q')
    await ui.waitFor(f => f.includes('Harborview') && !f.includes('Filter:'))
  })

  it('filters by IR# and lead port too', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press('/', '99-2000002')
    await ui.waitFor(f => f.includes('Blue Heron') && !f.includes('Harborview') && !f.includes('Northwind'))
    await ui.press(KEY.escape, '/', 'seattle')
    await ui.waitFor(f => f.includes('Northwind') && !f.includes('Blue Heron'))
  })

  it('sorts by the next column with o and reverses with r', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    const order = (f: string) => ['Blue Heron', 'Harborview', 'Northwind'].sort((a, b) => f.indexOf(a) - f.indexOf(b)).join(',')
    expect(order(ui.frame())).toBe('Blue Heron,Harborview,Northwind')
    await ui.press('r')
    await ui.waitFor(f => order(f) === 'Northwind,Harborview,Blue Heron' && f.includes('by name ↓'))
    await ui.press('r', 'o', 'o', 'o') // IR#, lead port, then SOP stage
    const f = await ui.waitFor('by SOP stage ↑')
    expect(order(f)).toBe('Northwind,Blue Heron,Harborview') // select, evaluate, improve
    await ui.press('o')
    await ui.waitFor(f => f.includes('by open items ↑') && order(f) === 'Northwind,Blue Heron,Harborview') // 0, 1, 3: ascending
    await ui.press('r')
    await ui.waitFor(f => f.includes('by open items ↓') && order(f) === 'Harborview,Blue Heron,Northwind')
  })

  it('hides archived accounts unless A asks for them', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    const north = (await ui.store.accounts.list()).find(a => a.name.startsWith('Northwind'))!
    await ui.store.accounts.archive(north.id)
    let f = await ui.waitFor(f => !f.includes('Northwind'))
    expect(f).toContain('1 archived hidden')
    await ui.press('A')
    f = await ui.waitFor(/Northwind Example Foods \(a/)
    expect(f).toContain('showing archived accounts')
  })

  it('shows a change made through the store while it is on screen (another terminal, a peer)', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    const blue = (await ui.store.accounts.list()).find(a => a.name.startsWith('Blue'))!
    await ui.store.accounts.set(blue.id, { leadPort: 'Oakland', stage: 'manage' })
    await ui.waitFor(f => /Blue Heron Demo Apparel\s+99-2000002\s+Oakland\s+Manage/.test(f))
    await ui.store.plan.items.add(blue.id, { title: 'New item', priority: 'low', due: '2020-01-01' })
    await ui.waitFor(f => /Blue Heron.*Manage\s+2 !2020-01-01/.test(f)) // overdue: marked "!" (seen without colour too)
  })

  it('adds an account, with the validation message beside the field', async () => {
    const ui = await renderApp()
    await ui.waitFor('No accounts yet')
    await ui.press('a')
    await ui.waitFor('New account')
    await ui.press(KEY.enter)
    let f = await ui.waitFor('✗ Name is required')
    await ui.press('Harbor Imports', KEY.tab, '12-34')
    await ui.press(KEY.enter)
    f = await ui.waitFor('invalid IR# "12-34"')
    const lines = f.split('\n')
    const at = lines.findIndex(l => l.includes('IR#s'))
    expect(lines[at + 1]).toMatch(/✗ invalid IR# "12-34"/)
    await ui.press(KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, '12-3456789', KEY.enter)
    f = await ui.waitFor('1 Profile')
    expect(f).toContain('Harbor Imports · IR# 12-3456789')
    expect((await ui.store.accounts.list())[0]).toMatchObject({ name: 'Harbor Imports', iors: ['12-3456789'] })
  })

  it('re-lays the table out when the terminal is resized', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    ui.resize(120, 30)
    let f = await ui.waitFor('Harborview Sample Electronics (DEMO)')
    expect(f.split('\n').length).toBeLessThanOrEqual(30)
    ui.resize(60, 14)
    f = await ui.waitFor(f => f.split('\n').every(l => [...l].length <= 60) && f.includes('Northwind'))
    expect(f.replace(/\n$/, '').split('\n').length).toBeLessThan(14)
  })

  it('on the first run, offers the demo accounts: d adds them', async () => {
    const ui = await renderApp({ offerDemo: addDemoAccounts })
    await ui.waitFor('Your name, as teammates will see it')
    await ui.press(KEY.enter) // keeps the name the workspace was made with
    await ui.waitFor(/d\s+add three clearly fictional demo accounts/)
    await ui.press('d')
    const f = await ui.waitFor('Northwind Example Foods')
    expect(f).toContain('added the demo accounts')
    expect(await ui.store.accounts.list()).toHaveLength(3)
  })

  it('on the first run, Enter starts with an empty workspace', async () => {
    const ui = await renderApp({ offerDemo: addDemoAccounts })
    await ui.waitFor('Your name, as teammates will see it')
    await ui.press(KEY.enter)
    await ui.waitFor(/Enter\s+start with an empty workspace/)
    await ui.press(KEY.enter)
    await ui.waitFor('No accounts yet')
    expect(await ui.store.accounts.list()).toHaveLength(0)
  })
})

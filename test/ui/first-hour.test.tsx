// The app's rough edges of a new user's first hour (issue #14), each as a person meets it: undo that stays
// on data screens and says what it acts on, redo, long values read and edited whole, the stage question,
// narrow and wide terminals, NO_COLOR, the Due screen's workspace entries and the contact form's Side.
import { describe, expect, it } from 'vitest'
import { monoTheme } from '../../src/ui/theme/theme.js'
import { KEY, renderApp, selectedLine } from '../helpers/ui.js'
import { openAccount } from '../helpers/open-account.js'
import { selectProfileRow } from '../helpers/profile-row.js'

const CTRL_S = '\u0013'
const CTRL_R = '\u0012'

describe('undo and redo in the app', () => {
  it('u undoes only on data screens, names what it undid; U brings it back; another account\'s edit is not undone from here', async () => {
    const ui = await renderApp({ demo: true })
    const harbor = await openAccount(ui, 'Harborview')
    await ui.press('4', 'a')
    await ui.waitFor('New plan item')
    await ui.press('Broker audit', KEY.enter)
    // The form's own field shows the title too: wait for the form to close and the item to be listed.
    await ui.waitFor(f => !f.includes('New plan item') && /Broker audit/.test(f))
    const titles = async () => (await ui.store.plan.items.list(harbor)).map(i => i.title)
    // Help covers the tab: u there is not undo.
    await ui.press('?')
    await ui.waitFor('Help — keys on Account: Action Plan')
    await ui.press('u', '?')
    await ui.waitFor(f => f.includes('PRIORITY') && !f.includes('Help'))
    expect(await titles()).toContain('Broker audit')
    await ui.press('u')
    await ui.waitFor(f => /undid: added plan item "Broker audit" .*\(Harborview Sample Electronics \(DEMO\)\) · U redoes it/.test(f.replace(/\s+/g, ' ')))
    expect(await titles()).not.toContain('Broker audit')
    await ui.press('U')
    await ui.waitFor(/redid: added plan item "Broker audit"/)
    expect(await titles()).toContain('Broker audit')
    await ui.press('u')
    await ui.waitFor('undid: added plan item')
    await ui.press(CTRL_R)
    await ui.waitFor('redid: added plan item')
    // On another account, the last edit (Harborview's) is named, not undone.
    await ui.press('q')
    await ui.waitFor('NEXT DUE')
    await ui.waitFor(f => f.includes('Northwind') && !f.includes('Filter:'))
    await openAccount(ui, 'Northwind')
    await ui.press('u')
    await ui.waitFor(f => /the last edit to undo is on Harborview Sample Electronics \(DEMO\) \(added plan item "Broker audit".*\): open that account/.test(f.replace(/\s+/g, ' ')))
    expect(await titles()).toContain('Broker audit')
    // From the accounts list, it is undone.
    await ui.press('q')
    await ui.waitFor('NEXT DUE')
    await ui.press('u')
    await ui.waitFor('undid: added plan item "Broker audit"')
    expect(await titles()).not.toContain('Broker audit')
  })
})

describe('long values', () => {
  it('Enter on an activity row shows the whole entry; Enter closes it', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Northwind')
    const title = `${'Review the broker entries of frozen seafood, port by port, '.repeat(2)}END-OF-TITLE`
    await ui.store.plan.items.add(id, { title, priority: 'high' })
    await ui.press('6')
    let f = await ui.waitFor(f => f.includes('newest first') && f.includes('added plan item'))
    expect(f).not.toContain('END-OF-TITLE') // the row is cut at the edge
    await ui.press(KEY.enter)
    f = await ui.waitFor('Activity entry')
    expect(f.replace(/\s+/g, ' ')).toContain(title)
    expect(f).toMatch(/Who: +Dana Ruiz/)
    for (const l of f.split('\n')) expect([...l].length).toBeLessThanOrEqual(80)
    await ui.press(KEY.enter)
    await ui.waitFor(f => f.includes('newest first') && !f.includes('Activity entry'))
  })

  it('corporate structure opens a multi-line editor: Enter adds lines, a paste keeps its breaks, arrows move, Ctrl-S saves', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Northwind')
    await selectProfileRow(ui, id, 'structure')
    await ui.press(KEY.enter)
    let f = await ui.waitFor('Editing Corporate structure of Northwind')
    expect(f).toContain('Ctrl-S save')
    await ui.press('\u0005') // Ctrl-E: the end of the (empty) text
    await ui.press(KEY.enter, 'Parent: Northwind Holdings', KEY.enter, 'Subsidiary: NW Logistics')
    await ui.stdin.write('\rLine three\rLine four') // a paste: its breaks become new lines
    f = await ui.waitFor('Line four')
    expect(f).toMatch(/Parent: Northwind Holdings\n\s+Subsidiary: NW Logistics\n\s+Line three\n\s+Line four/)
    await ui.press(KEY.up, KEY.up, 'X') // from the end of "Line four" (column 9) up two lines: column 9 of "Subsidiary"
    await ui.waitFor('SubsidiarXy: NW Logistics')
    await ui.press(KEY.down, KEY.down, KEY.down, '!') // past the last line: to the end of the text
    await ui.waitFor('Line four!')
    await ui.press(CTRL_S)
    await ui.waitFor(f => f.includes('saved corporate structure'))
    const saved = String((await ui.store.accounts.show(id)).profile.structure)
    expect(saved.split('\n').length).toBeGreaterThanOrEqual(4)
    expect(saved).toContain('Line four')
    expect(saved).toContain('SubsidiarXy: NW Logistics\nLine three\nLine four!')
  })

  it('the plan\'s background and scope open in the multi-line editor from the Action Plan tab (b, S); Esc changes nothing', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Northwind')
    await ui.press('4')
    await ui.waitFor('b background · B facts · S scope')
    await ui.press('b')
    await ui.waitFor("Editing the plan's background & structure for Northwind")
    await ui.press('Family-owned importer.', KEY.enter, 'Two brokers.', CTRL_S)
    await ui.waitFor("saved the plan's background & structure")
    await ui.press('S')
    await ui.waitFor("Editing the plan's scope")
    await ui.press('not saved', KEY.escape)
    await ui.waitFor('PRIORITY')
    const plan = await ui.store.plan.show(id)
    expect(plan.background).toBe('Family-owned importer.\nTwo brokers.')
    expect(plan.scope ?? '').toBe('')
  })

  // 001_f75c851ccf3a999b.txt, Account Background & Structure: "Provide Compliance Measurement results from the past
  // year"; "countries of its chief non-related suppliers"; "the department(s) which handle(s) Customs business".
  it('the Action Plan tab shows the background\'s facts, ⚠ where missing, and B edits them in a form', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Northwind')
    await ui.press('4')
    let f = await ui.waitFor('Background: ⚠ CM results · ⚠ supplier countries · ⚠ Customs departments')
    expect(f.split('\n')[3]).toMatch(/^Background: /) // under the tab bar and the keys line, above the table
    expect(f).toContain('PRIORITY')
    await ui.press('B')
    await ui.waitFor("The background's facts for Northwind")
    await ui.press('91% overall', KEY.tab, 'CN, TW', KEY.tab, 'Logistics', KEY.enter)
    f = await ui.waitFor('Background: CM 91% overall · suppliers CN, TW · Customs depts Logistics')
    expect(f).not.toContain('⚠')
    expect(await ui.store.plan.show(id)).toMatchObject({ cmResults: '91% overall', supplierCountries: ['CN', 'TW'], customsDepartments: 'Logistics' })
  })

  it('at 120 columns every profile label shows whole', async () => {
    const ui = await renderApp({ demo: true, columns: 120, rows: 40 })
    await openAccount(ui, 'Harborview')
    const f = await ui.waitFor('Corporate structure')
    expect(f).toContain('OST last notified of the account definition')
    expect(f).toContain('Account definition last changed')
  })
})

describe('the SOP stage', () => {
  it('moving past open tasks says which and asks; n keeps editing, y moves it', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Northwind')
    await selectProfileRow(ui, id, 'stage')
    await ui.press(KEY.enter, '\u0015', 'improve', KEY.enter)
    const asked = (f: string) => f.replace(/\s+/g, ' ').includes('Move it anyway?')
    let f = await ui.waitFor(asked)
    expect(f.replace(/\s+/g, ' ')).toMatch(/leaves Select for Improve with \d+ tasks? still open: .+ y moves it · n\/Esc keeps editing/)
    expect((await ui.store.accounts.show(id)).stage).toBe('select')
    await ui.press('n')
    f = await ui.waitFor(f => !asked(f) && f.includes('Editing SOP stage'))
    await ui.press(KEY.enter)
    await ui.waitFor(asked)
    await ui.press('y')
    await ui.waitFor('saved sop stage')
    expect((await ui.store.accounts.show(id)).stage).toBe('improve')
  })

  // 001_f75c851ccf3a999b.txt, Select step 5: "you must notify the NASC and wait for OI clearance before beginning your work"
  it('leaving Select before OI clearance says so, and a yes is logged as forced (as pat stage --force)', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Northwind')
    await selectProfileRow(ui, id, 'stage')
    await ui.press(KEY.enter, '\u0015', 'establish', KEY.enter)
    const f = await ui.waitFor(f => f.replace(/\s+/g, ' ').includes('Move it anyway?'))
    expect(f.replace(/\s+/g, ' ')).toMatch(/No OI clearance is recorded \(select\.clearance\); the SOP says to wait for it, so a move is logged as forced\. Northwind/)
    await ui.press('y')
    await ui.waitFor('saved sop stage')
    const log = await ui.store.ws.log(id)
    expect(log.at(-1)?.summary).toBe('SOP stage: Select → Establish (forced: left Select before OI clearance was recorded)')
  })
})

describe('terminal sizes and NO_COLOR', () => {
  it('at 60×20 the accounts table keeps the name and next due, and the tabs read as whole words', async () => {
    const ui = await renderApp({ demo: true, columns: 60, rows: 20 })
    let f = await ui.waitFor('Northwind')
    expect(f).toMatch(/NAME\s+STAGE\s+OPEN\s+NEXT DUE/)
    expect(f).not.toContain('LEAD PORT')
    expect(f).toMatch(/Harborview Sample Electronics.*!\d{4}-\d\d-\d\d/)
    for (const l of f.split('\n')) expect([...l].length).toBeLessThanOrEqual(60)
    await ui.press(KEY.enter)
    f = await ui.waitFor('1 Profile')
    expect(f).toMatch(/1 Profile\s+2 People\s+3 Checks\s+4 Plan\s+5 CIP\s+6 Log/)
    expect(f).not.toContain('…  ')
  })

  it('at 120×40 the Due screen shows whole account names, and its header keeps its keys', async () => {
    const ui = await renderApp({ demo: true, columns: 120, rows: 40 })
    await ui.waitFor('Northwind')
    await ui.press('d')
    const f = await ui.waitFor('overdue 5d')
    expect(f).toContain('Harborview Sample Electronics (DEMO)')
    expect(f.split('\n')[0]).toMatch(/Due · all dates · \d+ entries, 1 overdue .*Enter open · w period · q back/)
  })

  it('at 80×24 the Due header keeps its keys with a period and an overdue count', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press('d', 'w')
    const f = await ui.waitFor('within 30 days')
    expect(f.split('\n')[0]).toMatch(/Due · within 30 days.*Enter open · w period · q back$/)
  })

  it('with NO_COLOR, overdue dates carry a "!"', async () => {
    const ui = await renderApp({ demo: true, theme: monoTheme })
    let f = await ui.waitFor('Northwind')
    expect(f).toMatch(/Harborview.*!\d{4}-\d\d-\d\d/)
    await ui.press('d')
    f = await ui.waitFor('overdue 5d')
    expect(selectedLine(f)).toMatch(/^› !\d{4}-\d\d-\d\d overdue 5d/)
  })
})

describe('the Due screen\'s workspace entries', () => {
  it('Enter on the OST deadline lists the accounts to report to OST; q goes back to every date', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press('d')
    let f = await ui.waitFor('(whole workspace)')
    const lines = f.split('\n')
    const at = lines.findIndex(l => l.includes('(whole workspace)'))
    const first = lines.findIndex(l => l.startsWith('›'))
    for (let i = first; i < at; i++) await ui.press('j')
    await ui.waitFor(f => (selectedLine(f) ?? '').includes('(whole workspace)'))
    await ui.press(KEY.enter)
    f = await ui.waitFor(/Due · to report to OST by \d{4}-\d\d-\d\d/)
    expect(f).not.toContain('(whole workspace)')
    await ui.press('q')
    await ui.waitFor(f => f.includes('Due · all dates') && f.includes('(whole workspace)'))
  })
})

describe('the contact form', () => {
  it('shows the Side field\'s allowed values beside it', async () => {
    const ui = await renderApp({ demo: true })
    await openAccount(ui, 'Northwind')
    await ui.press('2', 'a')
    const f = await ui.waitFor('New contact')
    expect(f).toMatch(/Side\*\s+account\s+\(customs \| account \| agency\)/)
  })
})

import { describe, expect, it } from 'vitest'
import { KEY, renderApp, selectedLine } from '../helpers/ui.js'
import { newStore, syncStores } from '../helpers/store.js'
import { openAccount } from '../helpers/open-account.js'

/** The frame with line breaks and runs of spaces as one space: for messages that wrap. */
const flat = (f: string) => f.replace(/\s+/g, ' ')

describe('account screen', () => {
  it('shows the account with its tabs, switched with Tab, Shift-Tab, arrows and digits', async () => {
    const ui = await renderApp({ demo: true })
    await openAccount(ui, 'Harborview')
    let f = ui.frame()
    expect(f).toMatch(/1 Profile\s+2 Contacts\s+3 Checklist\s+4 Action Plan\s+5 CIP\s+6 Activity/)
    expect(f).toMatch(/Annual import value\s+\$48,000,000/)
    expect(f).toMatch(/Business categories\s+importer, exporter/)
    await ui.press(KEY.tab)
    f = await ui.waitFor('Customs network (1)')
    expect(f).toMatch(/Account points of contact \(1\)\n\s+Jordan Sample · Trade Compliance Manager, Harborview Sample/)
    await ui.press(KEY.tab)
    await ui.waitFor('Compliance Items (3/11 answered)')
    await ui.press(KEY.right)
    await ui.waitFor('PRIORITY')
    await ui.press('l')
    f = await ui.waitFor('DEFICIENCY')
    expect(f).toMatch(/Misclassified printed circuit assemblies\s+implementing/)
    expect(f).toMatch(/Action steps: 1\. Train classification staff · target \d{4}-\d\d-\d\d · Trade Complia/)
    await ui.press(KEY.tab)
    f = await ui.waitFor('newest first')
    expect(f).toMatch(/Dana Ruiz {2}added approval "Jordan Sample/)
    await ui.press(KEY.shiftTab)
    await ui.waitFor('DEFICIENCY')
    await ui.press('1')
    await ui.waitFor('Annual import value')
    await ui.press(KEY.left)
    await ui.waitFor('newest first')
    for (const line of ui.lines()) expect([...line].length).toBeLessThanOrEqual(80)
    expect(ui.lines().length).toBeLessThan(24)
  })

  it('edits a profile field in place; Enter saves at once, Esc cancels', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview')
    await ui.press('j', 'j', 'j')
    await ui.waitFor(f => /Lead port/.test(selectedLine(f) ?? ''))
    await ui.press('e')
    await ui.waitFor('Editing Lead port')
    await ui.press('\u0015', 'Oakland', KEY.enter) // Ctrl-U clears the line
    await ui.waitFor(f => /Lead port\s+Oakland/.test(f) && !f.includes('Editing'))
    expect((await ui.store.accounts.show(id)).leadPort).toBe('Oakland')
    await ui.waitFor('Oakland · Improve') // the title line follows
    await ui.press(KEY.enter, 'XYZ', KEY.escape)
    await ui.waitFor(f => !f.includes('Editing') && /Lead port\s+Oakland/.test(f))
    expect((await ui.store.accounts.show(id)).leadPort).toBe('Oakland')
  })

  it('shows a validation error beside the field and saves nothing', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview')
    await ui.press('j', KEY.enter, '\u0015', '99-1000001, 12-34', KEY.enter)
    let f = await ui.waitFor('✗ invalid IR# "12-34"')
    let lines = f.split('\n')
    expect(lines[lines.findIndex(l => /IR#s {2,}/.test(l)) + 1]).toMatch(/^\s+✗ invalid IR# "12-34": use an IRS number/)
    expect((await ui.store.accounts.show(id)).iors).toEqual(['99-1000001', '99-100000101'])
    await ui.press(KEY.escape)
    await ui.waitFor(f => !f.includes('✗'))
    // A date: the domain's own validator, its message beside the field.
    for (let i = 0; i < 12; i++) await ui.press('j')
    await ui.waitFor(f => /Profile last reviewed/.test(selectedLine(f) ?? ''))
    await ui.press('e', '\u0015', '2026-02-30', KEY.enter)
    f = await ui.waitFor(f => flat(f).includes('✗ invalid profile review date "2026-02-30": no such calendar day'))
    lines = f.split('\n')
    expect(lines[lines.findIndex(l => /Profile last reviewed {2,}/.test(l)) + 1]).toMatch(/^\s+✗ invalid profile review date/)
  })

  it('shows a teammate\'s change to the field being edited beside it; Enter still saves the draft', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview')
    const peer = await newStore('Lee Chen')
    try {
      await syncStores(ui.store, peer)
      await ui.press('j', 'j', 'j', 'e', '\u0015', 'San Pedro')
      await ui.waitFor('Editing Lead port')
      await peer.accounts.set(id, { leadPort: 'Oakland' })
      await syncStores(ui.store, peer)
      const f = await ui.waitFor('changed by a teammate: Oakland')
      expect(f).toMatch(/Lead port\s+San Pedro/) // the draft is kept
      await ui.press(KEY.enter)
      await ui.waitFor(f => /Lead port\s+San Pedro/.test(f) && !f.includes('teammate'))
      expect((await ui.store.accounts.show(id)).leadPort).toBe('San Pedro')
    } finally {
      await peer.close()
    }
  })

  it('shows remote edits live, without a refresh', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview')
    const peer = await newStore('Lee Chen')
    try {
      await syncStores(ui.store, peer)
      await peer.accounts.set(id, { address: '1 Harbor Plaza, Long Beach' })
      await peer.contacts.add(id, { name: 'Morgan Peer', side: 'customs', role: 'Auditor' })
      await syncStores(ui.store, peer)
      await ui.waitFor(/Address\s+1 Harbor Plaza, Long Beach/)
      await ui.press('2')
      await ui.waitFor(/Customs network \(2\)\n.*Morgan Peer · Auditor/)
      await ui.press('6')
      await ui.waitFor('Lee Chen  added contact "Morgan Peer"')
    } finally {
      await peer.close()
    }
  })

  it('adds and edits a CIP with a form built from its field specs', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview')
    await ui.press('5', 'a')
    await ui.waitFor('New Compliance Improvement Plan')
    await ui.press('Late entry summaries')
    // 004_7e84c79b4b761dce.txt, suggested format: "Date Compliance Improvement Plan Prepared" — a field, never the export date.
    for (let i = 0; i < 6; i++) await ui.press(KEY.tab)
    await ui.waitFor('Date prepared: YYYY-MM-DD')
    await ui.press('2026-01-20', KEY.tab, KEY.tab)
    await ui.press('2026-13-01', KEY.enter)
    await ui.waitFor(f => flat(f).includes('✗ invalid CA report date "2026-13-01": no such calendar day'))
    await ui.press('\u0015', '2026-01-15', KEY.enter)
    const f = await ui.waitFor(/Late entry summaries\s+draft\s+2026-07-15/)
    expect(f).toContain('Misclassified printed circuit assemblies')
    const added = (await ui.store.cips.list(id)).find(c => c.deficiency === 'Late entry summaries')
    expect(added).toMatchObject({ prepared: '2026-01-20', reportDate: '2026-01-15', steps: [] })
    await ui.press('u')
    await ui.waitFor(f => f.includes('undid: added CIP "Late entry summaries"') && !/Late entry summaries\s+draft/.test(f))
  })

  // 004_7e84c79b4b761dce.txt: "A target date should be established for each action step"; "The action plan
  // should reference the department assigned to address each action step."
  it('adds and edits a CIP\'s action steps, each with its own target date and department (t)', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview')
    await ui.press('5')
    let f = await ui.waitFor(/Action steps: 1\. Train classification staff · target \d{4}-\d\d-\d\d · Trade Complia/)
    expect(flat(f)).toMatch(/Prepared \d{4}-\d\d-\d\d · issued ⚠ no approval date/)
    await ui.press('t')
    await ui.waitFor('Action steps of CIP "Misclassified printed circuit assemblies"')
    await ui.press('a')
    await ui.waitFor('New action step')
    await ui.press('Validate 50 entries', KEY.tab, KEY.tab, '2027-02-30', KEY.enter)
    await ui.waitFor(f => flat(f).includes('✗ invalid step target date "2027-02-30": no such calendar day'))
    await ui.press('\u0015', '2027-02-28', KEY.enter)
    f = await ui.waitFor(/3\. Validate 50 entries · target 2027-02-28 · ⚠ no department/)
    // Edit the step just added: its department.
    await ui.press('G', 'e')
    await ui.waitFor('Edit action step "Validate 50 entries')
    await ui.press(KEY.tab, KEY.tab, KEY.tab, 'Internal Audit', KEY.enter)
    await ui.waitFor(/3\. Validate 50 entries · target 2027-02-28 · Internal Audit/)
    const [cip] = await ui.store.cips.list(id)
    expect(cip!.steps.map(s => [s.action, s.department])).toEqual([
      ['Train classification staff', 'Trade Compliance'], ['Add a review step before filing', 'Import Operations'], ['Validate 50 entries', 'Internal Audit']
    ])
    await ui.press(KEY.escape)
    f = await ui.waitFor('NEXT TARGET')
    expect(f).toMatch(/Misclassified printed circuit assemblies\s+implementing/)
  })

  it('q goes back to the accounts list, keeping its selection', async () => {
    const ui = await renderApp({ demo: true })
    await openAccount(ui, 'Harborview')
    await ui.press('3', 'q')
    const f = await ui.waitFor('NEXT DUE')
    expect(selectedLine(f)).toMatch(/Harborview/)
  })
})

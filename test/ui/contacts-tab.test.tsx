import { describe, expect, it } from 'vitest'
import { KEY, renderApp, selectedLine } from '../helpers/ui.js'
import { openAccount } from '../helpers/open-account.js'

describe('contacts tab', () => {
  it('groups the Customs network and the account\'s points of contact', async () => {
    const ui = await renderApp({ demo: true })
    await openAccount(ui, 'Harborview', { tab: 'contacts', shows: 'Customs network (1)' })
    const f = ui.frame()
    expect(f).toMatch(/Customs network \(1\)\n› Pat Example · Import Specialist \(team lead\), Port of Long Beach · 555-0100/)
    expect(f).toMatch(/Account points of contact \(1\)\n {2}Jordan Sample/)
    await ui.press('j')
    await ui.waitFor(f => /Jordan Sample/.test(selectedLine(f) ?? ''))
  })

  it('adds a contact, checking the email beside the field', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview', { tab: 'contacts', shows: 'Customs network (1)' })
    await ui.press('a')
    await ui.waitFor('New contact')
    expect(ui.frame()).toMatch(/Side\*\s+account/)
    await ui.press('Avery Broker', KEY.tab, KEY.tab, 'Sample Customs Brokerage', KEY.tab, 'Licensed broker', KEY.tab, KEY.tab, 'avery-at-example', KEY.enter)
    const f = await ui.waitFor('✗ invalid email "avery-at-example"')
    const lines = f.split('\n')
    expect(lines[lines.findIndex(l => /Email {2,}/.test(l)) + 1]).toMatch(/✗ invalid email/)
    await ui.press('\u0015', 'avery@example.com', KEY.enter)
    await ui.waitFor(/Account points of contact \(2\)\n {2}Avery Broker · Licensed broker, Sample Customs Brokerage · avery@example.com/)
    expect((await ui.store.contacts.list(id)).map(c => c.name)).toContain('Avery Broker')
  })

  it('edits the selected contact and removes one (u brings it back)', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview', { tab: 'contacts', shows: 'Customs network (1)' })
    await ui.press(KEY.enter)
    await ui.waitFor('Edit contact Pat Example')
    await ui.press(KEY.down, KEY.down, KEY.down, '\u0015', 'Supervisory Import Specialist', KEY.enter)
    await ui.waitFor('› Pat Example · Supervisory Import Specialist, Port of Long Beach')
    await ui.press('D')
    let f = await ui.waitFor('removed contact "Pat Example" — u undoes')
    expect(f).not.toContain('Pat Example ·')
    expect((await ui.store.contacts.list(id)).map(c => c.name)).toEqual(['Jordan Sample'])
    await ui.press('u')
    f = await ui.waitFor('Pat Example · Supervisory Import Specialist')
    expect((await ui.store.contacts.list(id)).map(c => c.name).sort()).toEqual(['Jordan Sample', 'Pat Example'])
  })

  it('a contact added from another terminal appears at once', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview', { tab: 'contacts', shows: 'Customs network (1)' })
    await ui.store.contacts.add(id, { name: 'Quinn Agency', side: 'agency', org: 'FDA' })
    await ui.waitFor(/Other agencies \(1\)\n {2}Quinn Agency · FDA/)
  })
})

import { describe, expect, it } from 'vitest'
import { KEY, renderApp, selectedLine, type Ui } from '../helpers/ui.js'
import { newStore, syncStores } from '../helpers/store.js'
import { openAccount } from '../helpers/open-account.js'

const row = async (ui: Ui, id: string, name: string) => (await ui.store.checklist.show(id)).find(r => r.name === name)!

describe('checklist tab', () => {
  it('lists Compliance A–K, Business A–H and the requested items with their answers and reasons', async () => {
    const ui = await renderApp({ demo: true })
    await openAccount(ui, 'Harborview', { tab: 'checklist', shows: 'Compliance Items (3/11 answered)' })
    const f = ui.frame()
    expect(f).toMatch(/A {2}Classification\s+Yes/)
    expect(f).toMatch(/C {2}Quota\/Visa\s+No\/NA {2}no quota or visa merchandise/)
    expect(f).toMatch(/D {2}ADD\/CVD\s+—/)
    expect(selectedLine(f)).toMatch(/A {2}Classification/)
    expect(f).toMatch(/Compliance A \(Classification\) · Yes by Dana Ruiz on \d{4}-\d{2}-\d{2}/)
    await ui.press(KEY.pageDown, KEY.pageDown)
    const g = await ui.waitFor('Account-Requested Items (none yet)')
    expect(g).toMatch(/Business Items \(2\/8 answered\)/)
  })

  it('sets Yes with y, and clears with c', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview', { tab: 'checklist', shows: 'Compliance Items (3/11 answered)' })
    await ui.press('j', 'j', 'j', 'y')
    await ui.waitFor(/› D {2}ADD\/CVD\s+Yes/)
    expect(await row(ui, id, 'compliance.D')).toMatchObject({ answer: 'yes' })
    await ui.press('c')
    await ui.waitFor(/› D {2}ADD\/CVD\s+—/)
    expect((await row(ui, id, 'compliance.D')).answer).toBeNull()
  })

  it('No/NA asks for the reason and will not save without one', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview', { tab: 'checklist', shows: 'Compliance Items (3/11 answered)' })
    await ui.press('j', 'j', 'j', 'n')
    await ui.waitFor('No/NA — reason for Compliance D (ADD/CVD):')
    await ui.press(KEY.enter)
    const f = await ui.waitFor('✗ No/NA needs a reason')
    const lines = f.split('\n')
    expect(lines[lines.findIndex(l => l.startsWith('No/NA — reason')) + 1]).toMatch(/✗ No\/NA needs a reason/)
    expect((await row(ui, id, 'compliance.D')).answer).toBeNull()
    await ui.press('   ', KEY.enter) // blanks are no reason either
    await ui.waitFor('✗ No/NA needs a reason')
    expect((await row(ui, id, 'compliance.D')).answer).toBeNull()
    await ui.press('no antidumping goods', KEY.enter)
    await ui.waitFor(/› D {2}ADD\/CVD\s+No\/NA {2}no antidumping goods/)
    expect(await row(ui, id, 'compliance.D')).toMatchObject({ answer: 'na', reason: 'no antidumping goods' })
  })

  it('Esc cancels the reason; n on a No/NA item starts from its reason', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview', { tab: 'checklist', shows: 'Compliance Items (3/11 answered)' })
    await ui.press('j', 'j', 'n')
    await ui.waitFor('reason for Compliance C (Quota/Visa): no quota or visa merchandise')
    await ui.press(' at all', KEY.escape)
    await ui.waitFor(f => !f.includes('No/NA — reason'))
    expect((await row(ui, id, 'compliance.C')).reason).toBe('no quota or visa merchandise')
  })

  it('adds an account-requested item and answers it', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview', { tab: 'checklist', shows: 'Compliance Items (3/11 answered)' })
    await ui.press('a', KEY.enter)
    await ui.waitFor('✗ a requested item needs a title')
    await ui.press('Drawback claims', KEY.enter)
    await ui.waitFor('added requested item "Drawback claims"')
    await ui.press('G')
    await ui.waitFor(/Account-Requested Items \(0\/1 answered\)\n› 1 {2}Drawback claims/)
    await ui.press('y')
    await ui.waitFor(/› 1 {2}Drawback claims\s+Yes/)
    expect(await row(ui, id, 'requested.1')).toMatchObject({ label: 'Drawback claims', answer: 'yes' })
  })

  it('g opens the SOP passage that speaks of the selected item, not the blank Checklist Form', async () => {
    const ui = await renderApp({ demo: true })
    await openAccount(ui, 'Harborview', { tab: 'checklist', shows: 'Compliance Items (3/11 answered)' })
    await ui.press('j', 'j')
    await ui.press('g')
    const f = await ui.waitFor(f => /quota, visa, and licenses/i.test(f.replace(/\s+/g, ' ')))
    expect(f).not.toContain('Checklist Form')
    expect(f).toContain('q back')
    await ui.press('q')
    await ui.waitFor(f => /› C {2}Quota\/Visa/.test(f))
  })

  it('shows a teammate\'s answer as it arrives, and beside the reason being written', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview', { tab: 'checklist', shows: 'Compliance Items (3/11 answered)' })
    const peer = await newStore('Lee Chen')
    try {
      await syncStores(ui.store, peer)
      await peer.checklist.set(id, 'compliance.E', 'yes')
      await syncStores(ui.store, peer)
      await ui.waitFor(/E {2}Quantity\s+Yes/)
      await ui.press('j', 'j', 'j', 'n', 'not imported')
      await ui.waitFor('No/NA — reason for Compliance D')
      await peer.checklist.set(id, 'compliance.D', 'na', 'covered by the CIP')
      await syncStores(ui.store, peer)
      await ui.waitFor('! changed by a teammate: No/NA: covered by the CIP')
      await ui.press(KEY.enter)
      await ui.waitFor(/› D {2}ADD\/CVD\s+No\/NA {2}not imported/)
      expect((await row(ui, id, 'compliance.D')).reason).toBe('not imported')
    } finally {
      await peer.close()
    }
  })
})

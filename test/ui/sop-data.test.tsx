// The data the SOP names, in the app (issue 17): the account's locations listed, added by type and edited in
// place from the Profile tab; the "Other *" checklist items said what they are; the Compliance Assessment and
// IR#s edited in the Profile tab bring the SOP's own triggers. Each test quotes its seed.
import { openAccount } from '../helpers/open-account.js'
import { selectProfileRow } from '../helpers/profile-row.js'
import { describe, expect, it } from 'vitest'
import { accountDue, resolveTask, taskProgress } from '../../src/domain/index.js'
import { localDate } from '../../src/domain/local-date.js'
import { profileRows } from '../../src/ui/format/profile.js'
import { KEY, renderApp, selectedLine, type Ui } from '../helpers/ui.js'

/** Opens the Locations list from the Profile tab (Enter on the Locations line). */
async function openLocations (ui: Ui, id: string): Promise<void> {
  await selectProfileRow(ui, id, 'locations')
  await ui.press(KEY.enter)
  await ui.waitFor('Locations of Harborview')
}

describe('locations in the app (001_f75c851ccf3a999b.txt, Identify Locations)', () => {
  // "Location is defined as a physical address, postal address, telephone number, fax number or electronic mail"
  it('lists the locations by type and adds a phone location asking only for what a phone needs (no country)', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview')
    await openLocations(ui, id)
    let f = ui.frame()
    expect(f).toContain('3. Customs records storage: Entry records archive — 200 Harbor Blvd') // cut at 80 columns
    expect(f).toContain('4. Telephone number: Trade compliance desk — 555-0101')
    await ui.press('a')
    await ui.waitFor('New location: its location type first')
    await ui.press('fax', KEY.enter)
    f = await ui.waitFor('Fax number*')
    expect(f).toMatch(/^New location\s*$/m)
    expect(f).not.toContain('Country')
    await ui.press(KEY.tab, KEY.tab, '555-0199', KEY.enter)
    await ui.waitFor('5. Fax number: 555-0199')
    expect((await ui.store.accounts.show(id)).locations.at(-1)).toMatchObject({ type: 'fax', fax: '555-0199' })
  })

  it('edits an existing location in place, with its own type\'s fields, and u undoes it', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview')
    await openLocations(ui, id)
    for (let n = 0; n < 3; n++) await ui.press('j')
    await ui.waitFor(f => (selectedLine(f) ?? '').includes('4. Telephone number'))
    await ui.press('e')
    let f = await ui.waitFor('Edit location "Telephone number: Trade compliance desk')
    expect(f).toMatch(/Telephone number\*/)
    expect(f).not.toContain('Country')
    await ui.press(KEY.tab, KEY.tab, '\u0015', '555-0142', KEY.tab, 'classification questions', KEY.enter)
    f = await ui.waitFor('4. Telephone number: Trade compliance desk — 555-0142 (classification') // cut at 80 columns
    const phone = (await ui.store.accounts.show(id)).locations.find(l => l.type === 'phone')!
    expect(phone).toMatchObject({ phone: '555-0142', reason: 'classification questions' })
    expect(phone).not.toHaveProperty('country')
    await ui.press('u')
    await ui.waitFor('4. Telephone number: Trade compliance desk — 555-0101')
    await ui.press(KEY.escape)
    f = await ui.waitFor('Corporate structure')
    expect(selectedLine(f)).toMatch(/Locations\s+Head office \(US\); Assembly plant \(MX\)/)
    expect(profileRows(await ui.store.accounts.show(id)).find(r => r.key === 'locations')?.text).toContain('Trade compliance desk (555-0101)')
  })
})

describe('"Other *" checklist items (001_f75c851ccf3a999b.txt, Checklist: "K. Other *")', () => {
  // "*Additional Items can be added by the Account Manager/Port Account Team or account"
  it('o says what Compliance K is; it shows on its line, and other items refuse it', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Harborview')
    await ui.press('3')
    await ui.waitFor('Compliance Items (3/11 answered)')
    await ui.press('o')
    await ui.waitFor('Only the "Other *" items (Compliance K, Business H) say what they are')
    for (let n = 0; n < 10; n++) await ui.press('j')
    await ui.waitFor(f => /› K {2}Other \*/.test(f))
    await ui.press('y')
    await ui.waitFor(/› K {2}Other \* ⚠ say what \(o\)\s+Yes/)
    await ui.press('o')
    await ui.waitFor('What is compliance.K (Other *)?')
    await ui.press('Country of origin marking', KEY.enter)
    await ui.waitFor(/› K {2}Other \*: Country of origin marking\s+Yes/)
    expect((await ui.store.checklist.show(id)).find(r => r.key === 'compliance.K')).toMatchObject({ answer: 'yes', other: 'Country of origin marking' })
  })
})

describe('the SOP\'s own triggers in the app (001_f75c851ccf3a999b.txt)', () => {
  // Evaluate step 3: "This questionnaire should be sent to the account if a compliance assessment has not been
  // conducted or is not scheduled to begin soon."
  it('the Compliance Assessment recorded in the Profile tab makes the questionnaire n/a', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Blue Heron')
    // The demo marks the questionnaire sent; its return is still open until a CA spares it.
    const returned = async () => taskProgress(resolveTask('evaluate.questionnaire-returned'), await ui.store.accounts.show(id), localDate()).status
    expect(await returned()).toBe('open')
    await selectProfileRow(ui, id, 'assessment', 'name')
    await ui.press(KEY.enter, 'conducted', KEY.enter)
    await ui.waitFor(f => /› Compliance Assessment\s+Conducted/.test(f) && f.includes('saved compliance assessment'))
    await selectProfileRow(ui, id, 'assessmentDate', 'assessment')
    await ui.press(KEY.enter, '2026-05-01', KEY.enter)
    await ui.waitFor(f => /› Compliance Assessment date\s+2026-05-01/.test(f) && f.includes('saved compliance assessment date'))
    expect((await ui.store.accounts.show(id)).profile).toMatchObject({ assessment: 'conducted', assessmentDate: '2026-05-01' })
    expect(await returned()).toBe('na')
  })

  // Establish step 3: "contact OST AUTOMATION SUPPORT via cc:Mail to inform them of the additional numbers."
  it('an IR# added in the Profile tab records the definition change, so the OST notice comes due', async () => {
    const ui = await renderApp({ demo: true })
    const id = await openAccount(ui, 'Northwind')
    await selectProfileRow(ui, id, 'iors', 'name')
    await ui.press(KEY.enter, ', 99-3000004', KEY.enter)
    const day = localDate()
    await ui.waitFor(f => new RegExp(`Account definition last changed\\s+${day}`).test(f) && f.includes('saved ir#s'))
    expect(accountDue(await ui.store.accounts.show(id), day).find(e => e.rule === 'ost-definition')).toMatchObject({ since: day })
  })
})

import { describe, expect, it } from 'vitest'
import { KEY, renderApp, selectedLine } from '../helpers/ui.js'

/** The demo workspace's app with the knowledge overlay opened from the accounts screen (Ctrl-F). */
async function openKnowledge (opts: Parameters<typeof renderApp>[0]) {
  const ui = await renderApp(opts)
  await ui.waitFor('Northwind')
  await ui.press(KEY.ctrlF)
  await ui.waitFor('Type a question or a term')
  return ui
}

describe('knowledge overlay and reader', () => {
  it('previews the lines that answer, not the start of the section', async () => {
    const ui = await openKnowledge({ demo: true })
    await ui.press('how often must the account profile be reviewed')
    const f = await ui.waitFor(f => f.includes('Search: how often must the account profile be reviewed') && f.includes('› 1. Create or Obtain an Account Profile') && f.replace(/\s+/g, ' ').includes('at least every 2 years'))
    expect(f).not.toMatch(/\*\*/)
    // The glossary's definition is a line above the results, not a result.
    expect(f).toContain('Account Profile: A document that contains data')
    // Each result says where it stands, its headings before the document's long title.
    expect(selectedLine(f)).toMatch(/Account Profile\s+Evaluate the Account › The Process/)
  })

  it('spells out an acronym without a glossary entry on the line above the results', async () => {
    const ui = await openKnowledge({ demo: true })
    await ui.press('TCPO meaning')
    await ui.waitFor(f => f.includes('Search: TCPO meaning') && f.includes('TCPO: Trade Compliance Process Owner'))
  })

  it('at 60×20, where the excerpt does not fit whole, the preview still shows the sentence that answers', async () => {
    const ui = await openKnowledge({ demo: true, columns: 60, rows: 20 })
    await ui.press('how often review the profile')
    // Wait for the whole question: typed a key at a time, "how often" alone
    // already ranks the same passage first, with another excerpt.
    const f = await ui.waitFor(f => f.includes('Search: how often review the profile') && f.includes('› 1. Create or Obtain an Accoun'))
    expect(f.replace(/\s+/g, ' ')).toContain('Review account profile at least every 2 years')
  })

  it('tells parts apart and reads on into the next part with ] and [', async () => {
    const ui = await openKnowledge({ demo: true })
    await ui.press('recordkeeping requirements policy statement')
    await ui.waitFor(f => /› Step 9: .*\(part 1 of 3\)/.test(f))
    await ui.press(KEY.enter)
    await ui.waitFor(f => f.split('\n')[0]!.includes('part 1 of 3 · ] next'))
    await ui.press(']')
    await ui.waitFor(f => f.split('\n')[0]!.includes('part 2 of 3'))
    await ui.press(']')
    await ui.waitFor(f => f.split('\n')[0]!.includes('part 3 of 3 · [ prev'))
    await ui.press('[')
    await ui.waitFor(f => f.split('\n')[0]!.includes('part 2 of 3'))
  })

  it('lists a section\'s sub-sections; a number opens one and q comes back to the parent, then to the results', async () => {
    const ui = await openKnowledge({ demo: true, columns: 60, rows: 20 })
    await ui.press('what are the five steps of account management')
    await ui.waitFor(f => f.includes('Search: what are the five steps of account management') && selectedLine(f)?.startsWith('› The Process') === true)
    await ui.press(KEY.enter)
    const f = await ui.waitFor(f => f.split('\n')[0]!.startsWith('The Process') && f.includes('In this section (1–5 open one):'))
    // Titles numbered already keep their own number, not a second one.
    expect(f).toContain('  1. Select an importer for AM participation')
    expect(f).toContain('  5. Manage the Account')
    expect(f).not.toContain('1. 1.')
    await ui.press('3')
    // (rendered: until the Markdown renderer has loaded, the reader shows the section's own text, no trail)
    await ui.waitFor(f => f.split('\n')[0]!.startsWith('3. Evaluate the Account') && f.replace(/\s+/g, ' ').includes('Introduction › The Process'))
    await ui.press('9') // no ninth sub-section: nothing happens
    await ui.press('q')
    await ui.waitFor(f => f.split('\n')[0]!.startsWith('The Process'))
    await ui.press('q')
    await ui.waitFor('Search: what are the five steps of account management')
  })

  it('searches as you type from the accounts screen (Ctrl-F), Enter reads, q back, Esc closes', async () => {
    const ui = await openKnowledge({ demo: true })
    await ui.press('how often review the account profile')
    let f = await ui.waitFor(f => f.includes('Search: how often review the account profile') && (selectedLine(f) ?? '') !== '')
    for (const l of f.split('\n')) expect([...l].length).toBeLessThanOrEqual(80)
    const title = selectedLine(f)!.slice(2).split('  ')[0]!.replace(/…$/, '')
    await ui.press(KEY.enter)
    f = await ui.waitFor(f => f.split('\n')[0]!.startsWith(title) && f.includes('q back'))
    expect(f.replace(/\n$/, '').split('\n').length).toBeLessThan(24)
    await ui.press('q')
    await ui.waitFor('Search: how often review the account profile')
    await ui.press(KEY.escape)
    await ui.waitFor(f => f.includes('NEXT DUE') && !f.includes('Search:'))
  })

  it('s and / open it on non-table screens; typos and acronyms are fine; arrows choose', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press(KEY.enter, '/')
    await ui.waitFor('Search:')
    await ui.press('clasification')
    // The typo still finds the checklist's Classification item (the first results are near-tied with the
    // NIS, "the national Customs experts on classification"): arrows move the selection and back.
    let f = await ui.waitFor(f => f.includes('Search: clasification') && f.includes('Checklist Form') && (selectedLine(f) ?? '') !== '')
    const first = selectedLine(f)
    await ui.press(KEY.down)
    f = await ui.waitFor(g => (selectedLine(g) ?? '') !== '' && selectedLine(g) !== first)
    await ui.press(KEY.up)
    await ui.waitFor(g => selectedLine(g) === first)
    await ui.press(KEY.escape, 's')
    await ui.waitFor('Type a question or a term')
    await ui.press('PFI')
    f = await ui.waitFor(f => f.includes('Search: PFI') && /Primary Focus"? Industr/i.test(f))
    await ui.press(KEY.escape)
    await ui.waitFor('1 Profile')
  })

  it('says so when nothing matches', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press('s', 'zzzzqqqxx')
    await ui.waitFor('Nothing found')
  })

  it('the reader scrolls with j/k and Space and stays within the screen', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press('s', 'checklist form', KEY.enter)
    let f = await ui.waitFor(/1–\d+ of \d+ · q back/)
    const first = f.split('\n')[1]
    await ui.press('j')
    f = await ui.waitFor(/2–\d+ of \d+ · q back/)
    expect(f.split('\n')[1]).not.toBe(first)
    await ui.press(' ')
    await ui.waitFor(/\b(2[0-9])–\d+ of \d+ · q back/)
    for (const l of ui.lines()) expect([...l].length).toBeLessThanOrEqual(80)
  })
})

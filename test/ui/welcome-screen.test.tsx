// The first start asks the member's name (the name the workspace was made with — the OS user's — as the
// default): a new name renames the member in the roster, for the team and the activity log; an empty one
// is refused beside the field; then the demo accounts are offered.
import { describe, expect, it } from 'vitest'
import { addDemoAccounts } from '../../src/cli/demo.js'
import { KEY, renderApp } from '../helpers/ui.js'

describe('welcome screen: your name', () => {
  it('offers the current name, and Enter on a new one renames the member everywhere', async () => {
    const ui = await renderApp({ offerDemo: addDemoAccounts })
    const before = ui.store.ws.member.name
    let f = await ui.waitFor('Your name, as teammates will see it')
    expect(f).toContain(`Name: ${before}`)
    await ui.press(...Array.from(before, () => KEY.backspace))
    await ui.press(...'Ana Lima')
    await ui.waitFor('Name: Ana Lima')
    await ui.press(KEY.enter)
    f = await ui.waitFor(/d\s+add three clearly fictional demo accounts/)
    expect(f).toContain('for Ana Lima.')
    expect(ui.store.ws.member.name).toBe('Ana Lima')
    expect(ui.store.roster.get(ui.store.ws.member.id)).toMatchObject({ name: 'Ana Lima', seq: 2, signedBy: ui.store.ws.member.id })
    await ui.press('d')
    await ui.waitFor('Northwind Example Foods')
    const [first] = await ui.store.accounts.list()
    const log = await ui.store.ws.log(first!.id)
    expect(log.at(-1)).toMatchObject({ byName: 'Ana Lima' })
  })

  it('names the team after the member while it has its default name; Ctrl-U in a pasted run clears the field', async () => {
    const ui = await renderApp({ offerDemo: addDemoAccounts })
    const before = ui.store.ws.member.name
    expect(ui.store.roster.teamName()).toBe(`${before}'s team`)
    await ui.waitFor(`Name: ${before}`)
    await ui.press('\x15Ana Lima') // one read: Ctrl-U, then the pasted name
    await ui.waitFor('Name: Ana Lima')
    await ui.press(KEY.enter)
    await ui.waitFor(/d\s+add three clearly fictional demo accounts/)
    expect(ui.store.roster.teamName()).toBe("Ana Lima's team")
    const f = await ui.waitFor("PAT Desk · Ana Lima's team · Ana Lima") // the status bar follows
    expect(f).not.toContain(`${before}'s team`)
  })

  it('wraps its prose at words at 60 columns: no line starts with the space the line before ended on; a key choice wraps under its text', async () => {
    const ui = await renderApp({ offerDemo: addDemoAccounts, columns: 60, rows: 20 })
    await ui.waitFor('Name: ')
    await ui.press(KEY.enter)
    const f = await ui.waitFor(/d\s+add three clearly fictional demo/)
    const lines = f.split('\n')
    expect(lines.every(l => [...l].length <= 60)).toBe(true)
    const prose = lines.filter(l => l.trim() && !/^\s{2}\S/.test(l) && !/^\s{8}\S/.test(l))
    expect(prose.filter(l => l.startsWith(' ') && !l.startsWith(' PAT Desk'))).toEqual([])
    const d = lines.findIndex(l => /^ {2}d {5}add/.test(l))
    expect(d).toBeGreaterThan(0)
    expect(lines[d + 1]).toMatch(/^ {8}\S/) // the rest of "… to look around", under the text
  })

  it('refuses an empty name beside the field and keeps asking', async () => {
    const ui = await renderApp({ offerDemo: addDemoAccounts })
    const before = ui.store.ws.member.name
    await ui.waitFor('Your name, as teammates will see it')
    await ui.press(...Array.from(before, () => KEY.backspace), KEY.enter)
    const f = await ui.waitFor('✗ your name cannot be empty')
    expect(f).toContain('Your name, as teammates will see it')
    expect(ui.store.ws.member.name).toBe(before)
  })
})

import { describe, expect, it } from 'vitest'
import { commandsFor, formatKeys } from '../../src/ui/keys/key-table.js'
import { helpLines } from '../../src/ui/screens/help-screen.js'
import { KEY, renderApp } from '../helpers/ui.js'

describe('help screen', () => {
  it('? shows the keys of the accounts screen, from the key table; Esc closes it', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press('?')
    const first = await ui.waitFor('Help — keys on Accounts')
    await ui.press('G') // the rest, scrolled into view
    const f = first + await ui.waitFor(f => f !== first)
    for (const c of commandsFor('accounts')) expect(f).toMatch(new RegExp(`${formatKeys(c.keys).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${c.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    expect(f).toMatch(/\/\s+Filter as you type/)
    expect(f).toMatch(/Ctrl-F s\s+Search the SOP knowledge base/) // `/` filters here, so it is not listed for search
    await ui.press(KEY.escape)
    await ui.waitFor(f => f.includes('NEXT DUE') && !f.includes('Help'))
  })

  it('lists each screen\'s own keys: the checklist\'s answers and guidance, the plan\'s complete', async () => {
    const ui = await renderApp({ demo: true })
    await ui.waitFor('Northwind')
    await ui.press(KEY.enter, '3', '?')
    let f = await ui.waitFor('Help — keys on Account: Checklist')
    expect(f).toMatch(/y\s+Answer Yes/)
    expect(f).toMatch(/n\s+Answer No\/NA \(asks for the reason\)/)
    expect(f).toMatch(/g\s+SOP guidance for the selected item/)
    expect(f).toMatch(/Tab → l\s+Next tab/)
    expect(f).toMatch(/o\s+Say what the "Other \*" item is \(Compliance K, Business H\)/)
    // The checklist's keys no longer fit 80×24 whole: the rest is one page down.
    await ui.press(KEY.pageDown)
    f = await ui.waitFor(/Ctrl-F s \/\s+Search the SOP knowledge base/)
    await ui.press('?')
    await ui.waitFor(f => f.includes('Compliance Items') && !f.includes('Help'))
    await ui.press('4', '?')
    f = await ui.waitFor('Help — keys on Account: Action Plan')
    expect(f).toMatch(/d x\s+Complete the selected item/)
    await ui.press('q')
    await ui.waitFor(f => f.includes('PRIORITY') && !f.includes('Help'))
  })

  it('help lines are generated for every screen and never list a key twice on one screen', () => {
    for (const screen of ['accounts', 'filter', 'welcome', 'welcome.name', 'account.profile', 'account.contacts', 'account.checklist', 'account.plan', 'account.cip', 'account.activity', 'account.entries', 'knowledge', 'reader', 'help', 'input', 'form'] as const) {
      const lines = helpLines(screen)
      expect(lines.length, screen).toBeGreaterThan(0)
      const keys = commandsFor(screen).flatMap(c => c.keys)
      expect(new Set(keys).size, screen).toBe(keys.length)
    }
  })
})

// Issue 15 point 1: a name full of escape sequences (colour, window title, bell, backspace) reaches the
// terminal only as visible symbols — in tables, records, messages, errors, the activity log and exports.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pat, patJson, stderrLines } from '../helpers/cli.js'
import { initHome } from '../helpers/home.js'
import { newStore } from '../helpers/store.js'
import { KEY, renderApp } from '../helpers/ui.js'

const EVIL = 'Evil\x1b[31mRED\x1b[0m\x1b]0;TITLE\x1b\\ Bell\x07 Co\b\b'

const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/

const home = () => initHome('Ana Lima')

describe('terminal injection through data', () => {
  it('CLI output shows control characters as symbols; JSON keeps the data exact', async () => {
    const h = await home()
    const added = await pat(h, ['account', 'add', '--name', EVIL, '--ior', '12-3456789'])
    expect(added.code).toBe(0)
    const { id } = await patJson(h, ['account', 'show', 'Evil'])
    expect((await pat(h, ['contact', 'add', id, '--name', EVIL, '--side', 'account'])).code).toBe(0)
    expect((await pat(h, ['plan', 'add', id, '--title', EVIL, '--priority', 'high'])).code).toBe(0)
    const runs = [added,
      await pat(h, ['account', 'list']), await pat(h, ['account', 'show', id]), await pat(h, ['log', 'Evil']),
      await pat(h, ['contact', 'list', id]), await pat(h, ['plan', 'list', id]), await pat(h, ['export', id, '-t', 'profile']),
      await pat(h, ['export', id, '-t', 'profile', '-f', 'html'])]
    for (const r of runs) {
      expect(r.stdout + r.stderr).not.toMatch(RAW)
      expect(r.stdout).toMatch(/Evil␛\\?\[31mRED/) // Markdown escapes the bracket
    }
    expect((await patJson(h, ['account', 'show', id])).name).toBe(EVIL)
    await pat(h, ['export', id, '-t', 'action-plan', '-o', join(h, 'plan.md')])
    expect(await readFile(join(h, 'plan.md'), 'utf8')).not.toMatch(RAW)
  })

  it('JSON output escapes what it may not print, and so keeps every character of the data', async () => {
    const h = await home()
    // DEL, a C1 CSI, a right-to-left override and a line separator: JSON.stringify leaves them raw, and the
    // terminal guard then replaced them (with ␡ and �), so --json printed a name other than the one stored.
    const name = 'Odd\x7f \u009b31m \u202eRTL\u2069 \u2028end'
    expect((await pat(h, ['account', 'add', '--name', name])).code).toBe(0)
    const r = await pat(h, ['account', 'list', '--json'])
    expect(r.stdout).not.toMatch(RAW)
    expect(r.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffd\u2421]/)
    expect(r.stdout).toContain('Odd\\u007f \\u009b31m \\u202eRTL\\u2069 \\u2028end')
    expect(JSON.parse(r.stdout)[0].name).toBe(name)
  })

  it('errors quote at most 80 characters of a value, and an empty reference is refused', async () => {
    const h = await home()
    const long = 'Acme ' + 'x\x1b'.repeat(65_000)
    for (let i = 0; i < 2; i++) expect((await pat(h, ['account', 'add', '--name', long])).code).toBe(0)
    const ambiguous = await pat(h, ['account', 'show', 'Acme'])
    expect(ambiguous.code).toBe(1)
    expect(stderrLines(ambiguous)).toHaveLength(1)
    expect(ambiguous.stderr.length).toBeLessThan(400)
    expect(ambiguous.stderr).not.toMatch(RAW)
    const empty = await pat(h, ['account', 'show', ''])
    expect(empty.code).toBe(1)
    expect(empty.stderr.trim()).toMatch(/^error: empty account reference: give an id, a number or a name/)
  })

  it('the app shows a synced name as symbols: no title, colour or bell reaches the terminal', async () => {
    const store = await newStore()
    await store.accounts.add({ name: EVIL })
    const ui = await renderApp({ store })
    // The frame as the helper gives it has real escape sequences removed: seeing the symbols means none was sent.
    await ui.waitFor('Evil␛[31mRED␛[0m␛]0;TITLE␛\\ Bell␇ Co␈␈')
    await ui.press(KEY.enter)
    const f = await ui.waitFor('1 Profile')
    expect(f.split('\n')[0]).toMatch(/^Evil␛\[31mRED␛\[0m␛\]0;TITLE/)
  })
})

// The real `pat` binary in an 80×24 tmux window, driven by keys the way a person uses it: the accounts
// table, filtering, an account's checklist and action plan, the SOP search, quitting; then the CLI shows
// what was done. And closing the terminal in the middle of work loses nothing already on screen as saved.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { pat, patJson } from '../helpers/cli.js'
import { tempDir } from '../helpers/home.js'
import { hasTmux, startApp, type TmuxApp } from '../helpers/tmux.js'

const apps: TmuxApp[] = []
async function open (home: string, env?: Record<string, string>, unset?: string[]): Promise<TmuxApp> {
  const app = await startApp(home, { ...(env ? { env } : {}), ...(unset ? { unset } : {}) })
  apps.push(app)
  return app
}

describe('the app in a terminal (tmux)', () => {
  beforeAll(async () => {
    if (!(await hasTmux())) throw new Error('tmux is not installed: install it (apt-get install tmux) to run the end-to-end tests')
  })
  afterEach(async () => { for (const a of apps.splice(0)) await a.kill() })

  it('keeps its styles where the environment says CI (the selected row stays marked)', async () => {
    const home = await tempDir()
    await pat(home, ['demo'])
    // The test runner's own NO_COLOR/FORCE_COLOR=0 (test/helpers/run-vitest.js, for plain logs) are not the user's.
    const app = await open(home, { CI: 'true' }, ['NO_COLOR', 'FORCE_COLOR'])
    await app.waitFor('Northwind')
    await app.keys('j') // the live app's frame, not the picture painted before it
    const deadline = Date.now() + 10_000
    let styled = await app.styled()
    while (!/\u001B\[(\d+;)*7(;\d+)*m›? *Harborview/.test(styled) && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 50))
      styled = await app.styled()
    }
    expect(styled).toMatch(/\u001B\[(\d+;)*7(;\d+)*m›? *Harborview/)
  })

  it('filters, opens an account, answers a checklist item with a reason, adds a plan item, searches the SOP, quits', async () => {
    const home = await tempDir()
    await pat(home, ['demo'])
    const app = await open(home)
    let s = await app.waitFor('Northwind')
    for (const line of s.split('\n')) expect([...line].length).toBeLessThanOrEqual(80)

    await app.keys('/')
    await app.type('harbor')
    s = await app.waitFor(s => s.includes('Harborview') && !s.includes('Northwind'))
    await app.keys('Enter', 'Enter')
    await app.waitFor('1 Profile')
    await app.keys('3')
    await app.waitFor('Compliance Items')
    await app.keys('j', 'j', 'j', 'n')
    await app.waitFor('No/NA — reason for Compliance D')
    await app.keys('Enter')
    await app.waitFor('✗ No/NA needs a reason')
    await app.type('no antidumping goods')
    await app.keys('Enter')
    await app.waitFor(/D {2}ADD\/CVD\s+No\/NA {2}no antidumping goods/)

    await app.keys('4')
    await app.waitFor('PRIORITY')
    await app.keys('a')
    await app.waitFor('New plan item')
    await app.type('Broker audit')
    await app.keys('Tab', 'Tab', 'Tab', 'Tab', 'Tab')
    await app.type('Dana Ruiz')
    await app.keys('Tab')
    await app.type('2027-02-15')
    await app.keys('Enter')
    await app.waitFor(/Broker audit\s+Dana Ruiz\s+2027-02-15\s+open/)

    await app.keys('C-f')
    await app.waitFor('Type a question or a term')
    await app.type('how often review the account profile')
    await app.waitFor(/^› /m)
    await app.keys('Enter')
    await app.waitFor('q back')
    await app.keys('q')
    await app.waitFor('Search:')
    await app.keys('Escape')
    await app.waitFor('PRIORITY')
    await app.keys('q')
    await app.waitFor('NEXT DUE')
    await app.keys('q') // the filter kept since the start is cleared first
    await app.waitFor(s => s.includes('Northwind') && !s.includes('Filter:'))
    await app.keys('q')
    await app.waitFor('PAT-EXITED 0')

    const id = (await patJson(home, ['account', 'list']) as Array<{ id: string, name: string }>)
      .find(a => a.name.startsWith('Harborview'))!.id
    const account = await patJson(home, ['account', 'show', id]) as { checklist: Array<{ key: string, answer: string, reason?: string }> }
    expect(account.checklist.find(r => r.key === 'compliance.D')).toMatchObject({ answer: 'na', reason: 'no antidumping goods' })
    const items = await patJson(home, ['plan', 'list', id]) as Array<{ title: string, owner: string, due: string }>
    expect(items.find(i => i.title === 'Broker audit')).toMatchObject({ owner: 'Dana Ruiz', due: '2027-02-15' })
  })

  it('Esc on the list with a filter applied clears the filter and keeps the app running; Esc with nothing to clear quits', async () => {
    const home = await tempDir()
    await pat(home, ['demo'])
    await pat(home, ['account', 'add', '--name', 'Transpacific Consolidated Harbour Logistics'])
    const app = await open(home)
    await app.waitFor('Transpacific')
    await app.keys('/')
    await app.type('transpac')
    await app.keys('Enter')
    await app.waitFor(s => s.includes('Esc clears') && s.includes('Transpacific') && !s.includes('Harborview'))
    await app.keys('Escape')
    const s = await app.waitFor(s => s.includes('Harborview') && s.includes('Northwind') && s.includes('Transpacific'))
    expect(s).not.toContain('Filter:')
    expect(await app.exited()).toBe(false)
    await app.keys('Escape')
    await app.waitFor('PAT-EXITED 0')
  })

  it('a command from another terminal reaches the open app and shows at once; closing the terminal loses nothing', async () => {
    const home = await tempDir()
    await pat(home, ['demo'])
    const app = await open(home)
    await app.waitFor('Northwind')
    // The app holds the workspace: this command is forwarded to it.
    const added = await patJson(home, ['account', 'add', '--name', 'Pelican Freight Demo', '--ior', '12-3456789']) as { id: string }
    await app.waitFor('Pelican Freight Demo')
    await app.keys('/')
    await app.type('pelican')
    await app.keys('Enter', 'Enter')
    await app.waitFor('1 Profile')
    await app.keys('j', 'j', 'j', 'e')
    await app.waitFor('Editing Lead port')
    await app.type('Savannah')
    await app.keys('Enter')
    await app.waitFor(/Lead port\s+Savannah/)
    await app.kill()
    const shown = await patJson(home, ['account', 'show', added.id]) as { leadPort: string }
    expect(shown.leadPort).toBe('Savannah')
  })

  it('quitting leaves a picture of the accounts for the next start; a command that changes the workspace removes it', async () => {
    const home = await tempDir()
    await pat(home, ['demo'])
    const frame = join(home, 'first-frame.json')
    let app = await open(home)
    await app.waitFor('Northwind')
    await app.keys('q')
    await app.waitFor('PAT-EXITED 0')
    expect(existsSync(frame)).toBe(true)
    app = await open(home)
    await app.waitFor('Northwind')
    await app.keys('a')
    await app.waitFor('New account')
    // Esc alone: followed at once by q, a terminal sends Alt-q.
    await app.keys('Escape')
    await app.waitFor(s => s.includes('NEXT DUE') && !s.includes('New account'))
    await app.keys('q')
    await app.waitFor('PAT-EXITED 0')
    await pat(home, ['account', 'add', '--name', 'Osprey Logistics Demo', '--ior', '12-7654321'])
    expect(existsSync(frame)).toBe(false)
    app = await open(home)
    await app.waitFor('Osprey Logistics Demo')
  })
})

// The status bar's sync line: live from the host's indicator (peers online, last sync), and on an account the
// other members who have it open; the app tells the indicator which account is open.
import { describe, it } from 'vitest'
import type { SyncIndicator } from '../../src/sync/indicator.js'
import { waitFor } from '../helpers/cli.js'
import { newStore, syncStores } from '../helpers/store.js'
import { joinedStore } from '../helpers/team.js'
import { KEY, renderApp } from '../helpers/ui.js'

function fakeIndicator () {
  const listeners = new Set<() => void>()
  const state = { summary: 'no peers online', here: new Map<string, string[]>(), viewed: [] as Array<string | undefined> }
  const indicator: SyncIndicator = {
    summary: () => state.summary,
    alsoHere: id => state.here.get(id) ?? [],
    viewing: id => { state.viewed.push(id) },
    subscribe: l => { listeners.add(l); return () => listeners.delete(l) }
  }
  return { indicator, state, changed: () => { for (const l of listeners) l() } }
}

describe('the status bar\'s sync line', () => {
  it('shows peers online, and who else has the open account', async () => {
    const fake = fakeIndicator()
    const ui = await renderApp({ demo: true, sync: fake.indicator })
    await ui.waitFor('no peers online')
    fake.state.summary = '1 peer online · synced 10:42'
    fake.changed()
    await ui.waitFor('1 peer online · synced 10:42')
    // The list opens sorted by name: Enter opens the first name once its row is on screen.
    const [first] = (await ui.store.accounts.list()).sort((a, b) => a.name.localeCompare(b.name))
    const id = first!.id
    await ui.waitFor(`› ${first!.name}`)
    fake.state.here.set(id, ['Bo Chen'])
    await ui.press(KEY.enter)
    await ui.waitFor('also here: Bo Chen')
    await waitFor(() => fake.state.viewed.at(-1) === id, 3000, 'the app to say which account is open')
    await ui.press('q')
    await ui.waitFor(f => !f.includes('also here'))
    await waitFor(() => fake.state.viewed.length > 1 && fake.state.viewed.at(-1) === undefined, 3000, 'the app to say no account is open')
  })
})

// Issue 15, point 7: one IR# in two accounts after a merge shows in the status bar until it is resolved.
describe('the status bar\'s IR# warning', () => {
  it('appears when a merge leaves one IR# in two accounts, and goes once it is resolved', async () => {
    const ana = await newStore('Ana Lima')
    const bo = await joinedStore(ana, 'Bo Chen', 'editor')
    const one = await ana.accounts.add({ name: 'Harbor One Co' })
    const two = await ana.accounts.add({ name: 'Harbor Two Co' })
    await syncStores(ana, bo)
    const ui = await renderApp({ store: ana })
    await ui.waitFor('sync off')
    await ana.accounts.set(one.id, { iors: ['12-3456789'] })
    await bo.accounts.set(two.id, { iors: ['12-3456789'] })
    await syncStores(ana, bo)
    await ui.waitFor('⚠ IR# 12-3456789 in 2 accounts')
    await ana.accounts.set(two.id, { iors: [] })
    await ui.waitFor(f => !f.includes('⚠ IR#'))
  })
})

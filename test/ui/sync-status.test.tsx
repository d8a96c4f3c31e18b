// The status bar's sync line: live from the host's indicator (peers online, last sync), and on an account the
// other members who have it open; the app tells the indicator which account is open.
import { describe, expect, it } from 'vitest'
import type { SyncIndicator } from '../../src/sync/indicator.js'
import { waitFor } from '../helpers/cli.js'
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
    const id = (await ui.store.accounts.list())[0]!.id
    fake.state.here.set(id, ['Bo Chen'])
    await ui.press(KEY.enter)
    await ui.waitFor('also here: Bo Chen')
    await waitFor(() => fake.state.viewed.at(-1) === id, 3000, 'the app to say which account is open')
    await ui.press('q')
    await ui.waitFor(f => !f.includes('also here'))
    await waitFor(() => fake.state.viewed.length > 1 && fake.state.viewed.at(-1) === undefined, 3000, 'the app to say no account is open')
  })
})

import { describe, expect, it } from 'vitest'
import { preloadAccounts } from '../../src/ui/hooks/use-accounts-screen.js'
import { warmUpAccounts } from '../../src/ui/run.js'
import { colorTheme } from '../../src/ui/theme/theme.js'
import { WARM_UP_KEYS } from '../../src/ui/warm-up.js'
import { renderApp, selectedLine, type Ui } from '../helpers/ui.js'

const TERMINAL = { columns: 80, rows: 24 }
// Enough keys that the warm-up is still playing them when the test interrupts it.
const MANY = [...'jk'.repeat(5000)]

async function shown (): Promise<Ui> {
  const ui = await renderApp({ demo: true })
  await ui.waitFor(f => /Blue Heron/.test(selectedLine(f) ?? ''))
  return ui
}

async function warmUp (ui: Ui, keys?: readonly string[]) {
  const w = warmUpAccounts(ui.store, colorTheme, (await preloadAccounts(ui.store)).data, TERMINAL, ui.stdin, keys)
  if (!w) throw new Error('the terminal is large enough for a warm-up')
  return w
}

describe('the warm-up off screen', () => {
  it('plays its keys without changing the screen or the store, and leaves nothing behind to run again', async () => {
    const ui = await shown()
    const frame = ui.frame()
    const version = ui.store.version
    const listeners = ui.stdin.listenerCount('readable')
    const w = await warmUp(ui)
    expect(ui.stdin.listenerCount('readable')).toBe(listeners + 1)
    expect(await w.done).toEqual({ played: WARM_UP_KEYS.length })
    expect(ui.frame()).toBe(frame)
    expect(ui.store.version).toBe(version)
    // Once over it no longer listens to the terminal: no key starts it again.
    expect(ui.stdin.listenerCount('readable')).toBe(listeners)
    // The app answers keys as before: one key, one row down.
    await ui.press('j')
    await ui.waitFor(f => /Harborview/.test(selectedLine(f) ?? ''))
    expect(ui.store.version).toBe(version)
  })

  it('stops at the first real key, which the app alone answers', async () => {
    const ui = await shown()
    const w = await warmUp(ui, MANY)
    await ui.waitFor(() => w.played > 0)
    await ui.press('j')
    const { played } = await w.done
    expect(played).toBeLessThan(MANY.length)
    expect(w.played).toBe(played)
    await ui.waitFor(f => /Harborview/.test(selectedLine(f) ?? ''))
  })

  it('stops when the store changes', async () => {
    const ui = await shown()
    const w = await warmUp(ui, MANY)
    await ui.waitFor(() => w.played > 0)
    await ui.store.accounts.add({ name: 'Harbor Imports' })
    expect((await w.done).played).toBeLessThan(MANY.length)
    await ui.waitFor('Harbor Imports')
  })
})

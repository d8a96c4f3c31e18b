// The app loads the knowledge base once it is live (runApp passes `liveAfter`: its warm-up is over), so a first
// key is not kept waiting behind the load, nor behind the frame its arrival redraws; search still works then.
import { render } from 'ink-testing-library'
import { stripVTControlCharacters } from 'node:util'
import { describe, expect, it } from 'vitest'
import { loadIndex } from '../../src/kb/load.js'
import type { KbIndex } from '../../src/kb/types.js'
import { App } from '../../src/ui/app.js'
import { KEY } from '../helpers/ui.js'
import { newStore } from '../helpers/store.js'
import { waitFor } from '../helpers/wait.mjs'

describe('the knowledge base waits for the app to be live', () => {
  it('is not loaded before liveAfter settles, is loaded once after, and search then answers', async () => {
    const store = await newStore()
    let loads = 0
    const loadKb = (): Promise<KbIndex> => { loads++; return loadIndex() }
    let live = () => {}
    const liveAfter = new Promise<void>(resolve => { live = resolve })
    const r = render(<App store={store} loadKb={loadKb} liveAfter={liveAfter} />)
    const frame = () => stripVTControlCharacters(r.lastFrame() ?? '')
    try {
      await waitFor(() => frame().includes('NEXT DUE'))
      r.stdin.write('?')
      await waitFor(() => frame().includes('Help'))
      // Several turns of the event loop with the app idle: still nothing loaded.
      for (let i = 0; i < 5; i++) await new Promise(resolve => setTimeout(resolve, 10))
      expect(loads).toBe(0)
      live()
      await waitFor(() => loads === 1)
      r.stdin.write(KEY.escape)
      await new Promise(resolve => setImmediate(resolve))
      r.stdin.write(KEY.ctrlF)
      await waitFor(() => frame().includes('Type a question or a term'))
      r.stdin.write('clasification')
      await waitFor(() => frame().includes('Checklist Form'))
      expect(loads).toBe(1)
    } finally {
      r.unmount()
      await store.close()
    }
  })
})

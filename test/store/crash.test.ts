import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Store } from '../../src/store/index.js'
import { runAndKill } from '../helpers/kill-loop.js'
import { newStore } from '../helpers/store.js'

const LOOP = fileURLToPath(new URL('../helpers/write-loop.mjs', import.meta.url))

describe('SIGKILL during a write loop', () => {
  it('loses no edit that was reported done, and the database opens every time', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Crash Test Co' })
    const home = s.ws.paths.root
    await s.close()
    let seed = 7
    const random = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31 }
    for (let round = 0; round < 6; round++) {
      const extra = Math.floor(random() * 40)
      const reported = await runAndKill(LOOP, home, acc.id, `round${round}`, 3 + Math.floor(random() * 10), extra)
      const store = await Store.open(home)
      const titles = new Set((await store.plan.items.list(acc.id)).map(i => String(i.title)))
      for (const n of reported) {
        expect(titles.has(`round${round} ${n}`), `round ${round} (seed 7, +${extra} ms): item ${n} was reported done but is missing`).toBe(true)
      }
      expect(reported.length).toBeGreaterThanOrEqual(3)
      await store.close()
    }
  })
})

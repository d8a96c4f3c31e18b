import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { runDoctor } from '../../src/store/doctor.js'
import { MIN_LOG_BYTES } from '../../src/store/compaction.js'
import { Store } from '../../src/store/index.js'
import { runAndKill } from '../helpers/kill-loop.js'
import { newStore } from '../helpers/store.js'
import { notesText } from '../helpers/edit-loop.mjs'

const LOOP = fileURLToPath(new URL('../helpers/edit-loop.mjs', import.meta.url))
const KILLS = 50
const LANES = 2 // workspaces killed side by side, to keep the wall time down

/** Kills the edit loop on one workspace `rounds` times, checking after each kill what it had reported. */
async function lane (lane: number, rounds: number, seed: number) {
  const s = await newStore()
  const acc = await s.accounts.add({ name: `Crash Test Co ${lane}` })
  const home = s.ws.paths.root
  await s.close()
  let state = seed
  const random = () => { state = (state * 1103515245 + 12345) % 2 ** 31; return state / 2 ** 31 }
  let items = 0
  let largestLog = 0
  for (let round = 0; round < rounds; round++) {
    const prefix = `lane${lane} round${round}`
    const extra = Math.floor(random() * 30)
    const reported = await runAndKill(LOOP, home, acc.id, prefix, 2 + Math.floor(random() * 8), extra)
    const why = `lane ${lane}, round ${round} (seed ${seed}, killed ${extra} ms after edit ${reported.at(-1)})`

    const store = await Store.open(home) // the database opens after every kill
    const titles = new Set((await store.plan.items.list(acc.id)).map(i => String(i.title)))
    for (const n of reported.filter(n => n % 2 === 0)) expect(titles.has(`${prefix} ${n}`), `${why}: item ${n} was reported done but is missing`).toBe(true)
    items += reported.filter(n => n % 2 === 0).length
    // The notes are those of the last edit reported done, or of the one in flight when the process died.
    const last = reported.at(-1)!
    const allowed = [last % 2 === 1 ? last : last - 1, last + 1].filter(n => n % 2 === 1).map(n => notesText(prefix, n))
    expect(allowed, `${why}: the notes are not those of the last reported edit`).toContain((await store.accounts.show(acc.id)).profile.notes)
    const name = `account/${acc.id}`
    const { bytes } = await store.ws.database.readUpdates(name)
    largestLog = Math.max(largestLog, bytes / (2 * Y.encodeStateAsUpdate(await store.ws.docs.get(name)).length + MIN_LOG_BYTES))
    await store.close()
  }
  const report = await runDoctor(home) // every document decodes; nothing needed repair
  expect(report).toMatchObject({ ok: true, documents: 2 })
  expect(report.keptCopy).toBeUndefined()
  return { largestLog, items }
}

describe('SIGKILL at random moments during a write loop', () => {
  it(`loses no edit reported done and leaves a database that opens and decodes, ${KILLS} kills`, async () => {
    const results = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i, KILLS / LANES, 7 + i)))
    // Compaction ran during the kills: what is stored stays within about twice the merged state.
    for (const r of results) {
      expect(r.items).toBeGreaterThan(KILLS / LANES)
      expect(r.largestLog).toBeLessThanOrEqual(1.5)
    }
  }, 120_000)
})

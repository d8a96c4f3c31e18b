// Issue 15, point 11, beside a CPU hog: one busy-looping process per core competes with the store's writer,
// as on a loaded machine (a peer catching up, a busy `pat serve`, other work). The writer is never idle, and
// the stored size must still stay within 3× the merged state — compaction may not wait for a quiet moment.
// (`npm run bench -- --only scale-loaded` measures the same beside the same hog over 100,000 edits.)
import { spawn, type ChildProcess } from 'node:child_process'
import { cpus } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newStore } from '../helpers/store.js'

let hogs: ChildProcess[] = []
afterEach(() => { for (const h of hogs.splice(0)) h.kill('SIGKILL') })

describe('compaction beside a CPU hog', () => {
  it('keeps the stored size within 3× the merged state while the write queue never empties', { timeout: 180_000 }, async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Busy Harbor' })
    const name = `account/${acc.id}`
    const doc = await s.ws.docs.get(name)
    const docs = s.ws.docs as unknown as { writer?: Promise<void> }
    hogs = cpus().map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }))
    const edits: Array<Promise<unknown>> = []
    let worst = 0
    let idleSeen = 0
    for (let n = 0; n < 1200; n++) {
      edits.push(s.accounts.set(acc.id, { notes: `call ${n}: ${`talked about valuation ${n}. `.repeat(40)}` }))
      if (n % 10 !== 9) continue
      await new Promise(resolve => setImmediate(resolve)) // the writer stores a batch; more is queued at once
      if (!docs.writer) idleSeen++
      if (n < 200) continue
      const { bytes } = await s.ws.database.readUpdates(name)
      worst = Math.max(worst, bytes / Y.encodeStateAsUpdate(doc).length)
    }
    await Promise.all(edits)
    for (const h of hogs.splice(0)) h.kill('SIGKILL')
    expect(idleSeen).toBe(0)
    expect(worst).toBeGreaterThan(1)
    expect(worst).toBeLessThanOrEqual(3)
    expect((await s.accounts.show(acc.id)).profile.notes).toMatch(/^call 1199: /)
    await s.close()
  })
})

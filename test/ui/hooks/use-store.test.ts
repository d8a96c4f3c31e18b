// The snapshot source behind every screen: it loads once when first watched, again after each change, and
// a seed (data read before the first frame) spares the first load only while the store has not changed.
import { describe, expect, it } from 'vitest'
import { SnapshotSource } from '../../../src/ui/hooks/use-store.js'
import { newStore } from '../../helpers/store.js'
import { waitFor } from '../../helpers/wait.mjs'

/**
 * Resolves once `check()` holds, polling every few milliseconds for up to 5 s (bounded by time, not by turns
 * of the event loop: a load waits for LevelDB reads, which take longer on a busy machine); fails after that.
 */
const until = (check: () => boolean) => waitFor(check, 5000, 'the snapshot source', 2)

describe('SnapshotSource', () => {
  it('loads when first watched and again after a change', async () => {
    const store = await newStore('Ana Lima')
    let loads = 0
    const source = new SnapshotSource(store, async s => { loads++; return s.accounts.list({}) })
    const stop = source.subscribe(() => {})
    await until(() => source.getSnapshot().loaded)
    expect(source.getSnapshot().data).toEqual([])
    await store.accounts.add({ name: 'Harbor Imports' })
    await until(() => source.getSnapshot().data?.length === 1)
    expect(loads).toBe(2)
    stop()
    await store.close()
  })

  it('takes a current seed as it is, and re-loads a seed read before a change', async () => {
    const store = await newStore('Ana Lima')
    await store.accounts.add({ name: 'Harbor Imports' })
    const seed = { data: await store.accounts.list({}), version: store.version }
    let loads = 0
    const load = async () => { loads++; return store.accounts.list({}) }
    const current = new SnapshotSource(store, load, undefined, seed)
    const stop = current.subscribe(() => {})
    expect(current.getSnapshot().data).toBe(seed.data)
    for (let i = 0; i < 3; i++) await new Promise(resolve => setImmediate(resolve)) // a load is scheduled on the next turn
    expect(loads).toBe(0)
    stop()

    await store.accounts.add({ name: 'Osprey Logistics' })
    const stale = new SnapshotSource(store, load, undefined, seed)
    const stop2 = stale.subscribe(() => {})
    expect(stale.getSnapshot().data).toBe(seed.data) // shown at once…
    await until(() => stale.getSnapshot().data?.length === 2) // …and brought up to date
    expect(loads).toBe(1)
    stop2()
    await store.close()
  })
})

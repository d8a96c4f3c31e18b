// Account ids are the name's slug plus a short random suffix. Two adds in flight at once, for like-named
// accounts, once drew the same id: both checked the directory before either wrote, and the second account
// overwrote the first. The suffix source is made to repeat here, so the collision happens on every run.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { newStore } from '../helpers/store.js'
import type { Store } from '../../src/store/index.js'
import type * as Ids from '../../src/store/ids.js'

// The test files of a worker share their modules (vitest.config.ts): the store an earlier file loaded would not
// see the mock, so this file starts from an empty module graph, and leaves one for the next file.
const drawn = vi.hoisted(() => {
  vi.resetModules()
  return { n: 0 }
})
vi.mock('../../src/store/ids.js', async (importOriginal) => {
  const real = await importOriginal<typeof Ids>()
  // Every name draws suffix "aaaa" twice before any other: the first two draws of each slug collide.
  return { ...real, newAccountId: (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '-')}-${drawn.n++ < 2 ? 'aaaa' : `b${drawn.n}`}` }
})

let store: Store | undefined
afterEach(async () => { await store?.close(); store = undefined; drawn.n = 0 })
afterAll(() => {
  vi.doUnmock('../../src/store/ids.js')
  vi.resetModules()
})

describe('account ids', () => {
  it('two like-named accounts added at once get distinct ids, and both are kept', async () => {
    store = await newStore()
    const [a, b] = await Promise.all([
      store.accounts.add({ name: 'Harbor Imports' }),
      store.accounts.add({ name: 'Harbor Imports' })
    ])
    expect(drawn.n).toBeGreaterThanOrEqual(2) // the ids came from the repeating source: the collision was real
    expect(a.id).not.toBe(b.id)
    const names = (await store.accounts.list()).filter(h => h.name === 'Harbor Imports')
    expect(names.map(h => h.id).sort()).toEqual([a.id, b.id].sort())
  })
})

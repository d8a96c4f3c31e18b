import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openDatabase } from '../../src/store/database.js'
import { Store, StoreError } from '../../src/store/index.js'
import { tempDir } from '../helpers/home.js'
import { failWrites } from '../helpers/faults.js'
import { newStore } from '../helpers/store.js'

describe('the database wrapper', () => {
  it('surfaces write errors that y-leveldb would swallow', async () => {
    const db = await openDatabase(join(await tempDir(), 'db'))
    const doc = new Y.Doc()
    doc.getMap('m').set('k', 1)
    expect(await db.persistence.storeUpdate('d', Y.encodeStateAsUpdate(doc))).toBe(0) // the first update's clock
    await db.db.close()
    await expect(db.persistence.storeUpdate('d', Y.encodeStateAsUpdate(doc))).rejects.toBeInstanceOf(StoreError)
  })

  it('reports a held lock as a "locked" StoreError, not a raw IO error', async () => {
    const path = join(await tempDir(), 'db')
    const first = await openDatabase(path)
    const err = await openDatabase(path).catch(e => e)
    expect(err).toBeInstanceOf(StoreError)
    expect(err.kind).toBe('locked')
    expect(err.message).not.toMatch(/IO error: lock/)
    await first.close()
    await (await openDatabase(path)).close()
  })
})

describe('a full disk', () => {
  it('fails the edit with a clear error and leaves the stored state as it was', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Harbor Imports', leadPort: 'Miami' })
    const home = s.ws.paths.root
    const restore = failWrites(s)
    const err = await s.accounts.set(acc.id, { leadPort: 'Tampa' }).catch(e => e)
    expect(err).toBeInstanceOf(StoreError)
    expect(err.kind).toBe('disk-full')
    expect(err.message).toMatch(/disk is full.*free some space/)
    restore()
    await s.ws.database.db.close() // the process dies here: nothing more is written
    const again = await Store.open(home)
    expect((await again.accounts.show(acc.id)).leadPort).toBe('Miami')
    await again.close()
  })

  it('keeps a failed update queued and stores it before later ones once space is back', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Harbor Imports' })
    const home = s.ws.paths.root
    const restore = failWrites(s)
    await expect(s.contacts.add(acc.id, { name: 'Lee Park', side: 'customs' })).rejects.toThrow(/disk is full/)
    restore()
    await s.plan.items.add(acc.id, { title: 'After the disk was freed', priority: 'low' })
    await s.close()
    const again = await Store.open(home)
    const shown = await again.accounts.show(acc.id)
    expect(shown.contacts.map(c => c.name)).toEqual(['Lee Park'])
    expect(shown.plan.items.map(i => i.title)).toEqual(['After the disk was freed'])
    await again.close()
  })
})

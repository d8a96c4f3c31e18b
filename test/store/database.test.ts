import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openDatabase } from '../../src/store/database.js'
import { Store, StoreError } from '../../src/store/index.js'
import { tempDir } from '../helpers/home.js'
import { diskFull, failWrites } from '../helpers/faults.js'
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

  it('gives each part a generation that every batch writing that part replaces, and nothing else does', async () => {
    const path = join(await tempDir(), 'db')
    const db = await openDatabase(path)
    const now = async () => ({ summaries: await db.generation('summaries'), workspace: await db.generation('workspace') })
    const first = await now()
    expect(first.summaries).toMatch(/^[0-9a-f]{16}$/)
    expect(first.workspace).toMatch(/^[0-9a-f]{16}$/)
    expect(first.workspace).not.toBe(first.summaries)
    expect(await now()).toEqual(first) // asking again writes nothing new

    await db.batch([{ type: 'put', key: ['pat', 'seen', 'acc-1'], value: Buffer.from('{}') }]) // a seen mark: neither part
    expect(await now()).toEqual(first)
    await db.batch([{ type: 'put', key: ['pat', 'summary', 'acc-1'], value: Buffer.from('{}') }], { derived: true })
    const second = await now()
    expect(second.workspace).toBe(first.workspace)
    expect(second.summaries).not.toBe(first.summaries)

    const doc = new Y.Doc()
    doc.getMap('m').set('k', 1)
    await db.storeUpdates([{ doc: 'account/acc-1', update: Y.encodeStateAsUpdate(doc) }])
    expect(await now()).toEqual(second) // an account document is neither part (its summary is)
    await db.storeUpdates([{ doc: 'workspace', update: Y.encodeStateAsUpdate(doc) }])
    const third = await now()
    expect(third.summaries).toBe(second.summaries)
    expect(third.workspace).not.toBe(second.workspace)
    await db.replaceUpdates('workspace', Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc)) // a compaction writes it too
    const fourth = await now()
    expect(fourth.workspace).not.toBe(third.workspace)
    await db.close()

    const reopened = await openDatabase(path)
    expect({ summaries: await reopened.generation('summaries'), workspace: await reopened.generation('workspace') }).toEqual(fourth)
    await reopened.close()
    const other = await openDatabase(join(await tempDir(), 'db')) // a new database: tokens of its own
    expect(await other.generation('workspace')).not.toBe(fourth.workspace)
    await other.close()
  })

  it('runs a write at a generation only while it is unchanged', async () => {
    const db = await openDatabase(join(await tempDir(), 'db'))
    const at = await db.generation('summaries')
    const ran: string[] = []
    expect(await db.atGeneration('summaries', at, async () => { ran.push('first') })).toBe(true)
    await db.batch([{ type: 'put', key: ['pat', 'due', 'acc-1'], value: Buffer.from('{}') }], { derived: true })
    expect(await db.atGeneration('summaries', at, async () => { ran.push('stale') })).toBe(false)
    expect(await db.atGeneration('summaries', '', async () => { ran.push('none') })).toBe(false)
    expect(ran).toEqual(['first'])
    await db.close()
  })

  it('moves no generation when a write fails (the disk is full), and reads it again after', async () => {
    const path = join(await tempDir(), 'db')
    const db = await openDatabase(path)
    const before = await db.generation('summaries')
    const raw = db.db as unknown as Record<'batch', (...a: unknown[]) => Promise<void>>
    const saved = raw.batch
    raw.batch = async () => { throw diskFull() }
    const restore = () => { raw.batch = saved }
    await expect(db.batch([{ type: 'put', key: ['pat', 'summary', 'acc-1'], value: Buffer.from('{}') }], { derived: true })).rejects.toBeInstanceOf(StoreError)
    restore()
    expect(await db.generation('summaries')).toBe(before)
    await db.batch([{ type: 'put', key: ['pat', 'summary', 'acc-1'], value: Buffer.from('{}') }], { derived: true })
    expect(await db.generation('summaries')).not.toBe(before)
    await db.close()
  })
})

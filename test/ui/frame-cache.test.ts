import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Store } from '../../src/store/index.js'
import { localDate, readFrame, saveFrame } from '../../src/ui/frame-cache.js'
import { tempDir } from '../helpers/home.js'
import { newStore } from '../helpers/store.js'

const KEY = { columns: 80, rows: 24, theme: 'color', date: '2026-11-23' }

describe('the cached first frame', () => {
  it('is found only for the same terminal size, theme and day', async () => {
    const path = join(await tempDir(), 'first-frame.json')
    await saveFrame(path, KEY, 'Accounts · 3\n  NAME')
    expect(readFrame(path, KEY)).toBe('Accounts · 3\n  NAME')
    expect(readFrame(path, { ...KEY, columns: 100 })).toBeUndefined()
    expect(readFrame(path, { ...KEY, rows: 40 })).toBeUndefined()
    expect(readFrame(path, { ...KEY, theme: 'mono' })).toBeUndefined()
    expect(readFrame(path, { ...KEY, date: '2026-11-24' })).toBeUndefined()
  })

  it('a missing or damaged file is no frame', async () => {
    const dir = await tempDir()
    expect(readFrame(join(dir, 'none.json'), KEY)).toBeUndefined()
    await writeFile(join(dir, 'bad.json'), '{"version":1,"colu')
    expect(readFrame(join(dir, 'bad.json'), KEY)).toBeUndefined()
    await writeFile(join(dir, 'old.json'), JSON.stringify({ version: 0, ...KEY, frame: 'x' }))
    expect(readFrame(join(dir, 'old.json'), KEY)).toBeUndefined()
  })

  it('is kept by a store that only reads, and removed before the first change (an edit, a seen mark)', async () => {
    const store = await newStore()
    const home = store.ws.paths.root
    const path = store.ws.paths.firstFrame
    const { id } = await store.accounts.add({ name: 'Harbor Imports' })
    await store.close()
    await saveFrame(path, KEY, 'frame')
    // Reads, with the directory snapshot and the summaries they write: the accounts show the same.
    for (const opts of [{ accountsOnly: true }, {}]) {
      const reader = await Store.open(home, opts)
      await reader.accounts.list()
      await reader.workflow.due({ today: '2026-12-06' })
      await reader.close()
      expect(existsSync(path)).toBe(true)
    }
    const editor = await Store.open(home)
    try {
      await editor.accounts.set(id, { leadPort: 'Savannah' })
      expect(existsSync(path)).toBe(false)
    } finally {
      await editor.close()
    }
    await saveFrame(path, KEY, 'frame')
    // `pat account show` marks the account seen: the list's unseen counts change.
    const viewer = await Store.open(home)
    try {
      await viewer.accounts.show(id, { markSeen: true })
      expect(existsSync(path)).toBe(false)
    } finally {
      await viewer.close()
    }
  })

  it('dates by the local calendar', () => {
    expect(localDate(new Date(2028, 1, 29, 23, 59))).toBe('2028-02-29')
    expect(localDate(new Date(2027, 0, 1, 0, 0))).toBe('2027-01-01')
  })
})

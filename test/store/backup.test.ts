import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readBackup, restoreBackup, writeBackup } from '../../src/store/backup.js'
import { runDoctor } from '../../src/store/doctor.js'
import { Store, StoreError } from '../../src/store/index.js'
import { tempDir } from '../helpers/home.js'
import { newStore } from '../helpers/store.js'

async function sampleStore () {
  const s = await newStore()
  const acc = await s.accounts.add({ name: 'Harbor Imports', iors: ['12-3456789'] })
  await s.checklist.set(acc.id, 'business.C', 'na', 'no remote filing')
  await s.plan.items.add(acc.id, { title: 'Classification review', priority: 'high' })
  return { s, acc, home: s.ws.paths.root }
}

describe('backup and restore', () => {
  it('round-trips the whole workspace with its history', async () => {
    const { s, acc, home } = await sampleStore()
    const file = join(await tempDir(), 'ws.patbackup')
    const before = await s.accounts.show(acc.id)
    const log = await s.ws.log(acc.id)
    expect(await writeBackup(s.ws, file)).toMatchObject({ documents: 2 })
    await s.accounts.set(acc.id, { name: 'Renamed After Backup' })
    await s.close()

    const restored = await restoreBackup(home, file, { merge: false })
    expect(restored.keptAside).toMatch(/db\.before-restore-/)
    const again = await Store.open(home)
    expect(await again.accounts.show(acc.id)).toEqual(before)
    expect(await again.ws.log(acc.id)).toEqual(log)
    await again.close()
    expect(await readdir(home)).toEqual(expect.arrayContaining([restored.keptAside!.split('/').at(-1)]))
  })

  it('rejects a damaged or foreign file without touching the workspace', async () => {
    const { s, home } = await sampleStore()
    const file = join(await tempDir(), 'ws.patbackup')
    await writeBackup(s.ws, file)
    await s.close()
    const data = await readFile(file)
    data[data.length - 40]! ^= 0xff
    await writeFile(file, data)
    await expect(readBackup(file)).rejects.toThrow(/checksum mismatch/)
    await writeFile(file, 'not a backup at all, just some text that is long enough')
    await expect(restoreBackup(home, file, { merge: false })).rejects.toBeInstanceOf(StoreError)
    expect(await readdir(home)).not.toEqual(expect.arrayContaining([expect.stringMatching(/before-restore/)]))
  })
})

describe('a damaged database', () => {
  it('gives a clear error, and doctor repairs it keeping a copy', async () => {
    const { s, acc, home } = await sampleStore()
    const before = await s.accounts.show(acc.id)
    await s.close()
    await writeFile(join(home, 'db', 'CURRENT'), 'garbage')
    const err = await Store.open(home).catch(e => e)
    expect(err).toBeInstanceOf(StoreError)
    expect(err.kind).toBe('damaged')
    expect(err.message).toMatch(/damaged.*pat doctor/)

    const report = await runDoctor(home)
    expect(report.ok).toBe(true)
    expect(report.keptCopy).toMatch(/db\.damaged-/)
    const again = await Store.open(home)
    expect(await again.accounts.show(acc.id)).toEqual(before)
    await again.close()
  })

  it('restores the last backup when the data files are garbage', async () => {
    const { s, acc, home } = await sampleStore()
    const before = await s.accounts.show(acc.id)
    await writeBackup(s.ws, join(home, 'last.patbackup'))
    await s.close()
    for (const f of await readdir(join(home, 'db'))) {
      if (/\.(ldb|log)$|^MANIFEST/.test(f)) await writeFile(join(home, 'db', f), Buffer.alloc(4096, 0x5a))
    }
    const report = await runDoctor(home)
    expect(report.lines.join('\n')).toMatch(/backup/)
    expect(report.ok).toBe(true)
    const again = await Store.open(home)
    expect(await again.accounts.show(acc.id)).toEqual(before)
    await again.close()
  })

  it('reports a healthy database as healthy and changes nothing', async () => {
    const { s, home } = await sampleStore()
    await s.close()
    const report = await runDoctor(home)
    expect(report).toMatchObject({ ok: true, documents: 2 })
    expect((await readdir(home)).filter(f => f.startsWith('db.'))).toEqual([])
  })
})

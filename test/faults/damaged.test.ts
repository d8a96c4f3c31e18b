import { createHash } from 'node:crypto'
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Store } from '../../src/store/index.js'
import { pat, patJson, stderrLines } from '../helpers/cli.js'
import { newStore } from '../helpers/store.js'

/** Every file of a directory with a hash of its contents. */
async function snapshot (dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const f of (await readdir(dir)).sort()) out[f] = createHash('sha256').update(await readFile(join(dir, f))).digest('hex')
  return out
}

async function sample () {
  const s = await newStore()
  const a = await s.accounts.add({ name: 'Harbor Imports', iors: ['12-3456789'] })
  await s.checklist.set(a.id, 'business.C', 'na', 'no remote filing')
  await s.plan.items.add(a.id, { title: 'Classification review', priority: 'high' })
  const b = await s.accounts.add({ name: 'Blue Heron Apparel' })
  await s.contacts.add(b.id, { name: 'Lee Park', side: 'account' })
  return { s, a, b, home: s.ws.paths.root, db: join(s.ws.paths.root, 'db') }
}

describe('a damaged database', () => {
  it('one undecodable document: a one-line error, and doctor salvages the rest and restores it from the last backup', async () => {
    const { s, a, b, home } = await sample()
    const before = { a: await s.accounts.show(a.id), b: await s.accounts.show(b.id) }
    await s.close()
    expect((await pat(home, ['backup', join(home, 'last.patbackup')])).code).toBe(0)
    const raw = await Store.open(home)
    await raw.ws.database.storeUpdates([{ doc: `account/${a.id}`, update: new Uint8Array([0, 3, 250, 1, 2, 9, 9, 9]) }])
    await raw.ws.database.close()

    const shown = await pat(home, ['account', 'show', a.id])
    expect(shown.code).toBe(3)
    expect(stderrLines(shown)).toEqual([expect.stringMatching(/^error: document "account\/.*" in .* cannot be read .*; run `pat doctor`$/)])
    expect((await patJson(home, ['account', 'show', b.id])).contacts).toHaveLength(1) // the rest still reads

    const damaged = await snapshot(join(home, 'db'))
    const report = await patJson(home, ['doctor'])
    expect(report).toMatchObject({ ok: true, lost: [`account/${a.id}`] })
    expect(report.lines.join('\n')).toMatch(/merged \d+ documents from the backup/)
    expect(await snapshot(report.keptCopy)).toEqual(damaged) // nothing overwritten without a copy
    expect(await patJson(home, ['account', 'show', a.id])).toEqual(before.a)
    expect(await patJson(home, ['account', 'show', b.id])).toEqual(before.b)
  })

  it('a truncated MANIFEST: a one-line error, and doctor rebuilds the database from its tables and logs', async () => {
    const { s, a, b, home, db } = await sample()
    const before = { a: await s.accounts.show(a.id), b: await s.accounts.show(b.id) }
    await s.close()
    const manifest = (await readdir(db)).find(f => f.startsWith('MANIFEST-'))!
    await truncate(join(db, manifest), 10)

    const listed = await pat(home, ['account', 'list'])
    expect(listed.code).toBe(3)
    expect(stderrLines(listed)).toEqual([expect.stringMatching(/^error: the workspace database .* is damaged \(.*\); run `pat doctor` to recover it$/)])

    const damaged = await snapshot(db)
    const report = await patJson(home, ['doctor'])
    expect(report).toMatchObject({ ok: true })
    expect(await snapshot(report.keptCopy)).toEqual(damaged)
    expect(await patJson(home, ['account', 'show', a.id])).toEqual(before.a)
    expect(await patJson(home, ['account', 'show', b.id])).toEqual(before.b)
  })

  it('stray files in the database folder: ignored, the data intact, doctor finds it healthy and changes nothing', async () => {
    const { s, a, home, db } = await sample()
    const before = await s.accounts.show(a.id)
    await s.close()
    await writeFile(join(db, '999999.ldb'), Buffer.alloc(8192, 0x5a))
    await writeFile(join(db, 'notes.txt'), 'left here by someone')
    expect(await patJson(home, ['account', 'show', a.id])).toEqual(before)
    const report = await patJson(home, ['doctor'])
    expect(report).toMatchObject({ ok: true, documents: 3 })
    expect(report.keptCopy).toBeUndefined()
    expect((await readdir(home)).filter(f => f.startsWith('db.'))).toEqual([])
  })
})

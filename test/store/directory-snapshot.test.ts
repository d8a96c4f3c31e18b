import { cp, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { restoreBackup, writeBackup } from '../../src/store/backup.js'
import { directoryFile } from '../../src/store/directory-snapshot.js'
import { runDoctor } from '../../src/store/doctor.js'
import { Store } from '../../src/store/index.js'
import { WORKSPACE_DOC } from '../../src/store/schema.js'
import { tempDir } from '../helpers/home.js'
import { runAndKill } from '../helpers/kill-loop.js'
import { newStore, syncStores } from '../helpers/store.js'

const RENAME_LOOP = fileURLToPath(new URL('../helpers/rename-loop.mjs', import.meta.url))

/** What an accounts-only open (`pat account list` / `show`) lists, and whether it had to decode the workspace document. */
async function readAccounts (home: string) {
  const s = await Store.open(home, { accountsOnly: true })
  try {
    const rows = await s.accounts.list({})
    return { rows, decoded: s.ws.docs.loaded(WORKSPACE_DOC) !== undefined }
  } finally {
    await s.close()
  }
}

/** The list as the workspace document itself says. */
async function listFromDocument (home: string) {
  const s = await Store.open(home)
  try {
    return await s.accounts.list({})
  } finally {
    await s.close()
  }
}

async function sample () {
  const s = await newStore()
  const harbor = await s.accounts.add({ name: 'Harbor Imports', iors: ['12-3456789'], leadPort: 'Miami' })
  const zenith = await s.accounts.add({ name: 'Zenith Freight' })
  const acme = await s.accounts.add({ name: 'Acme Textiles', stage: 'establish' })
  await s.accounts.archive(zenith.id)
  await s.plan.items.add(harbor.id, { title: 'Classification review', priority: 'high', due: '2026-05-01' })
  return { s, home: s.ws.paths.root, harbor, zenith, acme }
}

const names = (rows: ReadonlyArray<{ name: string }>) => rows.map(r => r.name)

describe('the account directory snapshot', () => {
  it('answers list and show without decoding the workspace document, with what the document says', async () => {
    const { s, home, harbor } = await sample()
    const expected = await s.accounts.list({})
    const shown = await s.accounts.show(harbor.id)
    await s.close()

    const first = await readAccounts(home)
    expect(first).toEqual({ rows: expected, decoded: false })
    expect(names(first.rows)).toEqual(['Acme Textiles', 'Harbor Imports', 'Zenith Freight'])

    const ro = await Store.open(home, { accountsOnly: true })
    expect(await ro.accounts.show(harbor.id)).toEqual(shown)
    expect((await ro.accounts.show('Harbor')).id).toBe(harbor.id) // by name, through the snapshot's list
    expect((await ro.accounts.list({ archived: false })).map(r => r.name)).toEqual(['Acme Textiles', 'Harbor Imports'])
    expect(() => ro.ws.wsDoc).toThrow(/read accounts only/)
    expect(ro.ws.docs.loaded(WORKSPACE_DOC)).toBeUndefined()
    await ro.close()
  })

  it('is current after a local edit', async () => {
    const { s, home, harbor, acme } = await sample()
    await s.close()
    const s2 = await Store.open(home)
    await s2.accounts.set(harbor.id, { name: 'Harbour Imports', leadPort: 'Tampa' })
    await s2.accounts.set(acme.id, { name: 'Yellowfin Textiles' }) // moves down the list
    await s2.accounts.archive(acme.id)
    await s2.accounts.add({ name: 'Baltic Goods' })
    await s2.accounts.add({ name: 'Aardvark Logistics' }) // first in the list
    await s2.accounts.add({ name: 'Baltic Goods' }) // the same name: ordered by id
    await s2.close()
    const read = await readAccounts(home)
    expect(read.decoded).toBe(false)
    expect(read.rows).toEqual(await listFromDocument(home))
    expect(read.rows.find(r => r.id === harbor.id)).toMatchObject({ name: 'Harbour Imports', leadPort: 'Tampa' })
    expect(read.rows.find(r => r.id === acme.id)).toMatchObject({ name: 'Yellowfin Textiles', archived: true })
    expect(names(read.rows)).toEqual(['Aardvark Logistics', 'Baltic Goods', 'Baltic Goods', 'Harbour Imports', 'Yellowfin Textiles', 'Zenith Freight'])
  })

  it('is never read once the workspace document was written after it (a process that stopped before closing)', async () => {
    const { s, home, harbor } = await sample()
    await s.close()
    expect((await readAccounts(home)).decoded).toBe(false)
    const s2 = await Store.open(home)
    await s2.accounts.set(harbor.id, { name: 'Renamed, never closed' })
    // Stop as a killed process would: the edit is stored, the snapshot is not refreshed.
    await s2.ws.docs.idle()
    await s2.ws.database.close()

    const read = await readAccounts(home)
    expect(read.decoded).toBe(true)
    expect(read.rows.find(r => r.id === harbor.id)!.name).toBe('Renamed, never closed')
    // That reader wrote a current snapshot as it closed.
    expect(await readAccounts(home)).toEqual({ rows: read.rows, decoded: false })
  })

  it('is current after updates from a peer', async () => {
    const { s: a, home } = await sample()
    await a.close()
    const replica = join(await tempDir(), 'replica')
    await cp(home, replica, { recursive: true })
    expect((await readAccounts(replica)).decoded).toBe(false)

    const sa = await Store.open(home)
    const added = await sa.accounts.add({ name: 'Coastal Produce' })
    const sb = await Store.open(replica)
    await syncStores(sa, sb)
    await sa.close()
    await sb.close()
    const read = await readAccounts(replica)
    expect(read.decoded).toBe(false)
    expect(read.rows.map(r => r.id)).toContain(added.id)
    expect(read.rows).toEqual(await listFromDocument(home))
  })

  it('is current after a restore, replacing or merging', async () => {
    const { s, home, harbor } = await sample()
    const file = join(await tempDir(), 'before.patbackup')
    await writeBackup(s.ws, file)
    await s.accounts.set(harbor.id, { name: 'Renamed After Backup' })
    await s.close()
    expect(names((await readAccounts(home)).rows)).toContain('Renamed After Backup')

    await restoreBackup(home, file, { merge: false })
    const replaced = await readAccounts(home)
    expect(names(replaced.rows)).toEqual(['Acme Textiles', 'Harbor Imports', 'Zenith Freight'])
    expect(replaced.rows).toEqual(await listFromDocument(home))

    // A backup from a replica with one more account, merged in.
    const replica = join(await tempDir(), 'replica')
    await cp(home, replica, { recursive: true, filter: src => !src.includes('before-restore') })
    const r = await Store.open(replica)
    await r.accounts.add({ name: 'Only In The Backup' })
    const extra = join(await tempDir(), 'extra.patbackup')
    await writeBackup(r.ws, extra)
    await r.close()
    expect((await readAccounts(home)).decoded).toBe(false)
    await restoreBackup(home, extra, { merge: true })
    const merged = await readAccounts(home)
    expect(merged.decoded).toBe(true)
    expect(names(merged.rows)).toContain('Only In The Backup')
    expect(merged.rows).toEqual(await listFromDocument(home))
  })

  it('is current after doctor salvages a damaged database', async () => {
    const { s, home } = await sample()
    const expected = await s.accounts.list({})
    await s.close()
    expect((await readAccounts(home)).decoded).toBe(false)
    await writeFile(join(home, 'db', 'CURRENT'), 'garbage')
    expect((await runDoctor(home)).ok).toBe(true)
    expect(await readAccounts(home)).toEqual({ rows: expected, decoded: true })
  })

  it('ignores a damaged snapshot or one of another format, and writes it again', async () => {
    const { s, home } = await sample()
    const expected = await s.accounts.list({})
    await s.close()
    const file = directoryFile(join(home, 'aggregates'))
    const good = await readFile(file, 'utf8')
    const [headLine, body] = [good.slice(0, good.indexOf('\n')), good.slice(good.indexOf('\n') + 1)]
    const head = JSON.parse(headLine)
    const damaged = ['', 'garbage', headLine, `${headLine}\n[{"id": 1}`, `${headLine}\n{"not": "a list"}`, `${headLine}\n[{"id": 1}]`,
      `${JSON.stringify({ ...head, format: 999 })}\n${body}`, `${JSON.stringify({ ...head, generation: '0123456789abcdef' })}\n${body}`]
    for (const text of damaged) {
      expect((await readAccounts(home)).decoded, `before writing ${text.slice(0, 40)}`).toBe(false)
      await writeFile(file, text)
      expect(await readAccounts(home), text.slice(0, 60)).toEqual({ rows: expected, decoded: true })
    }
    expect(await readAccounts(home)).toEqual({ rows: expected, decoded: false })
  })

  it('moves out of the database: the snapshot a former version kept there is deleted when the file is written', async () => {
    const { s, home, harbor } = await sample()
    await s.close()
    const old = [['pat', 'directory', 'stamp'], ['pat', 'directory', 'headers']]
    const raw = await Store.open(home)
    await raw.ws.database.read(db => db.batch(old.map(key => ({ type: 'put', key, value: Buffer.from('{"format":1,"clock":0}') })) as never))
    await raw.accounts.set(harbor.id, { leadPort: 'Savannah' }) // a change, so the closing process writes a snapshot
    await raw.close()
    const check = await Store.open(home)
    expect(await check.ws.database.read(db => db.getMany(old as never) as Promise<unknown[]>)).toEqual([undefined, undefined])
    await check.close()
    expect((await readAccounts(home)).rows.find(r => r.id === harbor.id)!.leadPort).toBe('Savannah')
  })

  it('is never stale after SIGKILL while the workspace document is being written', async () => {
    const { s, home, harbor } = await sample()
    await s.close()
    for (let round = 0; round < 3; round++) {
      const prefix = `round ${round}`
      const reported = await runAndKill(RENAME_LOOP, home, harbor.id, prefix, 2 + round * 3, round * 7)
      const read = await readAccounts(home)
      const last = reported.at(-1)!
      expect([`${prefix} ${last}`, `${prefix} ${last + 1}`]).toContain(read.rows.find(r => r.id === harbor.id)!.name)
      expect(read.decoded).toBe(true) // the killed process never refreshed the snapshot
      expect(read.rows).toEqual(await listFromDocument(home))
    }
    expect((await readAccounts(home)).decoded).toBe(false)
    expect((await readdir(join(home, 'db'))).length).toBeGreaterThan(0)
  }, 60_000)
})

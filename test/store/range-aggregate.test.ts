// The summaries' and due inputs' aggregate files (store/range-aggregate.ts): what a reader of every account
// reads instead of 10,000 keys, and never when out of date.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isOpen } from '../../src/domain/index.js'
import { restoreBackup, writeBackup } from '../../src/store/backup.js'
import { Store } from '../../src/store/index.js'
import { aggregateFile } from '../../src/store/range-aggregate.js'
import { runAndKill } from '../helpers/kill-loop.js'
import { newStore } from '../helpers/store.js'
import { tempDir } from '../helpers/home.js'

const PLAN_LOOP = fileURLToPath(new URL('../helpers/plan-loop.mjs', import.meta.url))
const TODAY = '2026-12-01'

/** What `pat account list` and `pat due` read, from a process of their own (opened for accounts only). */
async function read (home: string) {
  const s = await Store.open(home, { accountsOnly: true })
  try {
    return { rows: await s.accounts.list({}), due: await s.workflow.due({ today: TODAY }) }
  } finally {
    await s.close()
  }
}

/** The same, as the account documents themselves say (each one opened: no summary read). */
async function truth (home: string) {
  const s = await Store.open(home)
  try {
    const rows = await s.accounts.list({})
    const open = await Promise.all(rows.map(async r => (await s.plan.items.list(r.id)).filter(isOpen).length))
    return rows.map((r, i) => ({ id: r.id, openItems: open[i] }))
  } finally {
    await s.close()
  }
}

async function sample () {
  const s = await newStore()
  const harbor = await s.accounts.add({ name: 'Harbor Imports', stage: 'improve' })
  const acme = await s.accounts.add({ name: 'Acme Textiles' })
  await s.plan.items.add(harbor.id, { title: 'Classification review', priority: 'high', due: '2026-12-20' })
  const home = s.ws.paths.root
  await s.close()
  return { home, harbor, acme, dir: join(home, 'aggregates') }
}

const stampOf = async (file: string) => JSON.parse((await readFile(file, 'utf8')).split('\n')[0]!).generation as string

/** Puts a summary straight into LevelDB, behind the store's back (no generation moves): only a reader of the keys sees it. */
async function plantSummary (home: string, id: string, openItems: number) {
  const s = await Store.open(home)
  const value = Buffer.from(JSON.stringify({ format: 2, value: { openItems, edits: {}, conflicts: 0, conflictRecords: 0 } }))
  await s.ws.database.read(db => db.batch([{ type: 'put', key: ['pat', 'summary', id], value }] as never))
  await s.ws.database.close() // not s.close(): nothing else is written
}

describe('the aggregates of the summaries and due inputs', () => {
  it('are written by a reader as it closes, stamped with the generation, and answer the next reader', async () => {
    const { home, harbor, dir } = await sample()
    const first = await read(home)
    expect(first.rows.find(r => r.id === harbor.id)).toMatchObject({ openItems: 1, nextDue: '2026-12-20' })
    const s = await Store.open(home)
    const generation = await s.ws.database.generation('summaries')
    await s.close()
    expect(await stampOf(aggregateFile(dir, 'summary'))).toBe(generation)
    expect(await stampOf(aggregateFile(dir, 'due'))).toBe(generation)

    // The next reader takes the file, not the keys: a value planted in the keys alone is not seen.
    await plantSummary(home, harbor.id, 42)
    expect(await read(home)).toEqual(first)
  })

  it('are out of date after any change to an account, here or from another process, and read again', async () => {
    const { home, harbor, acme } = await sample()
    await read(home)
    const s = await Store.open(home)
    await s.plan.items.add(acme.id, { title: 'Prior disclosure follow-up', priority: 'medium', due: '2026-12-10' })
    await s.plan.items.add(harbor.id, { title: 'Second item', priority: 'low' })
    await s.close()
    const after = await read(home)
    expect(after.rows.map(r => [r.name, r.openItems])).toEqual([['Acme Textiles', 1], ['Harbor Imports', 2]])
    expect(after.due.filter(e => e.rule === 'plan-item').map(e => e.title)).toEqual(['Plan item: Prior disclosure follow-up', 'Plan item: Classification review'])
    expect(after.rows.map(r => ({ id: r.id, openItems: r.openItems }))).toEqual(await truth(home))
  })

  it('are ignored when damaged, of another format or another stamp, and written again', async () => {
    const { home, dir } = await sample()
    const expected = await read(home)
    const file = aggregateFile(dir, 'summary')
    const good = await readFile(file, 'utf8')
    const head = JSON.parse(good.split('\n')[0]!)
    for (const text of ['', 'garbage', good.slice(0, good.length - 5), good.replace('"format":1', '"format":99'),
      good.replace(head.generation, '0123456789abcdef'), JSON.stringify(head) + '\n[1, 2]', JSON.stringify(head) + '\nnull']) {
      await writeFile(file, text)
      expect(await read(home), JSON.stringify(text.slice(0, 60))).toEqual(expected)
      expect(await readFile(file, 'utf8')).toBe(good) // the reader wrote it again, the same
    }
  })

  it('can be deleted, the directory snapshot with them: the next reader reads the database and writes them again', async () => {
    const { home, dir } = await sample()
    const expected = await read(home)
    await rm(dir, { recursive: true })
    expect(await read(home)).toEqual(expected)
    expect((await readdir(dir)).sort()).toEqual(['directory.json', 'due.json', 'summary.json'])
  })

  it('that cannot be written (a full disk, a read-only folder) cost a slower next read, never a failed command', async () => {
    const { home, dir } = await sample()
    const expected = await read(home)
    await rm(dir, { recursive: true })
    await writeFile(dir, 'not a folder') // mkdir and every write in it fail, as on a full or read-only disk
    expect(await read(home)).toEqual(expected)
    expect(await read(home)).toEqual(expected)
    await rm(dir)
    expect(await read(home)).toEqual(expected)
    expect((await readdir(dir)).sort()).toEqual(['directory.json', 'due.json', 'summary.json'])
  })

  it('never match a replaced database (a restore), even one at the same update clocks', async () => {
    const { home, harbor, dir } = await sample()
    const backup = join(await tempDir(), 'before.patbackup')
    const s = await Store.open(home)
    await writeBackup(s.ws, backup)
    await s.plan.items.add(harbor.id, { title: 'After the backup', priority: 'low' })
    await s.close()
    expect((await read(home)).rows.find(r => r.id === harbor.id)!.openItems).toBe(2)
    const stamped = await stampOf(aggregateFile(dir, 'summary'))
    await restoreBackup(home, backup, { merge: false })
    const restored = await read(home)
    expect(restored.rows.find(r => r.id === harbor.id)!.openItems).toBe(1)
    expect(await read(home)).toEqual(restored) // (the first reader computed the summaries a restore does not write)
    expect(await stampOf(aggregateFile(dir, 'summary'))).not.toBe(stamped)
  })

  it('are never stale after SIGKILL while plan items are being added', async () => {
    const { home, harbor } = await sample()
    await read(home) // aggregates written: the loop's first item outdates them
    for (let round = 0; round < 3; round++) {
      const reported = await runAndKill(PLAN_LOOP, home, harbor.id, `round ${round}`, 2 + round * 3, round * 7)
      const rows = (await read(home)).rows
      const items = (await truth(home)).find(r => r.id === harbor.id)!.openItems
      expect(items).toBeGreaterThanOrEqual(reported.length) // every reported item is on disk (perhaps one more)
      expect(rows.find(r => r.id === harbor.id)!.openItems).toBe(items)
      expect((await read(home)).rows).toEqual(rows) // and from the aggregate the next time
    }
  }, 60_000)
})

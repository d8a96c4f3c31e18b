// `pat account list --json` and `pat due --json` print their kept answer (store/output-cache.ts) while the
// workspace is as it was, and a fresh one after any change that could alter it: an edit, an added account, a
// seen mark, another day, other options. The binary as a user runs it (one build: its answers are kept).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pat, patJson } from '../helpers/cli.js'
import { tempDir } from '../helpers/home.js'

async function demo () {
  const home = await tempDir()
  const r = await pat(home, ['demo'])
  expect(r.code, r.stderr).toBe(0)
  return home
}

const keptFile = (home: string, name: string) => join(home, 'aggregates', `output-${name}`)

/**
 * Changes the kept answer's text without changing its length or stamp, so that a run that prints it can be
 * told from one that made the answer again.
 */
async function mark (home: string, name: string, from: string, to: string) {
  expect(to.length).toBe(from.length)
  const bytes = await readFile(keptFile(home, name))
  const body = bytes.subarray(1024).toString()
  expect(body).toContain(from)
  await writeFile(keptFile(home, name), Buffer.concat([bytes.subarray(0, 1024), Buffer.from(body.replaceAll(from, to))]))
}

async function stdout (home: string, args: string[]) {
  const r = await pat(home, args)
  expect(r.code, r.stderr).toBe(0)
  return r.stdout
}

describe('kept answers of read commands', () => {
  it('account list --json: the same bytes again until an edit, an added account or a seen mark', async () => {
    const home = await demo()
    const first = await stdout(home, ['account', 'list', '--json'])
    const rows = JSON.parse(first) as Array<{ id: string, name: string }>
    expect(await stdout(home, ['account', 'list', '--json'])).toBe(first)
    expect((await readFile(keptFile(home, 'account-list'))).subarray(1024).toString()).toBe(first)

    // Printed from the file: a marked answer comes back marked.
    await mark(home, 'account-list', 'Northwind', 'Northw!nd')
    expect(await stdout(home, ['account', 'list', '--json'])).toContain('Northw!nd')
    // Other options are another answer.
    expect(await stdout(home, ['account', 'list', '--json', '--all'])).not.toContain('Northw!nd')

    const changes: Array<[string, string[]]> = [
      ['an edit', ['account', 'set', rows[0]!.id, '--lead-port', 'Port of Tacoma']],
      ['an added account', ['account', 'add', '--name', 'Osprey Trading']],
      ['a seen mark', ['account', 'show', rows[1]!.id]],
      ['a plan item (the account document, so its summary)', ['plan', 'add', rows[2]!.id, '--title', 'Broker audit', '--priority', 'low']]
    ]
    for (const [what, args] of changes) {
      await rm(keptFile(home, 'account-list'), { force: true })
      await stdout(home, ['account', 'list', '--json'])
      await mark(home, 'account-list', 'Northwind', 'Northw!nd')
      await stdout(home, args)
      const after = await stdout(home, ['account', 'list', '--json'])
      expect(after, what).not.toContain('Northw!nd')
      expect(after, what).toContain('Northwind')
    }
    const last = await patJson<Array<{ name: string, leadPort?: string }>>(home, ['account', 'list'])
    expect(last.map(r => r.name)).toContain('Osprey Trading')
  })

  it('due --json: the same bytes again on the same day, a fresh answer on another day or after a change', async () => {
    const home = await demo()
    const first = await stdout(home, ['due', '--json', '--as-of', '2026-12-01'])
    expect(await stdout(home, ['due', '--json', '--as-of', '2026-12-01'])).toBe(first)
    await mark(home, 'due', '"daysLeft"', '"daysL3ft"')
    expect(await stdout(home, ['due', '--json', '--as-of', '2026-12-01'])).toContain('daysL3ft')
    expect(await stdout(home, ['due', '--json', '--as-of', '2026-12-02'])).not.toContain('daysL3ft')

    await stdout(home, ['due', '--json', '--as-of', '2026-12-01'])
    await mark(home, 'due', '"daysLeft"', '"daysL3ft"')
    expect(await stdout(home, ['due', '--json', '--as-of', '2026-12-01', '--within', '30d'])).not.toContain('daysL3ft')

    await stdout(home, ['due', '--json', '--as-of', '2026-12-01'])
    await mark(home, 'due', '"daysLeft"', '"daysL3ft"')
    const id = (await patJson<Array<{ id: string }>>(home, ['account', 'list']))[0]!.id
    await stdout(home, ['plan', 'add', id, '--title', 'Broker audit', '--priority', 'high', '--due', '2026-12-20'])
    const after = await stdout(home, ['due', '--json', '--as-of', '2026-12-01'])
    expect(after).not.toContain('daysL3ft')
    expect(after).toContain('Broker audit')
  })

  it('status, text and JSON: the same again until the counts or the names change', async () => {
    const home = await demo()
    for (const json of [true, false]) {
      const args = json ? ['status', '--json'] : ['status']
      const first = await stdout(home, args)
      expect(await stdout(home, args)).toBe(first)
      const [from, to] = json ? ['"openItems"', '"openItemz"'] : ['Open plan items', 'Open plan itemz']
      await mark(home, 'status', from, to)
      expect(await stdout(home, args)).toContain(to)
    }
    const changes: Array<[string, string[], string]> = [
      ['a plan item', ['plan', 'add', 'Northwind', '--title', 'Broker audit', '--priority', 'low'], 'Open plan items'],
      ['the member\'s name', ['me', 'set', '--name', 'Dana Q. Ruiz'], 'Member: Dana Q. Ruiz'],
      ['the team\'s name', ['team', 'rename', 'Harbor PAT'], 'PAT Desk — Harbor PAT']
    ]
    for (const [what, args, expected] of changes) {
      await rm(keptFile(home, 'status'), { force: true })
      await stdout(home, ['status'])
      await mark(home, 'status', 'Open plan items', 'Open plan itemz')
      await stdout(home, args)
      const after = await stdout(home, ['status'])
      expect(after, what).not.toContain('itemz')
      expect(after, what).toContain(expected)
    }
  })

  it('a damaged or unwritable kept answer is no answer: the command prints the right one and succeeds', async () => {
    const home = await demo()
    const first = await stdout(home, ['account', 'list', '--json'])
    const file = keptFile(home, 'account-list')
    const bytes = await readFile(file)
    for (const damaged of [bytes.subarray(0, bytes.length - 10), Buffer.concat([bytes.subarray(0, 1024), Buffer.alloc(bytes.length - 1024)]), Buffer.from('not a kept answer')]) {
      await writeFile(file, damaged)
      expect(await stdout(home, ['account', 'list', '--json'])).toBe(first)
      expect((await readFile(file)).subarray(1024).toString()).toBe(first) // kept again
    }
    // Nowhere to keep it: printed all the same.
    await rm(join(home, 'aggregates'), { recursive: true })
    await writeFile(join(home, 'aggregates'), 'a file where the directory was')
    expect(await stdout(home, ['account', 'list', '--json'])).toBe(first)
    await rm(join(home, 'aggregates'))
    await mkdir(join(home, 'aggregates'))
    await mkdir(`${file}.tmp`)
    expect(await stdout(home, ['account', 'list', '--json'])).toBe(first)
  })
})

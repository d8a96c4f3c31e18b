import { describe, expect, it } from 'vitest'
import { Store } from '../../src/store/index.js'
import { pat, patJson } from '../helpers/cli.js'
import { sharedAccount, syncStores, teamClock } from '../helpers/store.js'

/** Two members who set one field apart and synced; returns their homes (closed) and the account. */
async function apart () {
  // Stamped apart: the history below reads Ana's edit before Bo's, and edits in one millisecond sort by random member ids.
  const { ana: a, bo: b, account: acc } = await sharedAccount({ now: teamClock() })
  await a.accounts.show(acc.id, { markSeen: true })
  await b.accounts.show(acc.id, { markSeen: true })
  await a.accounts.set(acc.id, { address: '1 Ana Street' })
  await b.accounts.set(acc.id, { address: '2 Bo Avenue' })
  await b.plan.items.add(acc.id, { title: 'Item from Bo', priority: 'low' })
  await syncStores(a, b)
  const homes = [a.ws.paths.root, b.ws.paths.root] as const
  await a.close(); await b.close()
  return { homes, id: acc.id }
}

describe('pat conflicts, changes and history', () => {
  it('shows both members the same conflict, the other\'s changes as unseen, and resolves it', async () => {
    const { homes: [ha, hb], id } = await apart()
    const ca = await patJson<Array<{ id: string, field: string, kept: { text: string }, replaced: { text: string } }>>(ha, ['conflicts', '--json'])
    expect(ca).toEqual(await patJson(hb, ['conflicts', '--json']))
    expect(ca).toHaveLength(1)
    expect([ca[0]!.kept.text, ca[0]!.replaced.text].sort()).toEqual(['1 Ana Street', '2 Bo Avenue'])
    const text = await pat(ha, ['conflicts'])
    expect(text.stdout).toContain('1 Ana Street')
    expect(text.stdout).toContain('pat conflicts resolve')

    const changes = await patJson<Array<{ accountId: string, changes: Array<{ byName: string, kind: string }> }>>(ha, ['changes', '--json'])
    expect(changes).toEqual([expect.objectContaining({ accountId: id, accountName: 'Shared Harbor Co' })])
    expect(changes[0]!.changes.map(c => [c.byName, c.kind])).toEqual([['Bo Chen', 'added'], ['Bo Chen', 'changed']])
    expect((await patJson<Array<{ unseen: number, conflicts: number }>>(ha, ['account', 'list', '--json']))[0]).toMatchObject({ unseen: 2, conflicts: 1 })
    expect((await patJson<Array<{ unseen: number }>>(hb, ['account', 'list', '--json']))[0]!.unseen).toBe(1)

    expect((await pat(ha, ['account', 'show', id])).code).toBe(0)
    expect(await patJson(ha, ['changes', '--json'])).toEqual([])
    expect((await patJson<Array<{ unseen: number }>>(ha, ['account', 'list', '--json']))[0]!.unseen).toBe(0)
    expect((await patJson<unknown[]>(ha, ['changes', id, '--since', '2000-01-01', '--json']))).toHaveLength(1)

    const bad = await pat(ha, ['conflicts', 'resolve', 'nope', '--keep', 'mine'])
    expect(bad.code).not.toBe(0)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    const done = await pat(ha, ['conflicts', 'resolve', ca[0]!.id, '--keep', 'mine'])
    expect(done.stdout).toContain('kept "1 Ana Street"')
    expect(await patJson(ha, ['conflicts', '--json'])).toEqual([])
    const history = await patJson<Array<{ byName: string, to?: string, summary: string }>>(ha, ['history', id, 'address', '--json'])
    const steps = history.map(h => h.to ?? h.summary.slice(0, 8))
    expect(steps.slice(0, 3)).toEqual(['1 Ana Street', '2 Bo Avenue', 'conflict'])
    // Which write won depends on the replicas' random client ids: keeping the value already there logs the resolution only.
    expect(['1 Ana Street', 'resolved']).toContain(steps[3])
    expect((await pat(ha, ['history', id])).stdout).toContain('Address: 1 Ana Street')

    // The resolution reaches the other member with the next sync.
    const [sa, sb] = [await Store.open(ha), await Store.open(hb)]
    await syncStores(sa, sb)
    expect(await sb.conflicts.list()).toEqual([])
    await sa.close(); await sb.close()
  })

  it('marks every account seen with --seen, and refuses a bad --since in one line', async () => {
    const { homes: [ha], id } = await apart()
    expect((await pat(ha, ['changes', '--seen'])).stdout).toContain('marked 1 account as seen')
    expect(await patJson(ha, ['changes', '--json'])).toEqual([])
    const bad = await pat(ha, ['changes', id, '--since', 'yesterday'])
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toContain('invalid --since "yesterday"')
  })
})

// `pat due` reads each account's due input kept beside the account summaries (store/summary-cache.ts), not
// the account documents (issue 21: at 10,000 accounts decoding every document took ~36 s). What it reads
// must give exactly the entries the whole accounts give, after edits here, edits from a peer and a reopen.
import { describe, expect, it } from 'vitest'
import { addDays, dueAccount, dueEntries, dueInput, type AccountRecord } from '../../src/domain/index.js'
import { Store } from '../../src/store/index.js'
import { accountDocName } from '../../src/store/schema.js'
import { addDemoAccounts } from '../../src/cli/demo.js'
import { newStore, syncStores } from '../helpers/store.js'

const DAYS = ['2024-02-29', '2025-01-01', '2026-06-15', '2026-12-06', '2027-03-16', '2029-12-31']

async function records (s: Store): Promise<AccountRecord[]> {
  return Promise.all(s.ws.headers({ archived: false }).map(h => s.accounts.show(h.id)))
}

describe('what pat due reads of an account', () => {
  it('gives the same entries as the whole account on any day, through JSON', async () => {
    const s = await newStore()
    await addDemoAccounts(s)
    const all = await records(s)
    expect(all.length).toBeGreaterThan(2)
    for (const today of DAYS) {
      const slim = all.map(a => dueAccount(a, JSON.parse(JSON.stringify(dueInput(a)))))
      expect(dueEntries(slim, today)).toEqual(dueEntries(all, today))
    }
    await s.close()
  })

  it('is what the store answers, without opening an account document, after edits here and from a peer', async () => {
    const a = await newStore('Dana Ruiz')
    const b = await newStore('Lee Park')
    await addDemoAccounts(a)
    await syncStores(a, b)
    const [first] = a.ws.headers()
    // A review held, a plan item added and one completed, a CIP step, on two replicas.
    await a.plan.items.add(first!.id, { title: 'Bench review', priority: 'high', due: '2026-12-20', owner: 'Dana' })
    await b.plan.items.add(first!.id, { title: 'Peer item', priority: 'low', due: '2026-12-24' })
    await b.accounts.set(first!.id, { profileReviewed: '2026-11-30' })
    await syncStores(a, b)
    for (const today of DAYS) expect(await a.workflow.due({ today })).toEqual(dueEntries(await records(a), today))

    const home = a.ws.paths.root
    await a.close()
    const again = await Store.open(home, { accountsOnly: true })
    const today = '2026-12-06'
    const entries = await again.workflow.due({ today, withinDays: 400 })
    expect(entries.some(e => e.title === 'Plan item: Peer item')).toBe(true)
    expect(again.ws.headers().filter(h => again.ws.docs.loaded(accountDocName(h.id)) !== undefined)).toEqual([])
    expect(entries).toEqual(dueEntries(await records(again), today, { withinDays: 400 }))
    expect(await again.workflow.due({ today: addDays(today, 1), account: first!.id })).toEqual(dueEntries([await again.accounts.show(first!.id)], addDays(today, 1), { workspaceWide: false }))
    await again.close()
    await b.close()
  })
})

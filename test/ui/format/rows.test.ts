import { describe, expect, it } from 'vitest'
import type { DueEntry, PlanItem } from '../../../src/domain/index.js'
import { accountCells, filterAccounts, orderedAccounts, sortAccounts, type AccountRow } from '../../../src/ui/format/accounts.js'
import { dueCells, dueTab, dueWhen, withinWindow } from '../../../src/ui/format/due.js'
import { planCells, planSummary } from '../../../src/ui/format/plan.js'
import { newStore, reopen } from '../../helpers/store.js'

const TODAY = '2026-11-23'
const account = (over: Partial<AccountRow>): AccountRow => ({
  id: over.name?.toLowerCase().replace(/\W/g, '') ?? 'x', name: 'X', iors: [], leadPort: '', stage: 'select', kind: 'port', archived: false, openItems: 0, ...over
} as AccountRow)
const rows = [
  account({ name: 'Blue Heron', iors: ['99-2000002'], leadPort: 'New York', stage: 'evaluate', openItems: 1, nextDue: '2026-11-30' }),
  account({ name: 'Harborview', iors: ['99-1000001', '99-1000002'], leadPort: 'Long Beach', stage: 'improve', openItems: 3, nextDue: '2026-11-18' }),
  account({ name: 'Northwind', iors: ['99-3000003'], leadPort: 'Seattle', stage: 'select' }),
  account({ name: 'Old Co', archived: true })
]

describe('accounts table', () => {
  it.each([
    ['', 4], ['harbor', 1], ['long beach', 1], ['99-3000003', 1], ['evaluate', 1], ['harbor seattle', 0]
  ])('filter %j matches %i', (filter, n) => {
    expect(filterAccounts(rows, filter)).toHaveLength(n)
  })

  it.each([
    ['name', false, 'Blue Heron,Harborview,Northwind,Old Co'],
    ['name', true, 'Old Co,Northwind,Harborview,Blue Heron'],
    ['openItems', false, 'Northwind,Old Co,Blue Heron,Harborview'], // ↑ is ascending: 0, 0, 1, 3
    ['openItems', true, 'Harborview,Blue Heron,Northwind,Old Co'], // ties by name either way
    ['nextDue', false, 'Harborview,Blue Heron,Northwind,Old Co'],
    ['nextDue', true, 'Blue Heron,Harborview,Northwind,Old Co'],
    ['stage', false, 'Northwind,Old Co,Blue Heron,Harborview']
  ] as const)('sorted by %s (reverse %s): %s', (key, reverse, want) => {
    expect(sortAccounts(rows, key, reverse).map(r => r.name).join(',')).toBe(want)
  })

  it('hides archived accounts unless asked', () => {
    expect(orderedAccounts(rows, { sort: 'name', reverse: false, archived: false }).map(r => r.name)).not.toContain('Old Co')
    expect(orderedAccounts(rows, { sort: 'name', reverse: false, archived: true }).map(r => r.name)).toContain('Old Co')
  })

  // The default sort keeps the store's order (no collation in the app's first frame): right only while
  // the store lists accounts exactly as sortAccounts orders names — live, and read back from its snapshot.
  it('keeps the store\'s list as it comes for the name sort: that is the name order, either way', async () => {
    let store = await newStore()
    try {
      for (const name of ['Zeta Foods', 'éclair Imports', 'apple Co', 'Apple Co', 'Émile & Fils', 'a-b Trading', 'A B Trading', '10 Ports', '9 Ports', 'Øster Ltd', 'Acme', 'acme']) {
        await store.accounts.add({ name })
      }
      for (let round = 0; round < 2; round++) {
        const listed = (await store.accounts.list({ unseen: true })) as AccountRow[]
        for (const reverse of [false, true]) {
          expect(orderedAccounts(listed, { sort: 'name', reverse, archived: true }).map(r => r.id))
            .toEqual(sortAccounts([...listed].reverse(), 'name', reverse).map(r => r.id))
        }
        store = await reopen(store)
      }
    } finally {
      await store.close()
    }
  })

  it('filters the sorted list to the rows and order of sorting the filtered one', () => {
    for (const filter of ['', 'o', 'harbor', '99-']) {
      expect(filterAccounts(orderedAccounts(rows, { sort: 'openItems', reverse: true, archived: true }), filter))
        .toEqual(sortAccounts(filterAccounts(rows, filter), 'openItems', true))
    }
  })

  it('cells: first IR# and how many more, overdue next date in the warning tone', () => {
    const c = accountCells(rows[1]!, TODAY)
    expect(c.ior!.text).toBe('99-1000001 +1')
    expect(c.nextDue).toEqual({ text: '!2026-11-18', tone: 'warning' }) // marked without colour too (NO_COLOR)
    expect(accountCells(rows[0]!, TODAY).nextDue).toEqual({ text: '2026-11-30' })
    expect(accountCells(rows[3]!, TODAY).name).toEqual({ text: 'Old Co (archived)', tone: 'secondary' })
  })
})

describe('plan rows', () => {
  const item = (over: Partial<PlanItem>): PlanItem => ({ id: 'i', title: 'T', priority: 'medium', status: 'open', ...over } as PlanItem)
  it.each([
    [{ due: '2026-11-18' }, 'overdue', 'warning'],
    [{ due: '2026-12-01' }, 'open', undefined],
    [{ due: '2026-11-18', status: 'done' as const }, 'done', 'secondary']
  ])('%j → status %s', (over, status, tone) => {
    const c = planCells(item(over), TODAY)
    expect(c.status!.text).toBe(status)
    expect(c.status!.tone).toBe(tone)
  })

  it('summarises open, overdue and done', () => {
    expect(planSummary([item({ due: '2026-11-01' }), item({}), item({ status: 'done' })], TODAY)).toBe('2 open, 1 overdue, 1 done')
    expect(planSummary([], TODAY)).toBe('0 open, 0 done')
  })
})

describe('due rows', () => {
  const entry = (over: Partial<DueEntry>): DueEntry => ({
    date: TODAY, accountId: 'a', accountName: 'Acme', rule: 'plan-item', ruleText: '', kind: 'item', title: 'Plan item: X', overdue: false, daysLeft: 0, ...over
  })
  it.each([[{ overdue: true, daysLeft: -5 }, 'overdue 5d'], [{ daysLeft: 0 }, 'today'], [{ daysLeft: 12 }, 'in 12d']])('%j → %s', (over, want) => {
    expect(dueWhen(entry(over))).toBe(want)
  })

  it('overdue entries in the warning tone; the workspace-wide OST deadline names no account', () => {
    expect(dueCells(entry({ overdue: true, daysLeft: -1 })).date!.tone).toBe('warning')
    expect(dueCells(entry({ accountId: null, accountName: null, rule: 'ost-deadline' })).account).toEqual({ text: '(whole workspace)', tone: 'secondary' })
    expect(dueCells(entry({ note: 'High priority' })).what!.text).toBe('Plan item: X — High priority')
  })

  it.each([['plan-item', 'plan'], ['plan-review', 'plan'], ['cip-target', 'cip'], ['cip-conditional-period', 'cip'], ['profile-review', 'profile'], ['ost-definition', 'profile']] as const)('%s opens on the %s tab', (rule, tab) => {
    expect(dueTab({ rule })).toBe(tab)
  })

  it('a period keeps the overdue entries and what falls due within it', () => {
    const list = [entry({ overdue: true, daysLeft: -3 }), entry({ daysLeft: 10 }), entry({ daysLeft: 45 })]
    expect(withinWindow(list, 30).map(e => e.daysLeft)).toEqual([-3, 10])
    expect(withinWindow(list, undefined)).toHaveLength(3)
  })
})

import { describe, expect, it } from 'vitest'
import {
  accountDue, dueEntries, isCompliantAccount, latestDate, nextOstDeadline, parsePeriod,
  type AccountSnapshot, type DueEntry
} from '../../src/domain/index.js'
import { portAccount } from '../helpers/port-account.js'

const account = (over: Partial<AccountSnapshot> = {}) => portAccount({ stage: 'evaluate', ...over })
const only = (entries: DueEntry[], rule: string) => entries.filter(e => e.rule === rule)
const one = (entries: DueEntry[], rule: string) => {
  const hits = only(entries, rule)
  expect(hits, rule).toHaveLength(1)
  return hits[0]!
}

describe('profile review, at least every 2 years', () => {
  it('is due exactly two years after the last review, and overdue the day after', () => {
    const a = account({ profile: { profileReviewed: '2024-11-22' } })
    expect(one(accountDue(a, '2026-11-21'), 'profile-review')).toMatchObject({ date: '2026-11-22', overdue: false, daysLeft: 1, since: '2024-11-22' })
    expect(one(accountDue(a, '2026-11-22'), 'profile-review')).toMatchObject({ date: '2026-11-22', overdue: false, daysLeft: 0 })
    expect(one(accountDue(a, '2026-11-23'), 'profile-review')).toMatchObject({ date: '2026-11-22', overdue: true, daysLeft: -1 })
  })

  it('follows the calendar from a leap day', () => {
    const a = account({ profile: { profileReviewed: '2024-02-29' } })
    expect(one(accountDue(a, '2025-06-01'), 'profile-review').date).toBe('2026-02-28')
  })

  it('takes the latest of the profile field and profile review events done by today', () => {
    const a = account({
      profile: { profileReviewed: '2024-01-10' },
      events: [
        { type: 'review', subject: 'profile', date: '2025-03-01' },
        { type: 'review', subject: 'plan', date: '2026-01-01' },
        { type: 'review', subject: 'profile', date: '2026-12-01' } // planned, not done yet
      ]
    })
    expect(one(accountDue(a, '2026-11-22'), 'profile-review')).toMatchObject({ date: '2027-03-01', since: '2025-03-01' })
  })

  it('says a profile never reviewed is due now from Evaluate on, and asks nothing earlier', () => {
    expect(one(accountDue(account({ stage: 'evaluate' }), '2026-11-22'), 'profile-review'))
      .toMatchObject({ date: '2026-11-22', overdue: false, note: expect.stringMatching(/no profile review recorded/) })
    expect(only(accountDue(account({ stage: 'establish' }), '2026-11-22'), 'profile-review')).toEqual([])
  })

  it('names its rule and source', () => {
    const e = one(accountDue(account({ profile: { profileReviewed: '2025-01-01' } }), '2026-11-22'), 'profile-review')
    expect(e).toMatchObject({ kind: 'review', accountId: 'acc-1', accountName: 'Harbor Imports' })
    expect(e.ruleText).toMatch(/at least every 2 years.*SOP/)
  })
})

describe('action plan review with the account, at least annually', () => {
  it('is due a year after the plan date or the last review, whichever is later', () => {
    const plan = { planDate: '2025-11-22', items: [] }
    expect(one(accountDue(account({ stage: 'improve', plan }), '2026-11-22'), 'plan-review')).toMatchObject({ date: '2026-11-22', overdue: false })
    const reviewed = account({ stage: 'manage', plan: { ...plan, reviewed: '2026-03-01' }, events: [{ type: 'review', subject: 'plan', date: '2026-05-02' }] })
    expect(one(accountDue(reviewed, '2026-11-22'), 'plan-review')).toMatchObject({ date: '2027-05-02', since: '2026-05-02' })
  })

  it('from a leap day; with nothing recorded in Improve, no review is due but the missing plan is (issue 17)', () => {
    expect(one(accountDue(account({ stage: 'improve', plan: { reviewed: '2024-02-29', items: [] } }), '2024-06-01'), 'plan-review').date).toBe('2025-02-28')
    expect(only(accountDue(account({ stage: 'improve' }), '2026-11-22'), 'plan-review')).toEqual([])
    expect(one(accountDue(account({ stage: 'improve' }), '2026-11-22'), 'plan-missing')).toMatchObject({ date: '2026-11-22', note: expect.any(String) })
    expect(only(accountDue(account({ stage: 'evaluate' }), '2026-11-22'), 'plan-review')).toEqual([])
  })
})

describe('quarterly activity review of compliant accounts', () => {
  const compliant = (over: Partial<AccountSnapshot> = {}) => account({
    stage: 'manage',
    plan: { planDate: '2026-01-10', items: [{ id: 'i1', title: 'Done', priority: 'high', status: 'done', due: '2026-03-01' }] },
    cips: [{ id: 'c1', deficiency: 'Old', status: 'validated', reportDate: '2025-01-01' }],
    ...over
  })

  it('applies in Manage with no open project item and no open CIP', () => {
    expect(isCompliantAccount(compliant())).toBe(true)
    expect(isCompliantAccount(compliant({ stage: 'improve' }))).toBe(false)
    expect(isCompliantAccount(compliant({ plan: { items: [{ id: 'i2', title: 'Open', priority: 'low', status: 'in-progress' }] } }))).toBe(false)
    expect(isCompliantAccount(compliant({ cips: [{ id: 'c2', deficiency: 'New', status: 'implementing' }] }))).toBe(false)
    expect(isCompliantAccount(compliant({ cips: [{ id: 'c2', deficiency: 'New', status: 'implemented' }] }))).toBe(true)
    expect(only(accountDue(compliant({ stage: 'improve' }), '2026-11-22'), 'activity-review')).toEqual([])
  })

  it('is due three calendar months after the last activity review, or now when none is recorded', () => {
    const reviewed = compliant({ events: [{ type: 'review', subject: 'activity', date: '2026-08-31' }] })
    expect(one(accountDue(reviewed, '2026-11-22'), 'activity-review')).toMatchObject({ date: '2026-11-30', since: '2026-08-31' })
    const leap = compliant({ events: [{ type: 'review', subject: 'activity', date: '2023-11-30' }] })
    expect(one(accountDue(leap, '2024-01-01'), 'activity-review').date).toBe('2024-02-29')
    expect(one(accountDue(compliant(), '2026-11-22'), 'activity-review')).toMatchObject({ date: '2026-11-22', note: expect.stringMatching(/due now/) })
  })
})

describe('CIP conditional period and target dates', () => {
  it('ends six months after the report, or at the latest extension', () => {
    // 004_7e84c79b4b761dce.txt, Target Dates: "A target date should be established for each action step" —
    // the next one due is the earliest among the steps not completed.
    const steps = [
      { id: 's1', createdAt: '', action: 'Train staff', target: '2026-12-01', completed: '2026-11-01' },
      { id: 's2', createdAt: '', action: 'Review before filing', target: '2027-01-31' },
      { id: 's3', createdAt: '', action: 'Update the manual', target: '2026-12-15' }
    ]
    const cip = { id: 'c1', deficiency: 'Misclassified parts', status: 'implementing', reportDate: '2026-08-31', steps, extensions: [] } as const
    const due = accountDue(account({ cips: [cip] }), '2026-11-22')
    expect(one(due, 'cip-conditional-period')).toMatchObject({ date: '2027-02-28', since: '2026-08-31', ref: 'c1', kind: 'deadline' })
    expect(one(due, 'cip-target')).toMatchObject({ date: '2026-12-15', ref: 'c1', title: 'CIP target date: Misclassified parts, step 3', note: 'Update the manual' })
    const extended = { ...cip, extensions: [{ until: '2027-05-31', reason: 'significant progress' }, { until: '2027-04-30', reason: 'first' }] }
    expect(one(accountDue(account({ cips: [extended] }), '2026-11-22'), 'cip-conditional-period'))
      .toMatchObject({ date: '2027-05-31', note: 'extended until 2027-05-31: significant progress' })
  })

  it('is overdue for an open CIP past its period; closed or validated CIPs drop out', () => {
    const cip = { id: 'c1', deficiency: 'X', status: 'submitted', reportDate: '2026-01-15' } as const
    expect(one(accountDue(account({ cips: [cip] }), '2026-11-22'), 'cip-conditional-period')).toMatchObject({ date: '2026-07-15', overdue: true })
    for (const status of ['validated', 'closed'] as const) expect(accountDue(account({ stage: 'establish', cips: [{ ...cip, status }] }), '2026-11-22')).toEqual([])
    // implemented: listed while the period runs, not after (the follow-up review extends it automatically)
    expect(only(accountDue(account({ cips: [{ ...cip, status: 'implemented' }] }), '2026-11-22'), 'cip-conditional-period')).toEqual([])
    expect(only(accountDue(account({ cips: [{ ...cip, status: 'implemented' }] }), '2026-07-15'), 'cip-conditional-period')).toHaveLength(1)
  })
})

describe('OST account-definition deadlines: Mar 15, Jun 15, Sep 15, Dec 15', () => {
  it('finds the next deadline on or after a date', () => {
    expect(nextOstDeadline('2026-12-15')).toBe('2026-12-15')
    expect(nextOstDeadline('2026-12-16')).toBe('2027-03-15')
    expect(nextOstDeadline('2026-03-15')).toBe('2026-03-15')
    expect(nextOstDeadline('2026-03-16')).toBe('2026-06-15')
    expect(nextOstDeadline('2026-06-16')).toBe('2026-09-15')
    expect(nextOstDeadline('2026-09-16')).toBe('2026-12-15')
    expect(nextOstDeadline('2028-02-29')).toBe('2028-03-15')
    expect(nextOstDeadline('2026-01-01')).toBe('2026-03-15')
  })

  it('asks to notify OST of a definition change not yet reported, and flags a missed deadline', () => {
    const changed = account({ profile: { definitionChanged: '2026-12-16' } })
    expect(one(accountDue(changed, '2026-12-20'), 'ost-definition')).toMatchObject({ date: '2027-03-15', overdue: false, since: '2026-12-16', kind: 'deadline' })
    expect(only(accountDue(account({ profile: { definitionChanged: '2026-12-16', ostNotified: '2026-12-16' } }), '2026-12-20'), 'ost-definition')).toEqual([])
    const stale = account({ profile: { definitionChanged: '2026-06-01', ostNotified: '2026-01-10' } })
    expect(one(accountDue(stale, '2026-11-22'), 'ost-definition'))
      .toMatchObject({ date: '2026-06-15', overdue: true, note: expect.stringMatching(/notify OST by 2026-12-15/) })
  })

  it('shows the next deadline once for the whole workspace', () => {
    const entries = dueEntries([account(), account({ id: 'acc-2', name: 'Second' })], '2026-12-16')
    const ws = entries.filter(e => e.rule === 'ost-deadline')
    expect(ws).toEqual([expect.objectContaining({ date: '2027-03-15', accountId: null, accountName: null, overdue: false, daysLeft: 89 })])
    expect(dueEntries([], '2026-12-16')).toEqual([])
  })
})

describe('plan items', () => {
  it('lists open items with a due date, overdue only after the day', () => {
    const a = account({
      plan: {
        items: [
          { id: 'i1', title: 'Classification review', priority: 'high', owner: 'Dana Ruiz', status: 'open', due: '2026-11-22' },
          { id: 'i2', title: 'Valuation', priority: 'medium', status: 'in-progress', due: '2026-11-21' },
          { id: 'i3', title: 'Finished', priority: 'low', status: 'done', due: '2026-01-01' },
          { id: 'i4', title: 'Undated', priority: 'low', status: 'open' }
        ]
      }
    })
    const items = only(accountDue(a, '2026-11-22'), 'plan-item')
    expect(items.map(i => [i.ref, i.overdue])).toEqual([['i1', false], ['i2', true]])
    expect(items[0]).toMatchObject({ title: 'Plan item: Classification review', note: 'High priority, Dana Ruiz', kind: 'item' })
    expect(items[1]!.note).toBe('Medium priority, no responsible party')
  })
})

describe('the dashboard', () => {
  const a = account({
    stage: 'improve',
    profile: { profileReviewed: '2025-01-10' },
    plan: { planDate: '2026-02-01', items: [{ id: 'i1', title: 'Late', priority: 'high', status: 'open', due: '2026-11-01' }, { id: 'i2', title: 'Soon', priority: 'low', status: 'open', due: '2026-12-01' }] }
  })
  const b = account({ id: 'acc-b', name: 'Archived Co', archived: true, profile: { profileReviewed: '2020-01-01' } })

  it('sorts soonest first (overdue on top), keeps overdue entries in any window, and leaves archived accounts out', () => {
    const all = dueEntries([a, b], '2026-11-22')
    expect(all.map(e => `${e.date} ${e.rule}`)).toEqual([
      '2026-11-01 plan-item', '2026-12-01 plan-item', '2026-12-15 ost-deadline', '2027-01-10 profile-review', '2027-02-01 plan-review'
    ])
    expect(all.every(e => e.accountId !== 'acc-b')).toBe(true)
    const month = dueEntries([a], '2026-11-22', { withinDays: parsePeriod('30d', '2026-11-22') })
    expect(month.map(e => e.date)).toEqual(['2026-11-01', '2026-12-01', '2026-12-15'])
    expect(month[0]!.overdue).toBe(true)
  })

  it('reads periods by the calendar', () => {
    expect(parsePeriod('30d', '2026-11-22')).toBe(30)
    expect(parsePeriod('30', '2026-11-22')).toBe(30)
    expect(parsePeriod('2w', '2026-11-22')).toBe(14)
    expect(parsePeriod('1m', '2027-01-31')).toBe(28)
    expect(parsePeriod('1y', '2027-03-01')).toBe(366)
    expect(() => parsePeriod('soon', '2026-11-22')).toThrow(/invalid period "soon"/)
  })

  it('picks the latest date', () => {
    expect(latestDate('2026-01-02', undefined, '2025-12-31', 'not a date')).toBe('2026-01-02')
    expect(latestDate()).toBeUndefined()
  })
})

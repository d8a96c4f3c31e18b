// The SOP workflow through the real binary: pat due, pat account check, pat stage, pat port.
import { describe, expect, it } from 'vitest'
import { tempDir, initHome } from '../helpers/home.js'
import { pat, patJson, stderrLines } from '../helpers/cli.js'

const workspace = () => initHome('Dana Ruiz')

describe('pat due', () => {
  it('lists each date with the rule that produced it, soonest first, for a chosen day', async () => {
    const H = await workspace()
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports', '--stage', 'improve', '--profile-reviewed', '2024-11-22',
      '--definition-changed', '2026-12-16'])
    await patJson(H, ['plan', 'info', acc.id, '--plan-date', '2026-02-01'])
    await patJson(H, ['plan', 'add', acc.id, '--title', 'Classification review', '--priority', 'high', '--owner', 'Dana Ruiz', '--due', '2026-12-01'])
    await patJson(H, ['cip', 'add', acc.id, '--deficiency', 'Misclassified parts', '--report-date', '2026-08-31', '--status', 'implementing'])

    const due = await patJson(H, ['due', '--as-of', '2026-11-22'])
    expect(due.map((e: any) => [e.date, e.rule, e.overdue, e.daysLeft])).toEqual([
      ['2026-11-22', 'profile-review', false, 0],
      ['2026-12-01', 'plan-item', false, 9],
      ['2026-12-15', 'ost-deadline', false, 23],
      ['2027-02-01', 'plan-review', false, 71],
      ['2027-02-28', 'cip-conditional-period', false, 98],
      ['2027-03-15', 'ost-definition', false, 113]
    ])
    expect(due[0]).toMatchObject({ accountId: acc.id, accountName: 'Harbor Imports', kind: 'review', since: '2024-11-22', ruleText: expect.stringMatching(/every 2 years/) })
    expect(due[2]).toMatchObject({ accountId: null, accountName: null })

    const next = await patJson(H, ['due', '--as-of', '2026-11-23', '--within', '30d'])
    expect(next.map((e: any) => e.rule)).toEqual(['profile-review', 'plan-item', 'ost-deadline'])
    expect(next[0]).toMatchObject({ overdue: true, daysLeft: -1 })

    const text = await pat(H, ['due', '--as-of', '2026-11-23', '--within', '30d'])
    expect(text.stdout).toMatch(/^2026-11-22 {2}OVERDUE 1d +profile-review +Harbor Imports$/m)
    expect(text.stdout).toMatch(/3 entries as of 2026-11-23, 1 overdue, within 30d/)
    expect(text.stdout).toMatch(/profile-review: Review the account profile at least every 2 years/)

    expect((await patJson(H, ['due', '--account', 'Harbor', '--as-of', '2026-11-22'])).some((e: any) => e.accountId === null)).toBe(false)
    const bad = await pat(H, ['due', '--within', 'soon'])
    expect(bad.code).toBe(1)
    expect(bad.stderr.trim()).toBe('error: invalid period "soon": write it like 30d, 6w, 3m or 1y')
  })

  it('gives the same calendar dates in every time zone', async () => {
    const H = await workspace()
    await patJson(H, ['account', 'add', '--name', 'Leap Imports', '--stage', 'evaluate', '--profile-reviewed', '2024-02-29'])
    const runs = await Promise.all(['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC'].map(TZ => pat(H, ['due', '--as-of', '2026-02-28', '--json'], { TZ })))
    for (const r of runs) expect(r.code).toBe(0)
    const [first, ...rest] = runs.map(r => r.stdout)
    for (const other of rest) expect(other).toBe(first)
    expect(JSON.parse(first!)[0]).toMatchObject({ date: '2026-02-28', rule: 'profile-review', daysLeft: 0, overdue: false })
  })

  it('lists real upcoming dates for the demo workspace', async () => {
    const H = await tempDir()
    await pat(H, ['demo'])
    const due = await patJson(H, ['due'])
    const rules = new Set(due.map((e: any) => e.rule))
    for (const rule of ['profile-review', 'plan-review', 'cip-conditional-period', 'cip-target', 'ost-definition', 'ost-deadline', 'plan-item']) expect(rules).toContain(rule)
    expect(due.some((e: any) => e.overdue)).toBe(true)
    const dates = due.map((e: any) => e.date)
    expect([...dates].sort()).toEqual(dates)
    for (const e of due) expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})

describe('pat account check', () => {
  it('explains each criterion with its threshold; pass, fail and unknown with what is missing', async () => {
    const H = await workspace()
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports', '--lead-port', 'Savannah', '--import-value', '10000000'])
    const first = await patJson(H, ['account', 'check', acc.id])
    expect(first).toMatchObject({ accountId: acc.id, accountName: 'Harbor Imports', basis: 'port', result: 'fail' })
    expect(first.criteria.map((c: any) => [c.id, c.status])).toEqual([
      ['import-value', 'fail'], ['top-379', 'unknown'], ['port-top-5', 'unknown'], ['port-share', 'unknown'], ['concurrence', 'unknown'], ['pfi-goal', 'unknown']
    ])
    const raw = (await pat(H, ['account', 'check', acc.id, '--json'])).stdout
    expect(raw).toMatch(/\$10 million/)
    expect(raw).toMatch(/10,000,000/)
    expect(raw).toMatch(/15%/)
    expect(first.criteria[2].missing).toEqual(['ports[Savannah].rank'])

    await patJson(H, ['account', 'set', acc.id, '--import-value', '12M', '--national-rank', '200', '--pfi-share', '35'])
    await patJson(H, ['port', 'add', acc.id, '--name', 'Savannah', '--share', '70', '--rank', '1'])
    const charleston = await patJson(H, ['port', 'add', acc.id, '--name', 'Charleston', '--share', '30', '--rank', '2', '--concurrence', 'pending'])
    expect(charleston).toMatchObject({ name: 'Charleston', share: 30, rank: 2, concurrence: 'pending' })
    const text = await pat(H, ['account', 'check', 'Harbor'])
    expect(text.stdout).toMatch(/UNKNOWN +Every other top-5 port/)
    expect(text.stdout).toMatch(/missing ports\[Charleston\]\.concurrence: pat port set \S+ "Charleston" --concurrence yes\|no\|pending/)
    expect(text.stdout).toMatch(/Result: UNKNOWN/)

    await patJson(H, ['port', 'set', acc.id, 'Charleston', '--concurrence', 'yes', '--concurrence-date', '2026-11-01'])
    const passed = await patJson(H, ['account', 'check', acc.id])
    expect(passed.result).toBe('pass')
    expect(passed.criteria.find((c: any) => c.id === 'top-379').detail).toMatch(/less than 50%/)
    expect((await patJson(H, ['port', 'list', acc.id])).map((p: any) => p.name)).toEqual(['Savannah', 'Charleston'])
    expect((await patJson(H, ['account', 'check', acc.id, '--as', 'national'])).basis).toBe('national')
  })
})

describe('pat stage', () => {
  it('shows progress, marks tasks, and moves on with a warning about open tasks', async () => {
    const H = await workspace()
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports', '--ior', '12-3456789', '--stage', 'establish'])
    const shown = await patJson(H, ['stage', acc.id])
    expect(shown).toMatchObject({ accountId: acc.id, stage: 'establish', next: 'evaluate' })
    const establish = shown.stages.find((s: any) => s.stage === 'establish')
    expect(establish.current).toBe(true)
    expect(establish.tasks.find((t: any) => t.id === 'establish.iors')).toMatchObject({ status: 'done', source: 'data' })
    expect(establish.tasks.find((t: any) => t.id === 'establish.iors-confirmed')).toMatchObject({ status: 'open' })

    const done = await patJson(H, ['stage', acc.id, 'done', 'iors-confirmed', '--note', 'confirmed by phone'])
    expect(done).toMatchObject({ changed: true, task: { id: 'establish.iors-confirmed', status: 'done', source: 'marked', detail: 'confirmed by phone' } })
    const text = await pat(H, ['stage', 'Harbor'])
    expect(text.stdout).toMatch(/^\s+\[x\] establish\.iors-confirmed +IR#s confirmed with the account — marked \d{4}-\d{2}-\d{2}: confirmed by phone$/m)

    const refused = await pat(H, ['stage', acc.id, 'undo', 'establish.iors'])
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim()).toMatch(/^error: task establish.iors is done because the recorded data shows it \(1 IR# recorded\)/)

    const moved = await pat(H, ['stage', acc.id, 'set', 'evaluate'])
    expect(moved.code).toBe(0)
    expect(moved.stdout.trim()).toBe('Harbor Imports: stage Establish → Evaluate')
    expect(moved.stderr).toMatch(/^warning: Harbor Imports leaves Establish with \d+ tasks still open: establish\.first-meeting/)
    expect(moved.stderr).not.toMatch(/iors-confirmed/)
    expect((await patJson(H, ['account', 'show', acc.id])).stage).toBe('evaluate')

    const back = await patJson(H, ['stage', acc.id, 'set', 'establish'])
    expect(back).toMatchObject({ from: 'evaluate', to: 'establish', changed: true, open: [] })
    await patJson(H, ['stage', acc.id, 'next'])
    await patJson(H, ['stage', acc.id, 'undo', 'establish.iors-confirmed'])

    const log = await patJson(H, ['log', acc.id])
    expect(log.map((e: any) => e.summary).slice(1)).toEqual([
      'marked task "IR#s confirmed with the account" (Establish) done: "confirmed by phone"',
      'SOP stage: Establish → Evaluate',
      'SOP stage: Evaluate → Establish',
      'SOP stage: Establish → Evaluate',
      'took back the mark on task "IR#s confirmed with the account" (Establish)'
    ])
    for (const [args, message] of [
      [['stage', acc.id, 'done', 'coffee'], /unknown task "coffee"/],
      [['stage', acc.id, 'set', 'review'], /unknown stage "review"/],
      [['stage', acc.id, 'jump'], /unknown stage action "jump"/],
      [['stage', acc.id, 'done'], /needs a task id/]
    ] as const) {
      const r = await pat(H, [...args])
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(message)
      expect(stderrLines(r)).toHaveLength(1)
    }
  })

  it('prints help for the new commands', async () => {
    const H = await tempDir()
    for (const args of [['due', '--help'], ['stage', '--help'], ['export', '--help'], ['port', '--help'], ['account', 'check', '--help']]) {
      const r = await pat(H, args)
      expect(r.code, args.join(' ')).toBe(0)
      expect(r.stdout).toMatch(/Usage: pat/)
    }
  })
})

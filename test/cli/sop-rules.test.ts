// Issue 17 through the real binary: pat account check and pat stage agree, the SOP's own triggers (the OST
// notice after a definition change, the Select gate, the questionnaire and the Compliance Assessment, the
// missing plan, CIP extensions). Each test names the seed sentence it comes from (file in ../shared/seeds/).
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { localDate } from '../../src/domain/local-date.js'
import { initHome } from '../helpers/home.js'
import { pat, patJson, stderrLines } from '../helpers/cli.js'

const workspace = () => initHome('Dana Ruiz')
const rules = (due: any[]) => due.map(e => e.rule)
const summaries = async (H: string, id: string) => (await patJson(H, ['log', id])).map((e: any) => e.summary as string)

describe('partner-port concurrence, one rule (001_f75c851ccf3a999b.txt, "Each port within the top 5 (if it handles 15% or more")', () => {
  it('Charleston 20% agreed, Savannah 40% lead, 40% not recorded: check unknown and stage open, then both done', async () => {
    const H = await workspace()
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports', '--lead-port', 'Savannah', '--import-value', '20000000', '--national-rank', '900', '--pfi-share', '60'])
    await patJson(H, ['port', 'add', acc.id, '--name', 'Savannah', '--share', '40', '--rank', '1'])
    await patJson(H, ['port', 'add', acc.id, '--name', 'Charleston', '--share', '20', '--rank', '2', '--concurrence', 'yes'])
    const check = await patJson(H, ['account', 'check', acc.id])
    const criterion = check.criteria.find((c: any) => c.id === 'concurrence')
    expect(criterion).toMatchObject({ status: 'unknown', missing: ['ports'] })
    const stage = async () => (await patJson(H, ['stage', acc.id])).stages[0].tasks.find((t: any) => t.id === 'select.concurrence')
    expect(await stage()).toMatchObject({ status: 'open' })

    // The rest of the imports go through ports with less than 15% each: recorded, the rule passes in both.
    for (const [name, rank] of [['Norfolk', '3'], ['Miami', '4'], ['Houston', '5']] as const) {
      await patJson(H, ['port', 'add', acc.id, '--name', name, '--share', '13', '--rank', rank])
    }
    const after = (await patJson(H, ['account', 'check', acc.id])).criteria.find((c: any) => c.id === 'concurrence')
    expect(after.status).toBe('pass')
    expect(await stage()).toMatchObject({ status: 'done', source: 'data', detail: after.detail })
  }, 90_000)
})

describe('the account definition changed: the OST notice comes due by itself (001_f75c851ccf3a999b.txt, "contact OST AUTOMATION SUPPORT via cc:Mail to inform them of the additional numbers")', () => {
  it('adding an IR# records the change, pat due lists ost-definition, --ost-notified clears it', async () => {
    const H = await workspace()
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports', '--ior', '12-3456789', '--stage', 'establish'])
    expect(rules(await patJson(H, ['due', '--account', acc.id]))).not.toContain('ost-definition')
    const day = localDate()
    const changed = await patJson(H, ['account', 'set', acc.id, '--add-ior', '98-7654321'])
    expect(changed.profile.definitionChanged).toBe(day)
    const entry = (await patJson(H, ['due', '--account', acc.id])).find((e: any) => e.rule === 'ost-definition')
    expect(entry).toMatchObject({ since: day, title: 'Notify OST of the account-definition change' })
    expect((await summaries(H, acc.id)).at(-1)).toBe(`IR#s + 98-7654321; Account definition last changed: ${day} (IR#s changed: OST to be notified)`)
    const stage = await patJson(H, ['stage', acc.id])
    expect(stage.stages[1].tasks.find((t: any) => t.id === 'establish.ost').status).toBe('open')

    await patJson(H, ['account', 'set', acc.id, '--ost-notified', day])
    expect(rules(await patJson(H, ['due', '--account', acc.id]))).not.toContain('ost-definition')
    expect((await patJson(H, ['stage', acc.id])).stages[1].tasks.find((t: any) => t.id === 'establish.ost')).toMatchObject({ status: 'done', detail: `OST notified ${day}` })
  }, 90_000)

  const setup = async () => {
    const H = await workspace()
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports', '--ior', '12-3456789', '--ior', '98-7654321', '--ost-notified', '2020-01-01'])
    const since = async () => (await patJson(H, ['account', 'show', acc.id])).profile.definitionChanged
    const reset = () => patJson(H, ['account', 'set', acc.id, '--definition-changed', ''])
    return { H, acc, since, reset, day: localDate() }
  }

  it('removing an IR# and changing the kind record it too; other fields do not', async () => {
    const { H, acc, since, reset, day } = await setup()
    await patJson(H, ['account', 'set', acc.id, '--remove-ior', '98-7654321'])
    expect(await since()).toBe(day)
    await reset()
    await patJson(H, ['account', 'set', acc.id, '--kind', 'national'])
    expect(await since()).toBe(day)
    await reset()
    await patJson(H, ['account', 'set', acc.id, '--lead-port', 'Savannah', '--import-value', '12000000'])
    expect(await since()).toBeUndefined()
  }, 90_000)

  it('a related company (Types One–Four) added, retyped or removed records it; its role does not', async () => {
    const { H, acc, since, reset, day } = await setup()
    await patJson(H, ['related', 'add', acc.id, '--name', 'Sample Brokerage', '--type', '1'])
    expect(await since()).toBe(day)
    expect((await summaries(H, acc.id)).at(-1)).toMatch(/^added related company "Sample Brokerage".*; Account definition last changed: .* \(related company added: OST to be notified\)$/)
    await reset()
    await patJson(H, ['related', 'set', acc.id, 'Sample Brokerage', '--role', 'customs broker'])
    expect(await since()).toBeUndefined()
    await patJson(H, ['related', 'set', acc.id, 'Sample Brokerage', '--type', '2'])
    expect(await since()).toBe(day)
    await reset()
    await patJson(H, ['related', 'remove', acc.id, 'Sample Brokerage'])
    expect(await since()).toBe(day)
  }, 90_000)

  // Dates are days: a notice recorded today would read as covering a change made after it today.
  it('a notice already on file for the day of the change does not cover it; one given with the change does', async () => {
    const H = await workspace()
    const day = localDate()
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports', '--ior', '12-3456789', '--stage', 'establish', '--ost-notified', day])
    const changed = await patJson(H, ['account', 'set', acc.id, '--add-ior', '98-7654321'])
    expect(changed.profile).toMatchObject({ definitionChanged: day })
    expect(changed.profile.ostNotified).toBeUndefined()
    expect((await summaries(H, acc.id)).at(-1)).toBe(`IR#s + 98-7654321; Account definition last changed: ${day}; OST last notified of the account definition cleared ` +
      `(was ${day}): that notice came before this change (IR#s changed: OST to be notified)`)
    expect(rules(await patJson(H, ['due', '--account', acc.id]))).toContain('ost-definition')
    await patJson(H, ['related', 'add', acc.id, '--name', 'Sample Brokerage', '--type', '1'])
    await patJson(H, ['account', 'set', acc.id, '--ost-notified', day])
    // The same command adds an IR# and says OST was told: that notice is the one that covers it.
    const both = await patJson(H, ['account', 'set', acc.id, '--add-ior', '55-5555555', '--ost-notified', day])
    expect(both.profile).toMatchObject({ definitionChanged: day, ostNotified: day })
    expect(rules(await patJson(H, ['due', '--account', acc.id]))).not.toContain('ost-definition')
  }, 90_000)

  it('a date typed by hand in the same command is the one kept', async () => {
    const { H, acc, since } = await setup()
    await patJson(H, ['account', 'set', acc.id, '--add-ior', '55-5555555', '--definition-changed', '2026-12-16'])
    expect(await since()).toBe('2026-12-16')
    const entry = (await patJson(H, ['due', '--account', acc.id, '--as-of', '2026-12-20'])).find((e: any) => e.rule === 'ost-definition')
    expect(entry).toMatchObject({ date: '2027-03-15', since: '2026-12-16' })
  }, 60_000)
})

describe('leaving Select before OI clearance (001_f75c851ccf3a999b.txt, "you must notify the NASC and wait for OI clearance before beginning your work")', () => {
  it('pat stage next/set is refused in one line naming the task; --force moves it and the log says forced', async () => {
    const H = await workspace()
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports'])
    for (const args of [['next'], ['set', 'evaluate']]) {
      const r = await pat(H, ['stage', acc.id, ...args])
      expect(r.code).toBe(1)
      expect(r.stdout).toBe('')
      expect(stderrLines(r)).toHaveLength(1)
      expect(r.stderr).toMatch(/^error: Harbor Imports cannot leave Select for (Establish|Evaluate) before OI clearance \(task select\.clearance is open/)
      expect(r.stderr).toContain(`\`pat stage ${acc.id} done select.clearance\``)
      expect(r.stderr).toContain('--force')
    }
    const viaSet = await pat(H, ['account', 'set', acc.id, '--stage', 'establish'])
    expect(viaSet.code).toBe(1)
    expect(viaSet.stderr).toMatch(/^error: Harbor Imports cannot leave Select for Establish before OI clearance.*pat stage .* set establish --force/)
    expect((await patJson(H, ['account', 'show', acc.id])).stage).toBe('select')

    const forced = await pat(H, ['stage', acc.id, 'next', '--force'])
    expect(forced.code).toBe(0)
    expect(forced.stdout.trim()).toBe('Harbor Imports: stage Select → Establish (forced: left Select before OI clearance was recorded)')
    expect(forced.stderr).toMatch(/^warning: Harbor Imports leaves Select with \d+ tasks still open: .*select\.clearance/)
    expect((await summaries(H, acc.id)).at(-1)).toBe('SOP stage: Select → Establish (forced: left Select before OI clearance was recorded)')
  }, 90_000)

  it('an import cannot move an account out of Select either: the row is refused, the stage kept', async () => {
    const H = await workspace()
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports', '--ior', '12-3456789'])
    const file = join(H, 'accounts.csv')
    await writeFile(file, 'Account Name,IR #,SOP stage,Import value\nHarbor Imports,12-3456789,Evaluate,25000000\n')
    const raw = await pat(H, ['import', file, '--json'])
    expect(raw.code).toBe(1)
    const r = JSON.parse(raw.stdout)
    expect(r).toMatchObject({ updated: 0, refused: [{ row: 2, column: 'stage', reason: expect.stringMatching(/^Harbor Imports cannot leave Select for Evaluate before OI clearance \(task select\.clearance is open/) }] })
    expect(r.refused[0].reason).toContain(`\`pat stage ${acc.id} done select.clearance\``)
    expect(await patJson(H, ['account', 'show', acc.id])).toMatchObject({ stage: 'select' })
    await patJson(H, ['stage', acc.id, 'done', 'select.clearance'])
    expect(await patJson(H, ['import', file])).toMatchObject({ updated: 1, refused: [] })
    expect(await patJson(H, ['account', 'show', acc.id])).toMatchObject({ stage: 'evaluate', profile: { importValue: 25_000_000 } })
  }, 90_000)

  it('with the clearance task done the move goes through; other stages keep warning only', async () => {
    const H = await workspace()
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports'])
    await patJson(H, ['stage', acc.id, 'done', 'select.clearance', '--note', 'OI cleared, NASC e-mail'])
    const moved = await patJson(H, ['stage', acc.id, 'next'])
    expect(moved).toMatchObject({ from: 'select', to: 'establish', changed: true, forced: false })
    const on = await pat(H, ['stage', acc.id, 'next'])
    expect(on.code).toBe(0)
    expect(on.stderr).toMatch(/^warning: Harbor Imports leaves Establish with/)
    expect((await summaries(H, acc.id)).at(-1)).toBe('SOP stage: Establish → Evaluate')
  }, 90_000)
})

describe('the questionnaire and the Compliance Assessment (001_f75c851ccf3a999b.txt, "if a compliance assessment has not been conducted or is not scheduled to begin soon")', () => {
  it('a CA recorded with account set makes the questionnaire n/a and takes its due entry away', async () => {
    const H = await workspace()
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports', '--stage', 'evaluate'])
    const due = await patJson(H, ['due', '--account', acc.id, '--as-of', '2026-12-05'])
    expect(due.find((e: any) => e.rule === 'questionnaire')).toMatchObject({ date: '2026-12-05', note: expect.stringMatching(/^no Compliance Assessment conducted or scheduled/) })

    const set = await patJson(H, ['account', 'set', acc.id, '--assessment', 'scheduled', '--assessment-date', '2027-03-01'])
    expect(set.profile).toMatchObject({ assessment: 'scheduled', assessmentDate: '2027-03-01' })
    expect(rules(await patJson(H, ['due', '--account', acc.id, '--as-of', '2026-12-05']))).not.toContain('questionnaire')
    // More than 6 months before the CA begins, the questionnaire is owed again.
    expect(rules(await patJson(H, ['due', '--account', acc.id, '--as-of', '2026-08-01']))).toContain('questionnaire')

    await patJson(H, ['account', 'set', acc.id, '--assessment', 'conducted', '--assessment-date', '2025-05-01'])
    const stage = await pat(H, ['stage', acc.id])
    expect(stage.stdout).toMatch(/\[-\] evaluate\.questionnaire-sent +Questionnaire customised and sent — n\/a: not owed: a Compliance Assessment was conducted \(2025-05-01\)/)
    expect(stage.stdout).toMatch(/Evaluate — SOP stage|SOP stage: Evaluate \(\d+ of 3 tasks done\)/)
    const bad = await pat(H, ['account', 'set', acc.id, '--assessment', 'maybe'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/^error: .*scheduled.*conducted/)
  }, 90_000)
})

describe('the action plan (001_f75c851ccf3a999b.txt, "Plans will be reviewed with the account at least annually")', () => {
  it('no review without a plan: "No action plan yet" from Improve on; the annual entry once the plan has a date', async () => {
    const H = await workspace()
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports', '--stage', 'improve'])
    let due = await patJson(H, ['due', '--account', acc.id, '--as-of', '2026-12-05'])
    expect(rules(due)).not.toContain('plan-review')
    expect(due.find((e: any) => e.rule === 'plan-missing')).toMatchObject({ title: 'No action plan yet', date: '2026-12-05' })
    await patJson(H, ['plan', 'info', acc.id, '--plan-date', '2026-11-01'])
    due = await patJson(H, ['due', '--account', acc.id, '--as-of', '2026-12-05'])
    expect(rules(due)).not.toContain('plan-missing')
    expect(due.find((e: any) => e.rule === 'plan-review')).toMatchObject({ title: 'Annual action plan review with the account', date: '2027-11-01' })
  }, 90_000)
})

describe('CIP extensions (004_7e84c79b4b761dce.txt, "If, at the end of the six month conditional period … extensions may be granted")', () => {
  it('an extension ending before the period it extends is refused with the dates named; a later one is granted', async () => {
    const H = await workspace()
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports'])
    await patJson(H, ['cip', 'add', acc.id, '--deficiency', 'Misclassified parts', '--report-date', '2026-01-10'])
    const early = await pat(H, ['cip', 'extend', acc.id, '1', '--until', '2026-05-01', '--reason', 'more time'])
    expect(early).toMatchObject({
      code: 1,
      stderr: 'error: extension until 2026-05-01 would not extend CIP "Misclassified parts": its conditional period already runs until 2026-07-10 (six months after the CA report of 2026-01-10); give a date after 2026-07-10\n'
    })
    expect((await patJson(H, ['cip', 'list', acc.id]))[0].extensions).toEqual([])
    const ok = await patJson(H, ['cip', 'extend', acc.id, '1', '--until', '2026-09-30', '--reason', 'significant progress'])
    expect(ok).toMatchObject({ conditionalPeriodEnd: '2026-09-30' })
  }, 90_000)

  it('an extension left inside the period by a later report date is warned about by cip set and the export, dates named', async () => {
    const H = await workspace()
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports'])
    await patJson(H, ['cip', 'add', acc.id, '--deficiency', 'Misclassified parts'])
    // Without a report date the period's end is unknown: the extension is taken as given.
    await patJson(H, ['cip', 'extend', acc.id, '1', '--until', '2026-09-30', '--reason', 'significant progress'])
    const set = await pat(H, ['cip', 'set', acc.id, '1', '--report-date', '2026-06-01'])
    expect(set).toMatchObject({
      code: 0,
      stderr: 'warning: the extension until 2026-09-30 does not extend CIP "Misclassified parts": its conditional period already runs until 2026-12-01\n'
    })
    const r = await pat(H, ['export', acc.id, '--template', 'cip'])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('warning: CIP "Misclassified parts": the extension until 2026-09-30 does not extend the conditional period, which already runs until 2026-12-01\n')
    expect(r.stdout).toMatch(/^\| \d{4}-\d\d-\d\d \| 2026-12-01 \| 2026-09-30 ⚠ does not extend the period \| significant progress \|$/m)
  }, 90_000)
})

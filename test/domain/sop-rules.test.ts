// Issue 17, "One rule, asked in one place" and "The SOP's own triggers", in the domain: each rule is asked
// where it is stated, and every test names the seed sentence it comes from (file in ../shared/seeds/).
import { describe, expect, it } from 'vitest'
import {
  CA_SOON_MONTHS, STAGES, accountDue, checkEligibility, checkExtension, cipGaps, extensionHistory, isOpen, isOpenItem, isOverdue, lifecycleProgress, nextDue,
  ostNotice, questionnaireDuty, resolveTask,
  stageBlockMessage, stageMoveBlock, taskProgress, type AccountSnapshot, type DueEntry
} from '../../src/domain/index.js'
import { portAccount } from '../helpers/port-account.js'

const SOP = '001_f75c851ccf3a999b.txt'
const CIP = '004_7e84c79b4b761dce.txt'

const account = (over: Partial<AccountSnapshot> = {}) => portAccount({ stage: 'select', profile: { importValue: 20_000_000, nationalRank: 900, pfiShare: 60 }, ...over })
const task = (a: AccountSnapshot, id: string, today = '2026-12-05') => taskProgress(resolveTask(id), a, today)
const rules = (entries: DueEntry[]) => entries.map(e => e.rule)
const concurrence = (a: AccountSnapshot) => checkEligibility(a, 'port').criteria.find(c => c.id === 'concurrence')!

describe(`partner-port concurrence: one rule for pat account check and pat stage (${SOP})`, () => {
  // "Each port within the top 5 (if it handles 15% or more of the account's imports) must agree with the lead port's selection"
  it('Charleston 20% agreed, Savannah 40% lead, 40% at ports not recorded: unknown in the check, open in the stage', () => {
    const a = account({
      ports: [{ id: 'p1', name: 'Savannah', share: 40, rank: 1 }, { id: 'p2', name: 'Charleston', share: 20, rank: 2, concurrence: 'yes' }]
    })
    expect(concurrence(a)).toMatchObject({ status: 'unknown', detail: expect.stringMatching(/40% of the account's imports are at ports not recorded/) })
    expect(task(a, 'select.concurrence')).toMatchObject({ status: 'open', source: 'none' })
  })

  it('agrees with the check on every case: done exactly when the criterion passes, with its words', () => {
    const cases: Array<AccountSnapshot['ports']> = [
      [{ name: 'Savannah', share: 70, rank: 1 }, { name: 'Charleston', share: 30, rank: 2, concurrence: 'yes' }],
      [{ name: 'Savannah', share: 70, rank: 1 }, { name: 'Charleston', share: 30, rank: 2, concurrence: 'no' }],
      [{ name: 'Savannah', share: 70, rank: 1 }, { name: 'Charleston', share: 30, rank: 2 }],
      [{ name: 'Savannah', share: 85, rank: 1 }, { name: 'Charleston', share: 15, rank: 2 }],
      [{ name: 'Savannah', share: 85, rank: 1 }, { name: 'Charleston', share: 14.9, rank: 2 }],
      [{ name: 'Savannah', share: 60, rank: 1 }, { name: 'Charleston', share: 20, rank: 6 }, { name: 'Norfolk', share: 20, rank: 2, concurrence: 'yes' }],
      [{ name: 'Savannah', share: 40, rank: 1 }, { name: 'Charleston', share: 20, rank: 2, concurrence: 'yes' }],
      []
    ]
    for (const ports of cases) {
      const a = account({ ports: ports?.map((p, i) => ({ id: `p${i}`, ...p })) })
      const c = concurrence(a)
      const t = task(a, 'select.concurrence')
      expect(t.status === 'done', JSON.stringify(ports)).toBe(c.status === 'pass')
      if (c.status === 'pass') expect(t.detail).toBe(c.detail)
    }
  })

  // Step 1 says "15% or more", step 3 "(whose account activity is greater than 15%)": PAT Desk asks a 15% port.
  it('a partner port with exactly 15% must agree (step 1\'s "15% or more" over step 3\'s "greater than 15%")', () => {
    const a = account({ ports: [{ id: 'p1', name: 'Savannah', share: 85, rank: 1 }, { id: 'p2', name: 'Charleston', share: 15, rank: 2 }] })
    expect(concurrence(a)).toMatchObject({ status: 'unknown', missing: ['ports[Charleston].concurrence'] })
    expect(task(a, 'select.concurrence').status).toBe('open')
  })
})

describe('the other tasks that restated a rule ask it', () => {
  // SOP, Improve step 5: "the final version of the Plan should be approved by the account, the Port Account Team, and the TCPO"
  it(`plan approved: the three roles the export checks, not any three approvals (${SOP}, "approved by the account, the Port Account Team, and the TCPO")`, () => {
    const three = [{ id: 'a1', role: 'Account' }, { id: 'a2', role: 'Account' }, { id: 'a3', role: 'Account' }]
    expect(task(account({ plan: { items: [], approvals: three } }), 'improve.approvals').status).toBe('open')
    const roles = [{ id: 'a1', role: 'Account' }, { id: 'a2', role: 'Port Account Team' }, { id: 'a3', role: 'TCPO' }]
    expect(task(account({ plan: { items: [], approvals: roles } }), 'improve.approvals'))
      .toMatchObject({ status: 'done', detail: 'approved by Account, Port Account Team, TCPO' })
  })

  // SOP, Establish step 3: "If there are changes to your account's definition, notify OST by the following dates"
  it(`OST told: a definition change after the last notice reopens establish.ost, as it brings ost-definition due (${SOP}, "notify OST by the following dates")`, () => {
    const told = account({ stage: 'establish', profile: { ostNotified: '2026-09-01' } })
    expect(task(told, 'establish.ost')).toMatchObject({ status: 'done', detail: 'OST notified 2026-09-01' })
    const changed = account({ stage: 'establish', profile: { ostNotified: '2026-09-01', definitionChanged: '2026-10-01' } })
    expect(task(changed, 'establish.ost').status).toBe('open')
    expect(rules(accountDue(changed, '2026-12-05'))).toContain('ost-definition')
    const again = account({ stage: 'establish', profile: { ostNotified: '2026-10-01', definitionChanged: '2026-10-01' } })
    expect(task(again, 'establish.ost').status).toBe('done')
    expect(rules(accountDue(again, '2026-12-05'))).not.toContain('ost-definition')
    expect(ostNotice({ definitionChanged: '2026-10-01', ostNotified: '2026-09-30' })).toEqual({ changed: '2026-10-01', notified: '2026-09-30', pending: true })
  })

  // SOP, Evaluate step 1: "review the account profile at least every 2 years"; Establish: "schedule a meeting"
  it(`events held, not planned: a meeting, interview or profile review dated later leaves its task open, as the cadence leaves the review due (${SOP}, "review the account profile at least every 2 years")`, () => {
    const today = '2026-12-05'
    const planned = account({
      stage: 'evaluate',
      events: [
        { id: 'e1', type: 'meeting', date: '2027-01-10', title: 'First meeting' },
        { id: 'e2', type: 'interview', date: '2027-01-12', title: 'Interview' },
        { id: 'e3', type: 'review', subject: 'profile', date: '2027-01-15', title: 'Profile review' }
      ]
    })
    for (const id of ['establish.first-meeting', 'evaluate.interviews', 'evaluate.profile']) expect(task(planned, id, today).status, id).toBe('open')
    expect(accountDue(planned, today).find(e => e.rule === 'profile-review')).toMatchObject({ date: today, note: 'no profile review recorded: due now' })
    // On the day they are held, each task is done and the review counts.
    const day = '2027-01-15'
    expect(task(planned, 'establish.first-meeting', day)).toMatchObject({ status: 'done', detail: 'meeting on 2027-01-10' })
    expect(task(planned, 'evaluate.interviews', day)).toMatchObject({ status: 'done', detail: '1 interview recorded' })
    expect(task(planned, 'evaluate.profile', day)).toMatchObject({ status: 'done', detail: 'profile review recorded' })
    expect(accountDue(planned, day).find(e => e.rule === 'profile-review')).toMatchObject({ date: '2029-01-15', since: day })
  })
})

describe(`leaving Select before OI clearance (${SOP}, Select step 5)`, () => {
  // "After you have selected an account for your port, you must notify the NASC and wait for OI clearance before beginning your work."
  it('"you must notify the NASC and wait for OI clearance before beginning your work": every move on from Select is blocked until the task is done', () => {
    const a = account()
    for (const to of STAGES.slice(1)) expect(stageMoveBlock(a, to)?.id, to).toBe('select.clearance')
    expect(stageMoveBlock(a, 'select')).toBeUndefined()
    const cleared = account({ tasks: { 'select.clearance': { done: true, by: 'm1', at: '2026-12-01T10:00:00Z' } } })
    expect(stageMoveBlock(cleared, 'establish')).toBeUndefined()
  })

  it('other stages only warn: nothing blocks a move from Establish on, whatever is open', () => {
    for (const from of STAGES.slice(1)) {
      for (const to of STAGES) expect(stageMoveBlock(account({ stage: from }), to)).toBeUndefined()
    }
  })

  it('the refusal is one line naming the task, how to record it and how to force', () => {
    const line = stageBlockMessage(account(), 'establish', 'move anyway with `pat stage acc-1 set establish --force`')
    expect(line).not.toContain('\n')
    expect(line).toMatch(/^Harbor Imports cannot leave Select for Establish before OI clearance \(task select\.clearance is open/)
    expect(line).toContain('`pat stage acc-1 done select.clearance`')
    expect(line).toContain('--force')
  })
})

describe(`the questionnaire and the Compliance Assessment (${SOP}, Evaluate step 3)`, () => {
  // "This questionnaire should be sent to the account if a compliance assessment has not been conducted or is not scheduled to begin soon."
  const today = '2026-12-05'
  it('"has not been conducted or is not scheduled to begin soon": owed unless a CA was conducted or begins within 6 months', () => {
    expect(CA_SOON_MONTHS).toBe(6)
    expect(questionnaireDuty({}, today)).toMatchObject({ owed: true })
    expect(questionnaireDuty({ assessment: 'conducted', assessmentDate: '2025-03-01' }, today)).toMatchObject({ owed: false, reason: 'a Compliance Assessment was conducted (2025-03-01)' })
    expect(questionnaireDuty({ assessment: 'conducted' }, today).owed).toBe(false)
    expect(questionnaireDuty({ assessment: 'scheduled', assessmentDate: '2027-06-05' }, today).owed).toBe(false) // exactly 6 months
    expect(questionnaireDuty({ assessment: 'scheduled', assessmentDate: '2027-06-06' }, today)).toMatchObject({ owed: true, reason: expect.stringMatching(/more than 6 months away/) })
    expect(questionnaireDuty({ assessment: 'scheduled', assessmentDate: '2026-11-01' }, today).owed).toBe(false) // due to begin, not yet recorded as conducted
    expect(questionnaireDuty({ assessment: 'scheduled' }, today)).toMatchObject({ owed: true, reason: expect.stringMatching(/date is not recorded/) })
  })

  it('the questionnaire tasks are n/a and no questionnaire entry is due when not owed', () => {
    const spared = account({ stage: 'evaluate', profile: { assessment: 'scheduled', assessmentDate: '2027-02-01' } })
    for (const id of ['evaluate.questionnaire-sent', 'evaluate.questionnaire-returned']) {
      expect(task(spared, id, today)).toMatchObject({ status: 'na', detail: 'not owed: a Compliance Assessment is scheduled to begin 2027-02-01 (within 6 months)' })
    }
    expect(rules(accountDue(spared, today))).not.toContain('questionnaire')
    const evaluate = lifecycleProgress(spared, today).find(s => s.stage === 'evaluate')!
    expect(evaluate.total).toBe(evaluate.tasks.length - 2)
  })

  it('owed: the tasks are open and the questionnaire is due now in Evaluate until it is sent', () => {
    const owed = account({ stage: 'evaluate', profile: { assessment: 'scheduled', assessmentDate: '2028-01-01' } })
    expect(task(owed, 'evaluate.questionnaire-sent', today).status).toBe('open')
    const entry = accountDue(owed, today).find(e => e.rule === 'questionnaire')
    expect(entry).toMatchObject({ date: today, title: 'Questionnaire to customise and send', note: expect.stringMatching(/more than 6 months away/) })
    const sent = account({ ...owed, tasks: { 'evaluate.questionnaire-sent': { done: true, by: 'm1', at: '2026-12-01T10:00:00Z' } } })
    expect(rules(accountDue(sent, today))).not.toContain('questionnaire')
    expect(rules(accountDue(account({ ...owed, stage: 'establish' }), today))).not.toContain('questionnaire')
  })

  // Select step 4: "Check to see if your account has had a CA or is scheduled for one in the near future."
  it('"Check to see if your account has had a CA or is scheduled for one": a recorded CA shows the check done', () => {
    expect(task(account(), 'select.ca-schedule').status).toBe('open')
    expect(task(account({ profile: { assessment: 'conducted', assessmentDate: '2025-03-01' } }), 'select.ca-schedule'))
      .toMatchObject({ status: 'done', source: 'data', detail: 'Compliance Assessment conducted 2025-03-01' })
  })
})

describe(`the action plan review and the missing plan (${SOP}, Improve step 6)`, () => {
  // "Plans will be reviewed with the account at least annually, and updated and renegotiated as necessary."
  const today = '2026-12-05'
  it('"Plans will be reviewed with the account at least annually": no review is due without a plan; the missing plan is its own entry from Improve on', () => {
    for (const stage of ['improve', 'manage'] as const) {
      const due = accountDue(account({ stage }), today)
      expect(rules(due)).not.toContain('plan-review')
      expect(due.find(e => e.rule === 'plan-missing')).toMatchObject({ date: today, title: 'No action plan yet', note: expect.stringMatching(/--plan-date/) })
    }
    expect(rules(accountDue(account({ stage: 'evaluate' }), today))).not.toContain('plan-missing')
  })

  it('once a plan date exists: the annual review entry, and no missing-plan entry', () => {
    const due = accountDue(account({ stage: 'manage', plan: { planDate: '2026-03-01', items: [] } }), today)
    expect(rules(due)).not.toContain('plan-missing')
    expect(due.find(e => e.rule === 'plan-review')).toMatchObject({ date: '2027-03-01', title: 'Annual action plan review with the account', since: '2026-03-01' })
  })
})

describe(`a CIP extension must extend (${CIP}, Timeframes)`, () => {
  // "If, at the end of the six month conditional period, the company has not implemented the CIP, but has demonstrated significant progress, extensions may be granted"
  const cip = { deficiency: 'Misclassified parts', reportDate: '2026-01-10', extensions: [] as Array<{ until: string }> }
  it('"at the end of the six month conditional period … extensions may be granted": one ending on or before that end is refused, dates named', () => {
    expect(() => checkExtension(cip, '2026-06-01')).toThrow(
      'extension until 2026-06-01 would not extend CIP "Misclassified parts": its conditional period already runs until 2026-07-10 (six months after the CA report of 2026-01-10); give a date after 2026-07-10')
    expect(() => checkExtension(cip, '2026-07-10')).toThrow(/already runs until 2026-07-10/)
    expect(() => checkExtension(cip, '2026-07-11')).not.toThrow()
  })

  it('measures from the latest extension granted; without a report date it cannot tell and lets it be', () => {
    const extended = { ...cip, extensions: [{ until: '2026-09-30' }] }
    expect(() => checkExtension(extended, '2026-08-01')).toThrow(/already runs until 2026-09-30 \(as already extended\); give a date after 2026-09-30/)
    expect(() => checkExtension(extended, '2026-10-01')).not.toThrow()
    expect(() => checkExtension({ deficiency: 'X', extensions: [] }, '2020-01-01')).not.toThrow()
  })
})

describe(`the extension history (${CIP}, Timeframes)`, () => {
  // "If, at the end of the six month conditional period, the company has not implemented the CIP, but has demonstrated significant progress, extensions may be granted, if requested by the company."
  it('lists each extension with the end of the period it extended and the day it was recorded', () => {
    const history = extensionHistory({
      reportDate: '2026-01-10',
      extensions: [
        { until: '2026-09-30', reason: 'significant progress', grantedAt: '2026-07-01T10:00:00.000Z' },
        { until: '2026-12-31', reason: 'follow-up review', grantedAt: '2026-09-20T10:00:00.000Z' }
      ]
    })
    expect(history).toEqual([
      { until: '2026-09-30', reason: 'significant progress', granted: '2026-07-01', from: '2026-07-10', extends: true },
      { until: '2026-12-31', reason: 'follow-up review', granted: '2026-09-20', from: '2026-09-30', extends: true }
    ])
  })

  it('finds an extension a later report date left inside the period, and the CIP\'s gaps name both dates', () => {
    const cip = { deficiency: 'Misclassified parts', reportDate: '2026-06-01', extensions: [{ id: 'e1', until: '2026-09-30', reason: 'x', grantedAt: '2026-05-01T00:00:00.000Z' }] }
    expect(extensionHistory(cip)).toEqual([{ until: '2026-09-30', reason: 'x', granted: '2026-05-01', from: '2026-12-01', extends: false }])
    expect(cipGaps([cip])).toContain('CIP "Misclassified parts": the extension until 2026-09-30 does not extend the conditional period, which already runs until 2026-12-01')
    // Without a report date nothing is known about the period: every extension is taken as given.
    expect(extensionHistory({ extensions: cip.extensions })).toEqual([{ until: '2026-09-30', reason: 'x', granted: '2026-05-01', extends: true }])
  })
})

describe(`an open project item, one rule (${SOP}, Project List: "the responsible party, and due date")`, () => {
  // The lifecycle, the due dates, the accounts list and the documents all ask plan.ts's isOpen.
  it('open and in progress are open, done and dropped are not, and an item stored before statuses existed is open', () => {
    expect(isOpenItem).toBe(isOpen)
    expect([{ status: 'open' }, { status: 'in-progress' }, {}].every(i => isOpen(i as never))).toBe(true)
    expect([{ status: 'done' }, { status: 'dropped' }].some(i => isOpen(i as never))).toBe(false)
    const old = { due: '2026-11-01' } // no status: stored before statuses existed
    expect(isOverdue(old, '2026-12-05')).toBe(true)
    expect(nextDue([old, { status: 'done', due: '2026-10-01' }])).toBe('2026-11-01')
    expect(rules(accountDue(account({ plan: { items: [old] } }), '2026-12-05'))).toContain('plan-item')
  })
})

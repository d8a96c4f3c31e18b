// The gaps the SOP's documents would not accept (domain/completeness.ts), rule by rule, on accounts built
// by hand; test/cli/export.test.ts checks the same gaps end to end in the exported documents.
import { describe, expect, it } from 'vitest'
import {
  addressedChecklistItems, approvalGaps, approvalSlot, checklistFinding, checklistGaps, checklistKey, cipGaps, cipMissingFields,
  coverSheetGaps, fieldText, listedItems, matchApprovals, orderCips, planTextGaps, profileGaps, projectItemGaps, projectListGaps,
  type AccountSnapshot, type ChecklistRow
} from '../../src/domain/index.js'
import { portAccount } from '../helpers/port-account.js'

const account = (over: Partial<AccountSnapshot> = {}) => portAccount({ stage: 'improve', leadPort: undefined, ...over })
const row = (name: string, answer: ChecklistRow['answer'], reason = ''): Pick<ChecklistRow, 'name' | 'answer' | 'reason'> => ({ name, answer, reason })

describe('fieldText', () => {
  it('trims strings, writes numbers out, and leaves anything else empty', () => {
    expect([fieldText('  a  '), fieldText(12), fieldText(undefined), fieldText(['x']), fieldText(null)]).toEqual(['a', '12', '', '', ''])
  })
})

describe('the plan\'s cover sheet', () => {
  it('asks for every cover-sheet entry of an empty account, in the cover sheet\'s order', () => {
    expect(coverSheetGaps(account())).toEqual([
      'cover sheet: no account address',
      'cover sheet: no Account Manager / Port Account Team representative (a contact on the Customs side)',
      'cover sheet: no account contact',
      'cover sheet: the period covered by the plan is not recorded',
      'cover sheet: no date of plan',
      'cover sheet: no distribution'
    ])
  })

  it('names each representative and account contact without a phone number, and nothing once complete', () => {
    const contacts = [
      { id: 'c1', name: ' Pat ', side: 'customs' as const }, { id: 'c2', name: 'Lee', side: 'customs' as const, phone: '555-0100' },
      { id: 'c3', name: 'Ana', side: 'account' as const }, { id: 'c4', name: 'Oz', side: 'agency' as const }
    ]
    const plan = { periodStart: '2026-10-01', periodEnd: '2027-09-30', planDate: '2026-10-01', distribution: 'NASC', items: [] }
    expect(coverSheetGaps(account({ profile: { address: '1 Dock Road' }, contacts, plan }))).toEqual([
      'cover sheet: no phone number for representative Pat',
      'cover sheet: no phone number for account contact Ana'
    ])
    const phoned = contacts.map(c => ({ ...c, phone: '555-0199' }))
    expect(coverSheetGaps(account({ profile: { address: '1 Dock Road' }, contacts: phoned, plan }))).toEqual([])
  })

  it('wants both ends of the period covered', () => {
    const gaps = coverSheetGaps(account({ plan: { periodStart: '2026-10-01', planDate: '2026-10-01', distribution: 'NASC' } }))
    expect(gaps).toContain('cover sheet: the period covered by the plan is not recorded')
    expect(gaps).not.toContain('cover sheet: no date of plan')
  })
})

describe('the checklist', () => {
  it('reads the checklist item a project item names however it is typed', () => {
    expect(['compliance.A', 'Compliance A', 'compliance a.', ' COMPLIANCE. A '].map(checklistKey)).toEqual(Array(4).fill('compliance.a'))
    expect(checklistKey(undefined)).toBe('')
  })

  it('counts the items of the project list that are not dropped as addressing their checklist items', () => {
    const items = [
      { status: 'open' as const, checklistItem: 'Compliance A' }, { status: 'dropped' as const, checklistItem: 'business.B' },
      { status: 'done' as const, checklistItem: 'requested.1' }, { status: 'open' as const }
    ]
    expect(listedItems(items)).toHaveLength(3)
    expect([...addressedChecklistItems(items)].sort()).toEqual(['compliance.a', 'requested.1'])
  })

  it('finds what each answer lacks: an answer, a reason for No/NA, a project item for Yes', () => {
    const addressed = new Set(['compliance.a'])
    expect(checklistFinding(row('compliance.A', null), addressed)).toBe('unanswered')
    expect(checklistFinding(row('compliance.B', 'na', '  '), addressed)).toBe('no-reason')
    expect(checklistFinding(row('compliance.C', 'na', 'no quota merchandise'), addressed)).toBe('explained')
    expect(checklistFinding(row('compliance.D', 'yes'), addressed)).toBe('no-project-item')
    expect(checklistFinding(row('compliance.A', 'yes'), addressed)).toBe('complete')
  })

  it('lists each kind of gap once, naming the items', () => {
    const rows = [row('compliance.A', 'yes'), row('compliance.B', null), row('compliance.C', 'na'), row('business.A', 'yes'), row('business.B', null)]
    expect(checklistGaps(rows, new Set(['compliance.a']))).toEqual([
      'checklist: 2 of 5 items not answered (compliance.B, business.B)',
      'checklist: No/NA without a reason (compliance.C)',
      'checklist: answered Yes but no project item addresses it (business.A)'
    ])
    expect(checklistGaps([row('compliance.A', 'yes'), row('compliance.C', 'na', 'none imported')], new Set(['compliance.a']))).toEqual([])
  })
})

describe('the plan\'s background, scope and project list', () => {
  it('wants the background & structure and the scope written', () => {
    const facts = { cmResults: '94% compliant', supplierCountries: ['CN'], customsDepartments: 'Trade Compliance' }
    expect(planTextGaps(facts)).toEqual(['account background & structure: not written', 'scope of plan: not written'])
    expect(planTextGaps({ ...facts, background: 'Founded 1990.', scope: ' ' })).toEqual(['scope of plan: not written'])
  })

  // 001_f75c851ccf3a999b.txt, Account Background & Structure: "State location of account's headquarters, countries
  // of its foreign plants, countries of its chief non-related suppliers"; "Provide Compliance Measurement results
  // from the past year"; "Provide a brief description of the department(s) which handle(s) Customs business".
  it('wants the background\'s Compliance Measurement results, supplier countries and Customs departments', () => {
    expect(planTextGaps({ background: 'Founded 1990.', scope: 'S', supplierCountries: [] })).toEqual([
      'account background & structure: no Compliance Measurement results from the past year',
      'account background & structure: no countries of chief non-related suppliers',
      'account background & structure: no description of the department(s) that handle Customs business'
    ])
    expect(planTextGaps({ background: 'B', scope: 'S', cmResults: ' ', supplierCountries: ['VN'], customsDepartments: 'Logistics' }))
      .toEqual(['account background & structure: no Compliance Measurement results from the past year'])
  })

  it('wants a responsible party and a due date for each open item only', () => {
    expect(projectItemGaps({ status: 'open' })).toEqual(['no owner', 'no due date'])
    expect(projectItemGaps({ status: 'in-progress', owner: 'Lee' })).toEqual(['no due date'])
    expect(projectItemGaps({ owner: 'Lee', due: '2026-12-01' })).toEqual([])
    expect(projectItemGaps({ status: 'done' })).toEqual([])
  })

  it('names the items that lack them, and an empty list (dropped items do not count)', () => {
    expect(projectListGaps([])).toEqual(['project list: no project items'])
    expect(projectListGaps([{ title: 'Old', status: 'dropped' }])).toEqual(['project list: no project items'])
    expect(projectListGaps([
      { title: 'Classification review', status: 'open', owner: 'Lee' },
      { title: 'Done already', status: 'done' },
      { title: 'Broker audit', status: 'open', owner: 'Pat', due: '2026-12-01' }
    ])).toEqual(['project list: "Classification review" has no due date'])
  })
})

describe('approvals', () => {
  it('reads which required approval a free-text role stands for', () => {
    expect(approvalSlot('Trade Compliance Process Owner', 'port')).toBe('TCPO')
    expect(approvalSlot('PAT leader', 'port')).toBe('Port Account Team')
    expect(approvalSlot('Account Manager', 'national')).toBe('Account Manager')
    expect(approvalSlot('Account Manager', 'port')).toBe('Other')
    expect(approvalSlot('VP, importer', 'port')).toBe('Account')
    expect(approvalSlot('Auditor', 'port')).toBe('Other')
  })

  it('sets the approvals against the three a Port Account Team needs, each used once', () => {
    const approvals = [
      { id: 'a1', name: 'Ana', role: 'Company president', date: '2026-10-02' },
      { id: 'a2', name: 'Kim', role: 'TCPO' },
      { id: 'a3', name: 'Bo', role: 'Importer counsel', date: '2026-10-03' }
    ]
    const match = matchApprovals(approvals, 'port')
    expect(match.required.map(r => [r.slot, r.approval?.id])).toEqual([['Account', 'a1'], ['Port Account Team', undefined], ['TCPO', 'a2']])
    expect(match.others.map(a => a.id)).toEqual(['a3'])
    expect(approvalGaps(match)).toEqual(['approvals: not yet approved by Port Account Team', 'approvals: no date for TCPO'])
  })

  it('needs only the account and the Account Manager for a national account', () => {
    const match = matchApprovals([
      { id: 'a1', name: 'Ana', role: 'Account', date: '2026-10-02' }, { id: 'a2', name: 'Max', role: 'Account Manager', date: '2026-10-02' }
    ], 'national')
    expect(match.required.map(r => r.slot)).toEqual(['Account', 'Account Manager'])
    expect(approvalGaps(match)).toEqual([])
    expect(approvalGaps(matchApprovals([], 'national'))).toEqual(['approvals: not yet approved by Account, Account Manager'])
  })
})

describe('Compliance Improvement Plans', () => {
  it('names the fields a CIP lacks in the framework\'s order', () => {
    expect(cipMissingFields({ deficiency: 'Valuation', resultSheet: 'RS-1', reportDate: '2026-06-01', steps: [] })).toEqual([
      'responsible official', 'action steps', 'supporting documentation', 'validation action', 'approving official', 'approval date (date issued)', 'date prepared'
    ])
  })

  // 004_7e84c79b4b761dce.txt, Target Dates: "A target date should be established for each action step";
  // Responsible Department: "reference the department assigned to address each action step".
  it('wants a target date and a responsible department for each action step', () => {
    const steps = [
      { id: 's1', createdAt: '', action: 'Train staff', target: '2027-01-01', department: 'Compliance' },
      { id: 's2', createdAt: '', action: 'Audit 50 entries' }
    ]
    expect(cipMissingFields({ deficiency: 'Valuation', steps })).toEqual([
      'responsible official', 'result sheet', 'supporting documentation', 'validation action', 'approving official',
      'approval date (date issued)', 'date prepared', 'CA report date', 'target date for step 2', 'responsible department for step 2'
    ])
  })

  // 004_7e84c79b4b761dce.txt, Approving Official: "include the name and the position title of the office and the date issued".
  it('flags a CIP without its approval date (the date issued) or the date it was prepared', () => {
    const steps = [{ id: 's1', createdAt: '', action: 'Train staff', target: '2027-01-01', department: 'Compliance' }]
    const cip = { deficiency: 'V', responsibleOfficial: 'R', resultSheet: 'RS', supportingDocs: 'D', validation: 'V', approvingOfficial: 'A', reportDate: '2026-06-01', steps }
    expect(cipMissingFields(cip)).toEqual(['approval date (date issued)', 'date prepared'])
    expect(cipMissingFields({ ...cip, issued: '2026-07-01', prepared: '2026-06-20' })).toEqual([])
  })

  it('orders CIPs by report date, then deficiency, and lists their gaps in that order', () => {
    const full = {
      responsibleOfficial: 'R',
      supportingDocs: 'D',
      validation: 'V',
      approvingOfficial: 'A',
      resultSheet: 'RS',
      prepared: '2026-06-20',
      issued: '2026-07-01',
      steps: [{ id: 's1', createdAt: '', action: 'S', target: '2027-01-01', department: 'Dept' }]
    }
    const cips = [
      { id: 'c1', deficiency: 'Valuation', reportDate: '2026-06-01', ...full },
      { id: 'c2', deficiency: 'Classification', reportDate: '2026-06-01' },
      { id: 'c3', deficiency: 'Marking', ...full }
    ]
    expect(orderCips(cips).map(c => c.id)).toEqual(['c3', 'c2', 'c1'])
    expect(cipGaps(cips)).toEqual([
      'CIP "Marking": no CA report date',
      'CIP "Classification": no responsible official, no result sheet, no action steps, no supporting documentation, no validation action, no approving official, no approval date (date issued), no date prepared'
    ])
  })

  it('says so when no CIP is recorded', () => {
    expect(cipGaps([])).toEqual(['no Compliance Improvement Plan is recorded for this account'])
  })
})

describe('the account profile', () => {
  it('asks for the review and every fact of an empty account in Evaluate or later', () => {
    expect(profileGaps(account({ stage: 'evaluate' }), '2026-11-22')).toEqual([
      'profile: the profile has never been reviewed (review at least every 2 years)',
      'profile: no IR#s recorded',
      'profile: no annual import value recorded',
      'profile: no corporate structure recorded',
      'profile: no business categories recorded',
      'profile: no locations recorded',
      'profile: no account point of contact recorded',
      'profile: no Customs network recorded'
    ])
  })

  it('says when the two-yearly review was due, and nothing once all is recorded and reviewed', () => {
    const complete = account({
      iors: ['12-3456789'],
      profile: { importValue: 0, structure: 'One division.', categories: ['importer'], profileReviewed: '2024-11-01' },
      locations: [{ id: 'l1', type: 'headquarters', country: 'US' }],
      contacts: [{ id: 'c1', name: 'Ana', side: 'account' }, { id: 'c2', name: 'Lee', side: 'customs' }]
    })
    expect(profileGaps(complete, '2026-11-22')).toEqual(['profile: the profile review was due 2026-11-01 (review at least every 2 years)'])
    expect(profileGaps(complete, '2026-10-31')).toEqual([])
  })

  it('does not ask for a review before the Evaluate stage', () => {
    expect(profileGaps(account({ stage: 'establish' }), '2026-11-22')[0]).toBe('profile: no IR#s recorded')
  })
})

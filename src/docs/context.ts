/**
 * The context a document template sees (`it`): the account record as `pat account show --json` prints it,
 * plus views prepared for the SOP's documents — checklist lines with Yes/No-NA boxes, the project list in
 * priority order, required approvals, lifecycle progress, eligibility, due dates — and the gaps the SOP
 * would not accept, each marked "⚠". Which gaps there are is the domain's rule (domain/completeness.ts);
 * this module only shapes the record and those findings for the templates.
 */
import {
  ACCOUNT_KIND_LABELS, AREA_LABELS, CONTACT_SIDE_LABELS, CONCURRENCE_LABELS, LOCATION_TYPE_LABELS, OTHER_FOOTNOTE, PRIORITIES, PRIORITY_LABELS, RELATIONSHIP_LABELS,
  STAGE_LABELS, accountDue, addressedChecklistItems, answerLabel, approvalGaps, checkEligibility, checklistFinding, checklistGaps, checklistKey,
  cipGaps, coverSheetGaps, extensionHistory, fieldText, isOtherItem, isOverdue, lifecycleProgress, listedItems, locationText, locationTypeRank, matchApprovals, orderCips, otherUndescribed,
  planTextGaps, profileGaps, projectItemGaps, projectListGaps,
  type AccountRecord, type Approval, type ApprovalMatch, type ChecklistFinding, type ChecklistRow, type Concurrence, type Contact, type DueEntry, type IsoDate, type Priority, type Stage
} from '../domain/index.js'
import { slug } from './escape.js'

const GAP = '⚠'
const str = fieldText
const money = (v: unknown): string => (typeof v === 'number' ? '$' + v.toLocaleString('en-US') : '')
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [])

export interface ChecklistLine extends ChecklistRow { yes: boolean, na: boolean, note: string, title: string, isOther: boolean }
export interface ProjectLine { n: number, title: string, goal: string, checklistItem: string, owner: string, due: string, status: string, gaps: string[] }
export interface ApprovalLine { required: string, name: string, role: string, date: string, gap?: string }

const contactsOf = (record: AccountRecord, side: string) => record.contacts.filter(c => c.side === side)
const person = (c: Contact) => ({ name: str(c.name), role: str(c.role), phone: str(c.phone), email: str(c.email) })

function cover (record: AccountRecord) {
  const plan = record.plan
  return {
    address: str(record.profile.address),
    port: record.leadPort,
    representatives: contactsOf(record, 'customs').map(person),
    accountContacts: contactsOf(record, 'account').map(person),
    periodStart: str(plan.periodStart),
    periodEnd: str(plan.periodEnd),
    planDate: str(plan.planDate),
    distribution: str(plan.distribution)
  }
}

const NOTES: Record<ChecklistFinding, string> = {
  unanswered: `${GAP} not answered`, 'no-reason': `${GAP} reason missing`, explained: 'see reasons below', 'no-project-item': `${GAP} no project item`, complete: ''
}

function checklistLines (record: AccountRecord, addressed: ReadonlySet<string>): ChecklistLine[] {
  return record.checklist.map(r => {
    const label = r.other ? `${r.label}: ${r.other}` : r.label
    const title = `${r.area === 'requested' ? 'Requested' : r.area === 'compliance' ? 'Compliance' : 'Business'} ${r.letter}. ${label}`
    // An "Other *" item answered Yes must say what it is; that gap comes before the others on its line.
    const undescribed = r.answer === 'yes' && otherUndescribed(r) ? `${GAP} say what the other item is` : ''
    const note = [undescribed, NOTES[checklistFinding(r, addressed)]].filter(Boolean).join('; ')
    return { ...r, yes: r.answer === 'yes', na: r.answer === 'na', note, title, isOther: isOtherItem(r.key) }
  })
}

/** Project list, High → Medium → Low (the store's order), dropped items left out. */
function projects (record: AccountRecord, lines: readonly ChecklistLine[], today: IsoDate): Record<Priority, ProjectLine[]> {
  let n = 0
  const out = Object.fromEntries(PRIORITIES.map(pr => [pr, [] as ProjectLine[]])) as Record<Priority, ProjectLine[]>
  for (const item of listedItems(record.plan.items)) {
    const due = str(item.due)
    const overdue = isOverdue(item, today)
    const covers = lines.find(l => checklistKey(l.name) === checklistKey(item.checklistItem))
    const line: ProjectLine = {
      n: ++n,
      title: str(item.title),
      goal: str(item.goal),
      checklistItem: covers ? covers.title.replace(/\.\s.*$/, '') : str(item.checklistItem),
      owner: str(item.owner),
      due: due + (overdue ? ` ${GAP} overdue` : ''),
      status: str(item.status).replace('-', ' ') || 'open',
      gaps: projectItemGaps(item)
    }
    out[(PRIORITIES as readonly string[]).includes(String(item.priority)) ? item.priority : 'low'].push(line)
  }
  return out
}

function approvalLines (match: ApprovalMatch<Approval>): ApprovalLine[] {
  return [
    ...match.required.map(({ slot, approval: a }): ApprovalLine => (a
      ? { required: slot, name: str(a.name), role: str(a.role), date: str(a.date) || `${GAP} no date` }
      : { required: slot, name: '', role: '', date: '', gap: `${GAP} not approved` })),
    ...match.others.map(a => ({ required: 'Other', name: str(a.name), role: str(a.role), date: str(a.date) }))
  ]
}

function ports (record: AccountRecord) {
  return record.ports.map(pt => ({
    name: str(pt.name),
    share: typeof pt.share === 'number' ? `${pt.share}%` : '',
    rank: str(pt.rank),
    concurrence: CONCURRENCE_LABELS[pt.concurrence as Concurrence] ?? '',
    concurrenceDate: str(pt.concurrenceDate),
    lead: str(pt.name).toLowerCase() === record.leadPort.trim().toLowerCase()
  }))
}

/** Locations: places first, then the other means of contact (LOCATION_TYPES' order); only each type's own fields. */
function locations (record: AccountRecord) {
  return record.locations.map(l => ({
    type: str(l.type),
    typeLabel: LOCATION_TYPE_LABELS[l.type] ?? str(l.type),
    name: str(l.name),
    address: str(l.address),
    country: str(l.country),
    detail: locationText({ ...l, country: '' }),
    reason: str(l.reason)
  })).sort((a, b) => locationTypeRank(a.type) - locationTypeRank(b.type) || a.name.localeCompare(b.name) || a.detail.localeCompare(b.detail))
}

function related (record: AccountRecord) {
  return ['1', '2', '3', '4'].map(type => ({
    type,
    label: RELATIONSHIP_LABELS[type]!,
    companies: record.related.filter(r => String(r.type) === type).map(r => ({ name: str(r.name), role: str(r.role), notes: str(r.notes) }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }))
}

function cips (record: AccountRecord) {
  return orderCips(record.cips).map((c, i) => ({
    n: i + 1,
    deficiency: str(c.deficiency),
    resultSheet: str(c.resultSheet),
    steps: (Array.isArray(c.steps) ? c.steps : []).map((s, j) => ({
      n: j + 1, action: str(s.action), docs: str(s.docs), target: str(s.target), department: str(s.department), completed: str(s.completed)
    })),
    supportingDocs: str(c.supportingDocs),
    validation: str(c.validation),
    responsibleOfficial: str(c.responsibleOfficial),
    approvingOfficial: str(c.approvingOfficial),
    prepared: str(c.prepared),
    issued: str(c.issued),
    reportDate: str(c.reportDate),
    status: str(c.status),
    conditionalPeriodEnd: str(c.conditionalPeriodEnd),
    // The history of the period (CIP framework, Timeframes): each extension with the end it extended and when it was recorded.
    extensions: extensionHistory(c).map(e => ({ until: e.until, reason: e.reason, granted: e.granted, from: e.from ?? '', extends: e.extends }))
  }))
}

/** What the SOP lists for the Background besides its description (PLAN_FIELDS): empty text when missing. */
function backgroundFacts (record: AccountRecord) {
  const plan = record.plan
  return { cmResults: str(plan.cmResults), supplierCountries: list(plan.supplierCountries), customsDepartments: str(plan.customsDepartments) }
}

function facts (record: AccountRecord, locationLines: ReturnType<typeof locations>, portLines: ReturnType<typeof ports>, profileReview: DueEntry | undefined) {
  const p = record.profile
  return {
    importValue: money(p.importValue),
    duties: money(p.duties),
    nationalRank: str(p.nationalRank),
    pfi: list(p.pfi),
    pfiShare: typeof p.pfiShare === 'number' ? `${p.pfiShare}%` : '',
    categories: list(p.categories),
    structure: str(p.structure),
    headquarters: locationLines.filter(l => l.type === 'headquarters'),
    foreignPlants: [...new Set(locationLines.filter(l => l.type === 'plant' && l.country.toUpperCase() !== 'US').map(l => l.country))],
    usualPorts: portLines.length
      ? portLines.map(pt => `${pt.name}${pt.share ? ` (${pt.share})` : ''}`)
      : [record.leadPort, ...list(p.partnerPorts)].filter(Boolean),
    partnerPorts: list(p.partnerPorts),
    notes: str(p.notes),
    profileReviewed: str(p.profileReviewed),
    nextProfileReview: profileReview?.date ?? ''
  }
}

/** Each built-in document's gaps (domain/completeness.ts), in the order the document shows them. */
function documentGaps (record: AccountRecord, today: IsoDate, addressed: ReadonlySet<string>, approvals: ApprovalMatch<Approval>): Record<string, string[]> {
  return {
    'action-plan': [
      ...coverSheetGaps(record), ...checklistGaps(record.checklist, addressed), ...planTextGaps(record.plan),
      ...projectListGaps(record.plan.items), ...approvalGaps(approvals)
    ],
    cip: cipGaps(record.cips),
    profile: profileGaps(record, today),
    questionnaire: []
  }
}

/** Everything a template may use. `it.account` is the record as `pat account show --json` prints it. */
export function documentContext (record: AccountRecord, today: IsoDate) {
  const addressed = addressedChecklistItems(record.plan.items)
  const lines = checklistLines(record, addressed)
  const approvals = matchApprovals(record.plan.approvals, record.kind)
  const portLines = ports(record)
  const locationLines = locations(record)
  const due = accountDue(record, today)
  return {
    account: record,
    today,
    name: record.name,
    kind: record.kind,
    kindLabel: ACCOUNT_KIND_LABELS[record.kind],
    stageLabel: STAGE_LABELS[record.stage as Stage],
    iors: record.iors,
    cover: cover(record),
    checklist: {
      compliance: lines.filter(l => l.area === 'compliance'),
      business: lines.filter(l => l.area === 'business'),
      requested: lines.filter(l => l.area === 'requested'),
      reasons: lines.filter(l => l.na),
      labels: AREA_LABELS,
      otherFootnote: OTHER_FOOTNOTE
    },
    background: str(record.plan.background),
    backgroundFacts: backgroundFacts(record),
    scope: str(record.plan.scope),
    facts: facts(record, locationLines, portLines, due.find(d => d.rule === 'profile-review')),
    projects: projects(record, lines, today),
    priorityLabels: PRIORITY_LABELS,
    approvals: approvalLines(approvals),
    approvalRule: record.kind === 'national'
      ? 'For full-time Account Managers, the final version of the Plan is approved by the account and the Account Manager.'
      : 'For Port Account Teams, the final version of the Plan is approved by the account, the Port Account Team, and the TCPO.',
    ports: portLines,
    locations: locationLines,
    related: related(record),
    contactGroups: (['account', 'customs', 'agency'] as const).map(side => ({
      side, label: CONTACT_SIDE_LABELS[side], contacts: contactsOf(record, side).map(c => ({ name: str(c.name), org: str(c.org), role: str(c.role), phone: str(c.phone), email: str(c.email) }))
    })),
    cips: cips(record),
    due,
    eligibility: checkEligibility(record),
    lifecycle: lifecycleProgress(record, today),
    gaps: documentGaps(record, today, addressed, approvals),
    // helpers for templates
    gap: (text: string) => `${GAP} ${text}`,
    or: (value: unknown, missing = 'not recorded') => (str(value) || (Array.isArray(value) && value.length) ? (Array.isArray(value) ? value.join(', ') : str(value)) : `${GAP} ${missing}`),
    cell: (value: unknown) => (Array.isArray(value) ? value.join(', ') : str(value)).replace(/\s*\n\s*/g, ' '),
    answerLabel,
    slug
  }
}

export type DocumentContext = ReturnType<typeof documentContext>

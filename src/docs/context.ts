/**
 * The context a document template sees (`it`): the account record as `pat account show --json` prints it,
 * plus views prepared for the SOP's documents — checklist lines with Yes/No-NA boxes, the project list in
 * priority order, required approvals, lifecycle progress, eligibility, due dates — and the gaps the SOP
 * would not accept, each marked "⚠".
 */
import {
  ACCOUNT_KIND_LABELS, AREA_LABELS, CONTACT_SIDE_LABELS, CONCURRENCE_LABELS, LOCATION_TYPES, PRIORITIES, PRIORITY_LABELS, RELATIONSHIP_LABELS,
  STAGE_LABELS, accountDue, answerLabel, checkEligibility, compareDates, lifecycleProgress, requiredApprovals,
  type AccountSnapshot, type ChecklistRow, type Concurrence, type IsoDate, type Priority, type Stage
} from '../domain/index.js'
import type { AccountRecord, Entity } from '../store/index.js'
import { slug } from './escape.js'

const GAP = '⚠'
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '')
const money = (v: unknown): string => (typeof v === 'number' ? '$' + v.toLocaleString('en-US') : '')
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [])
const checklistKey = (v: unknown) => str(v).toLowerCase().replace(/[\s.]+/g, '.').replace(/\.$/, '')

export interface ChecklistLine extends ChecklistRow { yes: boolean, na: boolean, note: string, title: string }
export interface ProjectLine { n: number, title: string, goal: string, checklistItem: string, owner: string, due: string, status: string, gaps: string[] }
export interface ApprovalLine { required: string, name: string, role: string, date: string, gap?: string }

/** Which required approval an approval's role stands for (the role is free text). */
function approvalSlot (role: string, kind: string): string {
  const r = role.toLowerCase()
  if (/tcpo|trade compliance process owner/.test(r)) return 'TCPO'
  if (/account manager|\bam\b/.test(r)) return kind === 'national' ? 'Account Manager' : 'Other'
  if (/team|\bpat\b/.test(r)) return 'Port Account Team'
  if (/account|company|importer/.test(r)) return 'Account'
  return 'Other'
}

/** Everything a template may use. `it.account` is the record as `pat account show --json` prints it. */
export function documentContext (record: AccountRecord, today: IsoDate) {
  const snapshot = record as unknown as AccountSnapshot
  const gaps: Record<string, string[]> = { 'action-plan': [], cip: [], profile: [], questionnaire: [] }
  const gap = (doc: string, text: string) => { gaps[doc]!.push(doc === 'profile' ? `profile: ${text}` : text) }
  const p = record.profile
  const plan = record.plan as unknown as Record<string, unknown> & { items: Entity[], approvals: Entity[] }
  const contactsOf = (side: string) => record.contacts.filter(c => c.side === side)

  // Cover sheet
  const representatives = contactsOf('customs').map(c => ({ name: str(c.name), role: str(c.role), phone: str(c.phone), email: str(c.email) }))
  const accountContacts = contactsOf('account').map(c => ({ name: str(c.name), role: str(c.role), phone: str(c.phone), email: str(c.email) }))
  if (!str(p.address)) gap('action-plan', 'cover sheet: no account address')
  if (!representatives.length) gap('action-plan', 'cover sheet: no Account Manager / Port Account Team representative (a contact on the Customs side)')
  for (const r of representatives) if (!r.phone) gap('action-plan', `cover sheet: no phone number for representative ${r.name}`)
  if (!accountContacts.length) gap('action-plan', 'cover sheet: no account contact')
  for (const r of accountContacts) if (!r.phone) gap('action-plan', `cover sheet: no phone number for account contact ${r.name}`)
  if (!str(plan.periodStart) || !str(plan.periodEnd)) gap('action-plan', 'cover sheet: the period covered by the plan is not recorded')
  if (!str(plan.planDate)) gap('action-plan', 'cover sheet: no date of plan')
  if (!str(plan.distribution)) gap('action-plan', 'cover sheet: no distribution')

  // Checklist
  const openItems = plan.items.filter(i => i.status !== 'dropped')
  const addressed = new Set(openItems.map(i => checklistKey(i.checklistItem)).filter(Boolean))
  const lines: ChecklistLine[] = record.checklist.map(r => {
    const title = `${r.area === 'requested' ? 'Requested' : r.area === 'compliance' ? 'Compliance' : 'Business'} ${r.letter}. ${r.label}`
    let note = ''
    if (r.answer === null) note = `${GAP} not answered`
    else if (r.answer === 'na' && !r.reason.trim()) note = `${GAP} reason missing`
    else if (r.answer === 'na') note = 'see reasons below'
    else if (!addressed.has(checklistKey(r.name))) note = `${GAP} no project item`
    return { ...r, yes: r.answer === 'yes', na: r.answer === 'na', note, title }
  })
  const unanswered = lines.filter(l => l.answer === null)
  if (unanswered.length) gap('action-plan', `checklist: ${unanswered.length} of ${lines.length} items not answered (${unanswered.map(l => l.name).join(', ')})`)
  const noReason = lines.filter(l => l.na && !l.reason.trim())
  if (noReason.length) gap('action-plan', `checklist: No/NA without a reason (${noReason.map(l => l.name).join(', ')})`)
  const notAddressed = lines.filter(l => l.yes && !addressed.has(checklistKey(l.name)))
  if (notAddressed.length) gap('action-plan', `checklist: answered Yes but no project item addresses it (${notAddressed.map(l => l.name).join(', ')})`)
  const checklist = {
    compliance: lines.filter(l => l.area === 'compliance'),
    business: lines.filter(l => l.area === 'business'),
    requested: lines.filter(l => l.area === 'requested'),
    reasons: lines.filter(l => l.na),
    labels: AREA_LABELS
  }

  // Background, scope
  if (!str(plan.background)) gap('action-plan', 'account background & structure: not written')
  if (!str(plan.scope)) gap('action-plan', 'scope of plan: not written')

  // Project list, High → Medium → Low (the store's order), dropped items left out
  let n = 0
  const projects = Object.fromEntries(PRIORITIES.map(pr => [pr, [] as ProjectLine[]])) as Record<Priority, ProjectLine[]>
  for (const item of openItems) {
    const open = item.status === 'open' || item.status === 'in-progress' || item.status === undefined
    const due = str(item.due)
    const gapsOf = open ? [...(str(item.owner) ? [] : ['no owner']), ...(due ? [] : ['no due date'])] : []
    const overdue = open && due !== '' && compareDates(due, today) < 0
    const covers = lines.find(l => checklistKey(l.name) === checklistKey(item.checklistItem))
    const line: ProjectLine = {
      n: ++n, title: str(item.title), goal: str(item.goal), checklistItem: covers ? covers.title.replace(/\.\s.*$/, '') : str(item.checklistItem), owner: str(item.owner),
      due: due + (overdue ? ` ${GAP} overdue` : ''), status: str(item.status).replace('-', ' ') || 'open', gaps: gapsOf
    }
    projects[(PRIORITIES as readonly string[]).includes(String(item.priority)) ? item.priority as Priority : 'low'].push(line)
    if (gapsOf.length) gap('action-plan', `project list: "${line.title}" has ${gapsOf.join(' and ')}`)
  }
  if (n === 0) gap('action-plan', 'project list: no project items')

  // Approvals
  const required = requiredApprovals(record.kind)
  const approvals: ApprovalLine[] = []
  const used = new Set<string>()
  for (const slot of required) {
    const a = plan.approvals.find(x => !used.has(x.id) && approvalSlot(str(x.role), record.kind) === slot)
    if (a) { used.add(a.id); approvals.push({ required: slot, name: str(a.name), role: str(a.role), date: str(a.date) || `${GAP} no date` }) } else approvals.push({ required: slot, name: '', role: '', date: '', gap: `${GAP} not approved` })
  }
  for (const a of plan.approvals) if (!used.has(a.id)) approvals.push({ required: 'Other', name: str(a.name), role: str(a.role), date: str(a.date) })
  const pending = approvals.filter(a => a.gap).map(a => a.required)
  if (pending.length) gap('action-plan', `approvals: not yet approved by ${pending.join(', ')}`)
  const undated = approvals.filter(a => a.date === `${GAP} no date`).map(a => a.required)
  if (undated.length) gap('action-plan', `approvals: no date for ${undated.join(', ')}`)

  // Ports, locations, related companies
  const ports = record.ports.map(pt => ({
    name: str(pt.name), share: typeof pt.share === 'number' ? `${pt.share}%` : '', rank: str(pt.rank),
    concurrence: CONCURRENCE_LABELS[pt.concurrence as Concurrence] ?? '', concurrenceDate: str(pt.concurrenceDate),
    lead: str(pt.name).toLowerCase() === record.leadPort.trim().toLowerCase()
  }))
  const usualPorts = ports.length
    ? ports.map(pt => `${pt.name}${pt.share ? ` (${pt.share})` : ''}`)
    : [record.leadPort, ...list(p.partnerPorts)].filter(Boolean)
  const locations = record.locations.map(l => ({ type: str(l.type), name: str(l.name), address: str(l.address), country: str(l.country) }))
    .sort((a, b) => LOCATION_TYPES.indexOf(a.type as never) - LOCATION_TYPES.indexOf(b.type as never) || a.name.localeCompare(b.name) || a.country.localeCompare(b.country))
  const headquarters = locations.filter(l => l.type === 'headquarters')
  const foreignPlants = [...new Set(locations.filter(l => l.type === 'plant' && l.country.toUpperCase() !== 'US').map(l => l.country))]
  const related = ['1', '2', '3', '4'].map(type => ({
    type, label: RELATIONSHIP_LABELS[type]!,
    companies: record.related.filter(r => String(r.type) === type).map(r => ({ name: str(r.name), role: str(r.role), notes: str(r.notes) }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }))
  const contactGroups = (['account', 'customs', 'agency'] as const).map(side => ({
    side, label: CONTACT_SIDE_LABELS[side], contacts: contactsOf(side).map(c => ({ name: str(c.name), org: str(c.org), role: str(c.role), phone: str(c.phone), email: str(c.email) }))
  }))

  // CIPs
  const cips = [...record.cips].sort((a, b) => str(a.reportDate).localeCompare(str(b.reportDate)) || str(a.deficiency).localeCompare(str(b.deficiency))).map((c, i) => {
    const steps = str(c.actionSteps).split(/\n+/).map(s => s.trim()).filter(Boolean)
    const extensions = (Array.isArray(c.extensions) ? c.extensions : []) as Array<{ until: string, reason: string }>
    const missing = ([
      ['responsibleOfficial', 'responsible official'], ['resultSheet', 'result sheet'], ['actionSteps', 'action steps'],
      ['supportingDocs', 'supporting documentation'], ['target', 'target date'], ['department', 'responsible department'],
      ['validation', 'validation action'], ['approvingOfficial', 'approving official'], ['reportDate', 'CA report date']
    ] as const).filter(([k]) => !str(c[k])).map(([, label]) => label)
    if (missing.length) gap('cip', `CIP "${str(c.deficiency)}": no ${missing.join(', no ')}`)
    return {
      n: i + 1, deficiency: str(c.deficiency), resultSheet: str(c.resultSheet), steps, supportingDocs: str(c.supportingDocs), target: str(c.target),
      department: str(c.department), validation: str(c.validation), responsibleOfficial: str(c.responsibleOfficial),
      approvingOfficial: str(c.approvingOfficial), reportDate: str(c.reportDate), status: str(c.status),
      conditionalPeriodEnd: str(c.conditionalPeriodEnd), extensions
    }
  })
  if (!cips.length) gap('cip', 'no Compliance Improvement Plan is recorded for this account')

  // Profile
  const due = accountDue(snapshot, today)
  const profileReview = due.find(d => d.rule === 'profile-review')
  if (profileReview && !profileReview.since) gap('profile', 'the profile has never been reviewed (review at least every 2 years)')
  else if (profileReview?.overdue) gap('profile', `the profile review was due ${profileReview.date} (review at least every 2 years)`)
  if (!record.iors.length) gap('profile', 'no IR#s recorded')
  if (typeof p.importValue !== 'number') gap('profile', 'no annual import value recorded')
  if (!str(p.structure)) gap('profile', 'no corporate structure recorded')
  if (!list(p.categories).length) gap('profile', 'no business categories recorded')
  if (!locations.length) gap('profile', 'no locations recorded')
  if (!contactsOf('account').length) gap('profile', 'no account point of contact recorded')
  if (!contactsOf('customs').length) gap('profile', 'no Customs network recorded')

  return {
    account: record,
    today,
    name: record.name,
    kind: record.kind,
    kindLabel: ACCOUNT_KIND_LABELS[record.kind],
    stageLabel: STAGE_LABELS[record.stage as Stage],
    iors: record.iors,
    cover: {
      address: str(p.address), port: record.leadPort, representatives, accountContacts,
      periodStart: str(plan.periodStart), periodEnd: str(plan.periodEnd), planDate: str(plan.planDate), distribution: str(plan.distribution)
    },
    checklist,
    background: str(plan.background),
    scope: str(plan.scope),
    facts: {
      importValue: money(p.importValue), duties: money(p.duties), nationalRank: str(p.nationalRank),
      pfi: list(p.pfi), pfiShare: typeof p.pfiShare === 'number' ? `${p.pfiShare}%` : '', categories: list(p.categories),
      structure: str(p.structure), headquarters, foreignPlants, usualPorts, partnerPorts: list(p.partnerPorts), notes: str(p.notes),
      profileReviewed: str(p.profileReviewed), nextProfileReview: profileReview?.date ?? ''
    },
    projects,
    priorityLabels: PRIORITY_LABELS,
    approvals,
    approvalRule: record.kind === 'national'
      ? 'For full-time Account Managers, the final version of the Plan is approved by the account and the Account Manager.'
      : 'For Port Account Teams, the final version of the Plan is approved by the account, the Port Account Team, and the TCPO.',
    ports,
    locations,
    related,
    contactGroups,
    cips,
    due,
    eligibility: checkEligibility(snapshot),
    lifecycle: lifecycleProgress(snapshot),
    gaps,
    // helpers for templates
    gap: (text: string) => `${GAP} ${text}`,
    or: (value: unknown, missing = 'not recorded') => (str(value) || (Array.isArray(value) && value.length) ? (Array.isArray(value) ? value.join(', ') : str(value)) : `${GAP} ${missing}`),
    cell: (value: unknown) => (Array.isArray(value) ? value.join(', ') : str(value)).replace(/\s*\n\s*/g, ' '),
    answerLabel,
    slug
  }
}

export type DocumentContext = ReturnType<typeof documentContext>

/**
 * What the SOP's documents would not accept yet: the gaps an export marks "⚠" and returns as warnings (the
 * document is produced all the same). Each rule reads the account as recorded and names each gap in words:
 *  - the plan's cover sheet: the account's address, the team's representatives (Customs-side contacts) and
 *    the account's contacts, each with a phone number, the period covered, the date of the plan, its
 *    distribution (Account Action Plan, Cover Sheet);
 *  - the checklist: every item answered, each No/NA with its reason, each Yes addressed by a project item;
 *  - the background & structure and the scope written;
 *  - the project list: at least one item, each open one with a responsible party and a due date;
 *  - the approvals the SOP requires (the account and the Account Manager, or the account, the team and the
 *    TCPO), each dated;
 *  - each CIP's responsible official, result sheet, action steps (each with a target date and a responsible
 *    department), supporting documentation, validation action, approving official, the date it was issued
 *    (approved) and prepared, and CA report date (CIP framework);
 *  - the profile reviewed at least every 2 years, and its IR#s, import value, corporate structure,
 *    business categories, locations, point of contact and Customs network recorded.
 */
import type { AccountKind } from './account.js'
import type { Approval } from './plan.js'
import type { Cip } from './cip.js'
import { extensionHistory } from './cip-extension.js'
import { isOtherItem, type ChecklistRow } from './checklist.js'
import { backgroundGaps, type BACKGROUND_FIELDS, type PlanItem } from './plan.js'
import { accountDue } from './cadence.js'
import { isOpenItem, requiredApprovals, type AccountSnapshot } from './lifecycle.js'

/** A stored value as one line of text: strings trimmed, numbers written out, anything else empty. */
export const fieldText = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '')

const contactsOn = (a: Pick<AccountSnapshot, 'contacts'>, side: string) => (a.contacts ?? []).filter(c => c.side === side)

/** The plan's cover sheet: address, representatives and account contacts with phones, period, date, distribution. */
export function coverSheetGaps (a: Pick<AccountSnapshot, 'profile' | 'contacts' | 'plan'>): string[] {
  const gaps: string[] = []
  const representatives = contactsOn(a, 'customs')
  const accountContacts = contactsOn(a, 'account')
  const plan = a.plan ?? {}
  if (!fieldText(a.profile.address)) gaps.push('cover sheet: no account address')
  if (!representatives.length) gaps.push('cover sheet: no Account Manager / Port Account Team representative (a contact on the Customs side)')
  for (const r of representatives) if (!fieldText(r.phone)) gaps.push(`cover sheet: no phone number for representative ${fieldText(r.name)}`)
  if (!accountContacts.length) gaps.push('cover sheet: no account contact')
  for (const r of accountContacts) if (!fieldText(r.phone)) gaps.push(`cover sheet: no phone number for account contact ${fieldText(r.name)}`)
  if (!fieldText(plan.periodStart) || !fieldText(plan.periodEnd)) gaps.push('cover sheet: the period covered by the plan is not recorded')
  if (!fieldText(plan.planDate)) gaps.push('cover sheet: no date of plan')
  if (!fieldText(plan.distribution)) gaps.push('cover sheet: no distribution')
  return gaps
}

/** How a project item names the checklist item it addresses, however typed ("Compliance A." = "compliance.a"). */
export const checklistKey = (v: unknown): string => fieldText(v).toLowerCase().replace(/[\s.]+/g, '.').replace(/\.$/, '')

/** The project list: every item not dropped, in the plan's order. */
export const listedItems = <T extends Pick<Partial<PlanItem>, 'status'>>(items: readonly T[]): T[] => items.filter(i => i.status !== 'dropped')

/** The checklist items (by checklistKey) that an item on the project list addresses. */
export function addressedChecklistItems (items: readonly Pick<Partial<PlanItem>, 'status' | 'checklistItem'>[]): Set<string> {
  return new Set(listedItems(items).map(i => checklistKey(i.checklistItem)).filter(Boolean))
}

/**
 * What a checklist answer still lacks: `unanswered`; `no-reason` (No/NA without its statement of
 * explanation); `explained` (No/NA with its reason: complete); `no-project-item` (Yes, but no item on the
 * project list addresses it); `complete`.
 */
export type ChecklistFinding = 'unanswered' | 'no-reason' | 'explained' | 'no-project-item' | 'complete'

export function checklistFinding (row: Pick<ChecklistRow, 'name' | 'answer' | 'reason'>, addressed: ReadonlySet<string>): ChecklistFinding {
  if (row.answer === null) return 'unanswered'
  if (row.answer === 'na') return row.reason.trim() ? 'explained' : 'no-reason'
  return addressed.has(checklistKey(row.name)) ? 'complete' : 'no-project-item'
}

/** An "Other *" item (Compliance K, Business H) the team has not said what it is. */
export const otherUndescribed = (r: Pick<ChecklistRow, 'name' | 'other'>): boolean => isOtherItem(r.name) && !fieldText(r.other)

/** The checklist's gaps: items not answered, No/NA without a reason, Yes with no project item, an "Other" Yes not described. */
export function checklistGaps (rows: readonly Pick<ChecklistRow, 'name' | 'answer' | 'reason' | 'other'>[], addressed: ReadonlySet<string>): string[] {
  const named = (finding: ChecklistFinding) => rows.filter(r => checklistFinding(r, addressed) === finding).map(r => r.name)
  const unanswered = named('unanswered')
  const noReason = named('no-reason')
  // Only a Yes counts here: a stored answer that is neither Yes nor No/NA is marked on its line, not listed.
  const notAddressed = rows.filter(r => r.answer === 'yes' && checklistFinding(r, addressed) === 'no-project-item').map(r => r.name)
  const undescribed = rows.filter(r => r.answer === 'yes' && otherUndescribed(r)).map(r => r.name)
  return [
    ...(undescribed.length ? [`checklist: "Other" answered Yes without saying what the other item is (${undescribed.join(', ')})`] : []),
    ...(unanswered.length ? [`checklist: ${unanswered.length} of ${rows.length} items not answered (${unanswered.join(', ')})`] : []),
    ...(noReason.length ? [`checklist: No/NA without a reason (${noReason.join(', ')})`] : []),
    ...(notAddressed.length ? [`checklist: answered Yes but no project item addresses it (${notAddressed.join(', ')})`] : [])
  ]
}

/**
 * The plan's two written sections: the account's background & structure (with what the SOP lists for it:
 * last year's Compliance Measurement results, the countries of chief non-related suppliers, the
 * departments that handle Customs business), and the scope.
 */
export function planTextGaps (plan: Pick<NonNullable<AccountSnapshot['plan']>, 'background' | 'scope' | typeof BACKGROUND_FIELDS[number]>): string[] {
  return [
    ...(fieldText(plan.background) ? [] : ['account background & structure: not written']),
    ...backgroundGaps(plan).map(g => `account background & structure: ${g}`),
    ...(fieldText(plan.scope) ? [] : ['scope of plan: not written'])
  ]
}

/** What an open project item lacks: `no owner` (a responsible party), `no due date`. A finished one lacks nothing. */
export function projectItemGaps (item: Pick<Partial<PlanItem>, 'status' | 'owner' | 'due'>): string[] {
  if (!isOpenItem(item)) return []
  return [...(fieldText(item.owner) ? [] : ['no owner']), ...(fieldText(item.due) ? [] : ['no due date'])]
}

/** The project list's gaps: no item at all, or open items without a responsible party or a due date. */
export function projectListGaps (items: readonly Partial<PlanItem>[]): string[] {
  const listed = listedItems(items)
  if (!listed.length) return ['project list: no project items']
  return listed.flatMap(item => {
    const gaps = projectItemGaps(item)
    return gaps.length ? [`project list: "${fieldText(item.title)}" has ${gaps.join(' and ')}`] : []
  })
}

/** Which required approval an approval's role stands for (the role is free text). */
export function approvalSlot (role: string, kind: AccountKind | undefined): string {
  const r = role.toLowerCase()
  if (/tcpo|trade compliance process owner/.test(r)) return 'TCPO'
  if (/account manager|\bam\b/.test(r)) return kind === 'national' ? 'Account Manager' : 'Other'
  if (/team|\bpat\b/.test(r)) return 'Port Account Team'
  if (/account|company|importer/.test(r)) return 'Account'
  return 'Other'
}

export interface ApprovalMatch<T> {
  /** Each approval the SOP requires for this kind of account, with the first approval that gives it. */
  required: Array<{ slot: string, approval?: T }>
  /** The approvals recorded beyond those. */
  others: T[]
}

/** The plan's approvals set against the ones the SOP requires (requiredApprovals), each used once. */
export function matchApprovals<T extends Pick<Partial<Approval>, 'id' | 'role'>> (approvals: readonly T[], kind: AccountKind | undefined): ApprovalMatch<T> {
  const used = new Set<unknown>()
  const required = requiredApprovals(kind).map(slot => {
    const approval = approvals.find(x => !used.has(x.id) && approvalSlot(fieldText(x.role), kind) === slot)
    if (!approval) return { slot }
    used.add(approval.id)
    return { slot, approval }
  })
  return { required, others: approvals.filter(a => !used.has(a.id)) }
}

/** The approvals' gaps: required approvals not given, and given ones without a date. */
export function approvalGaps (match: ApprovalMatch<Pick<Partial<Approval>, 'date'>>): string[] {
  const pending = match.required.filter(r => !r.approval).map(r => r.slot)
  const undated = match.required.filter(r => r.approval && !fieldText(r.approval.date)).map(r => r.slot)
  return [
    ...(pending.length ? [`approvals: not yet approved by ${pending.join(', ')}`] : []),
    ...(undated.length ? [`approvals: no date for ${undated.join(', ')}`] : [])
  ]
}

/** The fields a CIP must have (CIP framework), in words; its action steps are checked one by one. */
export const CIP_REQUIRED_FIELDS = [
  ['responsibleOfficial', 'responsible official'], ['resultSheet', 'result sheet'], ['supportingDocs', 'supporting documentation'],
  ['validation', 'validation action'], ['approvingOfficial', 'approving official'], ['issued', 'approval date (date issued)'],
  ['prepared', 'date prepared'], ['reportDate', 'CA report date']
] as const satisfies ReadonlyArray<readonly [keyof Cip, string]>

/**
 * What a CIP lacks, in words: its required fields (CIP_REQUIRED_FIELDS' order, "action steps" after the
 * result sheet when it has none), then each step's target date and responsible department ("A target date
 * should be established for each action step"; "reference the department assigned to address each action step").
 */
export function cipMissingFields (cip: Partial<Cip>): string[] {
  const missing: string[] = CIP_REQUIRED_FIELDS.filter(([k]) => !fieldText(cip[k])).map(([, label]) => label)
  const steps = Array.isArray(cip.steps) ? cip.steps : []
  if (!steps.length) missing.splice(missing.filter(m => m === 'responsible official' || m === 'result sheet').length, 0, 'action steps')
  steps.forEach((s, i) => {
    if (!fieldText(s.target)) missing.push(`target date for step ${i + 1}`)
    if (!fieldText(s.department)) missing.push(`responsible department for step ${i + 1}`)
  })
  return missing
}

/** CIPs in the documents' order: by CA report date (unreported first), then deficiency. */
export function orderCips<T extends Pick<Partial<Cip>, 'reportDate' | 'deficiency'>> (cips: readonly T[]): T[] {
  return [...cips].sort((a, b) => fieldText(a.reportDate).localeCompare(fieldText(b.reportDate)) || fieldText(a.deficiency).localeCompare(fieldText(b.deficiency)))
}

/** The CIPs' gaps: each CIP's missing fields (in orderCips' order), or no CIP at all. */
export function cipGaps (cips: readonly Partial<Cip>[]): string[] {
  if (!cips.length) return ['no Compliance Improvement Plan is recorded for this account']
  return orderCips(cips).flatMap(c => {
    const missing = cipMissingFields(c)
    // An extension granted before the report date was known (or changed) may end inside the period it extends.
    const idle = extensionHistory(c).filter(e => !e.extends)
      .map(e => `CIP "${fieldText(c.deficiency)}": the extension until ${e.until} does not extend the conditional period, which already runs until ${String(e.from)}`)
    return [...(missing.length ? [`CIP "${fieldText(c.deficiency)}": no ${missing.join(', no ')}`] : []), ...idle]
  })
}

/** The profile's gaps: its review (never, or overdue) and the facts the profile must record. */
export function profileGaps (a: AccountSnapshot, today: string): string[] {
  const gaps: string[] = []
  const review = accountDue(a, today).find(d => d.rule === 'profile-review')
  if (review && !review.since) gaps.push('the profile has never been reviewed (review at least every 2 years)')
  else if (review?.overdue) gaps.push(`the profile review was due ${review.date} (review at least every 2 years)`)
  if (!(a.iors ?? []).length) gaps.push('no IR#s recorded')
  if (typeof a.profile.importValue !== 'number') gaps.push('no annual import value recorded')
  if (!fieldText(a.profile.structure)) gaps.push('no corporate structure recorded')
  if (!(Array.isArray(a.profile.categories) ? a.profile.categories : []).length) gaps.push('no business categories recorded')
  if (!(a.locations ?? []).length) gaps.push('no locations recorded')
  if (!contactsOn(a, 'account').length) gaps.push('no account point of contact recorded')
  if (!contactsOn(a, 'customs').length) gaps.push('no Customs network recorded')
  return gaps.map(g => `profile: ${g}`)
}

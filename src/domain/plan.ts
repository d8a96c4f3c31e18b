/**
 * The Account Action Plan (SOP, "Improve"): its cover data (period covered, plan date), background &
 * structure, scope, approvals, and the project list — "the heart of the account action plan" — whose items
 * each have a goal, a responsible party, a due date and a priority of High, Medium or Low.
 */
import type { EntityStamp, FieldKey, FieldSpec } from './fields.js'
import { compareDates, type IsoDate } from './dates.js'

export const PRIORITIES = ['high', 'medium', 'low'] as const
export type Priority = typeof PRIORITIES[number]
export const PRIORITY_LABELS: Record<Priority, string> = { high: 'High', medium: 'Medium', low: 'Low' }

export const ITEM_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const
export type ItemStatus = typeof ITEM_STATUSES[number]

export const ITEM_AREAS = ['compliance', 'business', 'requested'] as const
export type ItemArea = typeof ITEM_AREAS[number]

export const PLAN_FIELDS: readonly FieldSpec<keyof PlanFields>[] = [
  { key: 'periodStart', label: 'Period start', kind: 'date' },
  { key: 'periodEnd', label: 'Period end', kind: 'date' },
  { key: 'planDate', label: 'Plan date', kind: 'date' },
  { key: 'reviewed', label: 'Last reviewed with the account', kind: 'date', noun: 'date of the last review with the account' },
  { key: 'distribution', label: 'Distribution', kind: 'text' },
  { key: 'background', label: 'Background & structure', kind: 'longtext' },
  // What "Account Background & Structure" asks for besides the description (SOP, Account Action Plan Contents).
  { key: 'cmResults', label: 'Compliance Measurement results, past year', kind: 'text', noun: 'Compliance Measurement results' },
  { key: 'supplierCountries', label: 'Countries of chief non-related suppliers', kind: 'list', noun: 'supplier countries' },
  { key: 'customsDepartments', label: 'Departments handling Customs business', kind: 'text', noun: 'departments handling Customs business' },
  { key: 'scope', label: 'Scope', kind: 'longtext' }
]

export const PLAN_ITEM_FIELDS: readonly FieldSpec<FieldKey<PlanItem>>[] = [
  { key: 'title', label: 'Title', kind: 'text', required: true },
  { key: 'goal', label: 'Goal', kind: 'text' },
  { key: 'area', label: 'Area', kind: 'enum', values: ITEM_AREAS },
  { key: 'checklistItem', label: 'Checklist item', kind: 'text' },
  { key: 'priority', label: 'Priority', kind: 'enum', values: PRIORITIES, valueLabels: PRIORITY_LABELS, required: true },
  { key: 'owner', label: 'Responsible party', kind: 'text' },
  { key: 'due', label: 'Due date', kind: 'date' },
  { key: 'status', label: 'Status', kind: 'enum', values: ITEM_STATUSES }
]

export const APPROVAL_FIELDS: readonly FieldSpec<FieldKey<Approval>>[] = [
  { key: 'name', label: 'Name', kind: 'text', required: true },
  { key: 'role', label: 'Role', kind: 'text', required: true },
  { key: 'date', label: 'Date approved', kind: 'date', noun: 'approval date' }
]

/** The plan's own fields (PLAN_FIELDS): the cover data, background and scope. */
export type PlanFields = {
  readonly periodStart?: IsoDate
  readonly periodEnd?: IsoDate
  readonly planDate?: IsoDate
  readonly reviewed?: IsoDate
  readonly distribution?: string
  readonly background?: string
  readonly cmResults?: string
  readonly supplierCountries?: readonly string[]
  readonly customsDepartments?: string
  readonly scope?: string
}

/** The Background's fields the SOP lists, as BACKGROUND_FIELDS keys: shown and flagged ⚠ when missing. */
export const BACKGROUND_FIELDS = ['cmResults', 'supplierCountries', 'customsDepartments'] as const satisfies ReadonlyArray<keyof PlanFields>

/** What the Background lacks of what the SOP lists for it, in words. */
export function backgroundGaps (plan: Pick<PlanFields, typeof BACKGROUND_FIELDS[number]>): string[] {
  const has = (v: unknown) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' && v.trim() !== '')
  return [
    ...(has(plan.cmResults) ? [] : ['no Compliance Measurement results from the past year']),
    ...(has(plan.supplierCountries) ? [] : ['no countries of chief non-related suppliers']),
    ...(has(plan.customsDepartments) ? [] : ['no description of the department(s) that handle Customs business'])
  ]
}

/** An item of the project list (PLAN_ITEM_FIELDS); `doneAt` is stamped when it is completed. */
export type PlanItem = EntityStamp & {
  readonly title: string
  readonly goal?: string
  readonly area?: ItemArea
  readonly checklistItem?: string
  readonly priority: Priority
  readonly owner?: string
  readonly due?: IsoDate
  readonly status: ItemStatus
  readonly doneAt?: string
}

/** An approval of the plan (APPROVAL_FIELDS): who, in what role, when. */
export type Approval = EntityStamp & {
  readonly name: string
  readonly role: string
  readonly date?: IsoDate
}

/** The Account Action Plan: its own fields, its approvals, and the project list in the SOP's order. */
export type ActionPlan = PlanFields & {
  readonly approvals: readonly Approval[]
  readonly items: readonly PlanItem[]
}

/**
 * A project item still to do: open or in progress. An item stored before statuses existed has none and is
 * open. The one rule of "open item" that the lifecycle, the due dates, the accounts list and the documents ask.
 */
export function isOpen (item: Pick<Partial<PlanItem>, 'status'>): boolean {
  return item.status === undefined || item.status === 'open' || item.status === 'in-progress'
}

export function isOverdue (item: Pick<Partial<PlanItem>, 'status' | 'due'>, today: IsoDate): boolean {
  return isOpen(item) && typeof item.due === 'string' && item.due !== '' && compareDates(item.due, today) < 0
}

/** The project list as the SOP orders it: High → Medium → Low, then by due date (undated last), then title. */
export function sortPlanItems<T extends Pick<PlanItem, 'priority' | 'due' | 'title'>> (items: readonly T[]): T[] {
  const rank = (p: Priority) => PRIORITIES.indexOf(p)
  return [...items].sort((a, b) =>
    rank(a.priority) - rank(b.priority) ||
    (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
    a.title.localeCompare(b.title))
}

/** The earliest due date among open items, if any. */
export function nextDue (items: readonly Pick<Partial<PlanItem>, 'status' | 'due'>[]): IsoDate | undefined {
  return items.filter(i => isOpen(i) && i.due).map(i => i.due!).sort()[0]
}

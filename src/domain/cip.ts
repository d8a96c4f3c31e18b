/**
 * Compliance Improvement Plans (the Regulatory Audit Division's CIP framework): the company's written plan
 * to correct each deficiency found in a Compliance Assessment — the responsible official, the deficiency
 * and its result sheet, action steps, supporting documentation, target dates, the responsible department,
 * the validation action, and the approving official. The company gets a six-month conditional period from
 * the date of the report; extensions may be granted.
 */
import type { EntityStamp, FieldKey, FieldSpec } from './fields.js'
import { addMonths, compareDates, type IsoDate } from './dates.js'

export const CIP_STATUSES = ['draft', 'submitted', 'implementing', 'implemented', 'validated', 'closed'] as const
export type CipStatus = typeof CIP_STATUSES[number]

export const CONDITIONAL_PERIOD_MONTHS = 6

/**
 * The CIP's own fields. The dates are the CIP's, never the day a document is printed: the suggested
 * format's "Date Compliance Improvement Plan Prepared", and the date the approving official issued it
 * ("signed and transmitted at the corporate level and include the name and the position title … and the
 * date issued"). Action steps are their own entries (CIP_STEP_FIELDS), each with its target date and
 * responsible department.
 */
export const CIP_FIELDS: readonly FieldSpec<Exclude<FieldKey<Cip>, 'extensions' | 'conditionalPeriodEnd' | 'steps' | LegacyCipField>>[] = [
  { key: 'deficiency', label: 'Deficiency', kind: 'text', required: true },
  { key: 'resultSheet', label: 'Result sheet', kind: 'text' },
  { key: 'supportingDocs', label: 'Supporting documentation', kind: 'text' },
  { key: 'validation', label: 'Validation action', kind: 'text' },
  { key: 'responsibleOfficial', label: 'Responsible official', kind: 'text' },
  { key: 'approvingOfficial', label: 'Approving official', kind: 'text' },
  { key: 'prepared', label: 'Date prepared', kind: 'date', noun: 'date the CIP was prepared' },
  { key: 'issued', label: 'Date issued (approved)', kind: 'date', noun: 'date the CIP was issued' },
  { key: 'reportDate', label: 'CA report date (conditional period start)', kind: 'date', noun: 'CA report date' },
  { key: 'status', label: 'Status', kind: 'enum', values: CIP_STATUSES }
]

/** Fields of CIPs stored before action steps were entries: read (never dropped), no longer written. */
export type LegacyCipField = 'actionSteps' | 'target' | 'department'
export const LEGACY_CIP_FIELDS: readonly FieldSpec<LegacyCipField>[] = [
  { key: 'actionSteps', label: 'Action steps (before steps were entries)', kind: 'longtext' },
  { key: 'target', label: 'Target date (before steps were entries)', kind: 'date' },
  { key: 'department', label: 'Responsible department (before steps were entries)', kind: 'text' }
]

/**
 * One corrective action step (CIP framework: "A target date should be established for each action step";
 * "The action plan should reference the department assigned to address each action step").
 */
export const CIP_STEP_FIELDS: readonly FieldSpec<Exclude<FieldKey<CipStep>, 'derived'>>[] = [
  { key: 'action', label: 'Action step', kind: 'text', required: true },
  { key: 'docs', label: 'Supporting documentation', kind: 'text' },
  { key: 'target', label: 'Target date', kind: 'date', noun: 'step target date' },
  { key: 'department', label: 'Responsible department', kind: 'text' },
  { key: 'completed', label: 'Completed', kind: 'date', noun: 'completion date' }
]

/**
 * An action step (CIP_STEP_FIELDS). `derived` marks a step read from an older CIP's action-steps text
 * (one step per line, each with that CIP's target date and department): changing one stores them all.
 */
export type CipStep = EntityStamp & {
  readonly action: string
  readonly docs?: string
  readonly target?: IsoDate
  readonly department?: string
  readonly completed?: IsoDate
  readonly derived?: true
}

export const CIP_EXTENSION_FIELDS: readonly FieldSpec<Exclude<keyof CipExtension, 'id' | 'grantedAt'>>[] = [
  { key: 'until', label: 'Extended until', kind: 'date', required: true, noun: 'extension date' },
  { key: 'reason', label: 'Reason', kind: 'text', required: true }
]

/** An extension of a CIP's conditional period (CIP_EXTENSION_FIELDS), oldest first. */
export type CipExtension = { readonly id: string, readonly until: IsoDate, readonly reason: string, readonly grantedAt: string }

/**
 * A Compliance Improvement Plan (CIP_FIELDS) with its extensions and, once a report date is recorded, the
 * end of its conditional period.
 */
export type Cip = EntityStamp & {
  readonly deficiency: string
  readonly resultSheet?: string
  readonly supportingDocs?: string
  readonly validation?: string
  readonly responsibleOfficial?: string
  readonly approvingOfficial?: string
  readonly prepared?: IsoDate
  readonly issued?: IsoDate
  readonly reportDate?: IsoDate
  readonly status: CipStatus
  /** The corrective action steps, oldest first. */
  readonly steps: readonly CipStep[]
  readonly extensions: readonly CipExtension[]
  readonly conditionalPeriodEnd?: IsoDate
  /** An older CIP's fields (LEGACY_CIP_FIELDS), as stored. */
  readonly actionSteps?: string
  readonly target?: IsoDate
  readonly department?: string
}

/** The steps an older CIP's action-steps text stands for: one per line, with the CIP's target and department. */
export function legacySteps (cip: { readonly id: string, readonly createdAt: string } & Partial<Pick<Cip, LegacyCipField>>): CipStep[] {
  const lines = (cip.actionSteps ?? '').split(/\n+/).map(l => l.trim()).filter(Boolean)
  return lines.map((action, i) => ({
    id: `${cip.id}.${i + 1}`,
    createdAt: cip.createdAt,
    action,
    ...(cip.target ? { target: cip.target } : {}),
    ...(cip.department ? { department: cip.department } : {}),
    derived: true
  }))
}

/** The next target date of a CIP: its earliest among steps not completed, with the step's number. */
export function nextStepTarget (steps: readonly Partial<CipStep>[]): { date: IsoDate, n: number, action: string } | undefined {
  let best: { date: IsoDate, n: number, action: string } | undefined
  steps.forEach((s, i) => {
    if (s.completed || typeof s.target !== 'string') return
    if (!best || compareDates(s.target, best.date) < 0) best = { date: s.target, n: i + 1, action: String(s.action ?? '') }
  })
  return best
}

/** When a CIP's conditional period ends: six months after the report, or the latest extension granted. */
export function conditionalPeriodEnd (reportDate: IsoDate | undefined, extensions: readonly Pick<CipExtension, 'until'>[]): IsoDate | undefined {
  if (!reportDate) return undefined
  const base = addMonths(reportDate, CONDITIONAL_PERIOD_MONTHS)
  return extensions.map(e => e.until).reduce((a, b) => (compareDates(a, b) >= 0 ? a : b), base)
}

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

export const CIP_FIELDS: readonly FieldSpec<Exclude<FieldKey<Cip>, 'extensions' | 'conditionalPeriodEnd'>>[] = [
  { key: 'deficiency', label: 'Deficiency', kind: 'text', required: true },
  { key: 'resultSheet', label: 'Result sheet', kind: 'text' },
  { key: 'actionSteps', label: 'Action steps', kind: 'longtext' },
  { key: 'supportingDocs', label: 'Supporting documentation', kind: 'text' },
  { key: 'target', label: 'Target date', kind: 'date' },
  { key: 'department', label: 'Responsible department', kind: 'text' },
  { key: 'validation', label: 'Validation action', kind: 'text' },
  { key: 'responsibleOfficial', label: 'Responsible official', kind: 'text' },
  { key: 'approvingOfficial', label: 'Approving official', kind: 'text' },
  { key: 'reportDate', label: 'CA report date (conditional period start)', kind: 'date', noun: 'CA report date' },
  { key: 'status', label: 'Status', kind: 'enum', values: CIP_STATUSES }
]

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
  readonly actionSteps?: string
  readonly supportingDocs?: string
  readonly target?: IsoDate
  readonly department?: string
  readonly validation?: string
  readonly responsibleOfficial?: string
  readonly approvingOfficial?: string
  readonly reportDate?: IsoDate
  readonly status: CipStatus
  readonly extensions: readonly CipExtension[]
  readonly conditionalPeriodEnd?: IsoDate
}

/** When a CIP's conditional period ends: six months after the report, or the latest extension granted. */
export function conditionalPeriodEnd (reportDate: IsoDate | undefined, extensions: readonly Pick<CipExtension, 'until'>[]): IsoDate | undefined {
  if (!reportDate) return undefined
  const base = addMonths(reportDate, CONDITIONAL_PERIOD_MONTHS)
  return extensions.map(e => e.until).reduce((a, b) => (compareDates(a, b) >= 0 ? a : b), base)
}

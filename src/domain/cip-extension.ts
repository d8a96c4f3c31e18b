/**
 * An extension must extend (CIP framework, Timeframes: "If, at the end of the six month conditional period,
 * the company has not implemented the CIP, but has demonstrated significant progress, extensions may be
 * granted"). An extension until a day on or before the end of the period it extends — six months after the
 * CA report, or the latest extension already granted — would extend nothing (conditionalPeriodEnd keeps the
 * later date), so it is refused with both dates named. Without a report date the period's end is not known
 * and the extension is taken as given. A report date recorded or changed afterwards can still leave an
 * extension that extends nothing: `extensionHistory` finds it, and the export marks it (completeness.ts).
 */
import { conditionalPeriodEnd, type Cip, type CipExtension } from './cip.js'
import { compareDates, type IsoDate } from './dates.js'
import { InputError } from './errors.js'

type ExtendedCip = Pick<Partial<Cip>, 'deficiency' | 'reportDate'> & { readonly extensions?: readonly Partial<CipExtension>[] }

export function checkExtension (cip: Pick<Cip, 'deficiency' | 'reportDate'> & { readonly extensions: readonly Pick<CipExtension, 'until'>[] }, until: IsoDate): void {
  const end = conditionalPeriodEnd(cip.reportDate, cip.extensions)
  if (end === undefined || compareDates(until, end) > 0) return
  const from = cip.extensions.some(e => e.until === end) ? 'as already extended' : `six months after the CA report of ${String(cip.reportDate)}`
  throw new InputError(
    `extension until ${until} would not extend CIP "${cip.deficiency}": its conditional period already runs until ${end} (${from}); give a date after ${end}`,
    'until'
  )
}

/** One extension as the history shows it: the period's end it extended (`from`, when known) and whether it did. */
export interface ExtensionStep { until: IsoDate, reason: string, granted: IsoDate | '', from?: IsoDate, extends: boolean }

const isDate = (v: unknown): v is IsoDate => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)

/** The extensions in the order granted, each with the end of the period before it (CA report + six months, or the previous extensions). */
export function extensionHistory (cip: ExtendedCip): ExtensionStep[] {
  const report = isDate(cip.reportDate) ? cip.reportDate : undefined
  const granted: Array<Pick<CipExtension, 'until'>> = []
  return (cip.extensions ?? []).filter(e => isDate(e.until)).map(e => {
    const until = e.until as IsoDate
    const from = conditionalPeriodEnd(report, granted)
    granted.push({ until })
    return {
      until,
      reason: typeof e.reason === 'string' ? e.reason : '',
      granted: typeof e.grantedAt === 'string' && isDate(e.grantedAt.slice(0, 10)) ? e.grantedAt.slice(0, 10) : '',
      ...(from ? { from } : {}),
      extends: from === undefined || compareDates(until, from) > 0
    }
  })
}

/**
 * An extension must extend (CIP framework, Timeframes: "If, at the end of the six month conditional period,
 * the company has not implemented the CIP, but has demonstrated significant progress, extensions may be
 * granted"). An extension until a day on or before the end of the period it extends — six months after the
 * CA report, or the latest extension already granted — would extend nothing (conditionalPeriodEnd keeps the
 * later date), so it is refused with both dates named. Without a report date the period's end is not known
 * and the extension is taken as given.
 */
import { conditionalPeriodEnd, type Cip, type CipExtension } from './cip.js'
import { compareDates, type IsoDate } from './dates.js'
import { InputError } from './errors.js'

export function checkExtension (cip: Pick<Cip, 'deficiency' | 'reportDate'> & { readonly extensions: readonly Pick<CipExtension, 'until'>[] }, until: IsoDate): void {
  const end = conditionalPeriodEnd(cip.reportDate, cip.extensions)
  if (end === undefined || compareDates(until, end) > 0) return
  const from = cip.extensions.some(e => e.until === end) ? 'as already extended' : `six months after the CA report of ${String(cip.reportDate)}`
  throw new InputError(
    `extension until ${until} would not extend CIP "${cip.deficiency}": its conditional period already runs until ${end} (${from}); give a date after ${end}`,
    'until'
  )
}

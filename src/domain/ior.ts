/**
 * Importer of Record numbers (IR#s). Customs identifies an importer by one of three forms: the IRS employer
 * number `NN-NNNNNNN` (optionally with a two-digit suffix, `NN-NNNNNNNSS`), a Social Security number
 * `NNN-NN-NNNN`, or a Customs-assigned number `YYDDPP-NNNNN`. An account may use several (SOP, Establish:
 * "Multiple divisions and subsidiaries of a company may cause an account to have more than one IR#").
 */
import { InputError } from './errors.js'

const FORMS: Array<{ kind: IorKind, pattern: RegExp }> = [
  { kind: 'irs', pattern: /^\d{2}-\d{7}(\d{2})?$/ },
  { kind: 'ssn', pattern: /^\d{3}-\d{2}-\d{4}$/ },
  { kind: 'cbp', pattern: /^\d{6}-\d{5}$/ }
]

export type IorKind = 'irs' | 'ssn' | 'cbp'

const HINT = 'use an IRS number like 12-3456789 (optionally with a 2-digit suffix, 12-345678900), ' +
  'an SSN-style 123-45-6789, or a Customs-assigned 021234-12345'

/** Validates one IR# and returns it trimmed; throws a one-line InputError naming the accepted forms. */
export function parseIor (value: string): string {
  const text = value.trim()
  if (!FORMS.some(f => f.pattern.test(text))) {
    throw new InputError(`invalid IR# "${value}": ${HINT}`, 'iors')
  }
  return text
}

export function iorKind (ior: string): IorKind | undefined {
  return FORMS.find(f => f.pattern.test(ior))?.kind
}

/** Validates a list of IR#s and rejects a number given twice. */
export function parseIors (values: readonly string[]): string[] {
  const out: string[] = []
  for (const v of values) {
    const ior = parseIor(v)
    if (out.includes(ior)) throw new InputError(`IR# ${ior} is listed twice: give each number once`, 'iors')
    out.push(ior)
  }
  return out
}

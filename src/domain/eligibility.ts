/**
 * Account selection (SOP, "Select an Account"): the criteria a company must meet to be selected as a port
 * account — or, for a full-time Account Manager, a national account — evaluated against what is recorded.
 * Each criterion passes, fails, or is unknown; an unknown one names the data that is missing, so the team
 * knows what to find out. Nothing is guessed: a share that is not recorded is not taken as zero.
 *
 * Port Account Teams (SOP, Select, step 1 and 3):
 *  - the account imports more than $10 million annually ($10,000,000 exactly is not more);
 *  - the top 379 accounts by value are reserved for full-time Account Managers, unless the account is less
 *    than 50% PFI or imports through one port only (then the port may select it case by case);
 *  - the port is one of the account's top 5 ports by value, and
 *  - 15% or more of the account's activity by value occurs in the port (15% passes);
 *  - every other top-5 port handling 15% or more agrees with the lead port's selection.
 *  - "Strive for accounts with more than 50% (by value) within a PFI" is a goal: reported, never decisive.
 * Full-time Account Managers (the NASC selects them): within the top 379 accounts by value, and at least 50%
 * of imports within a PFI.
 */
import { samePort } from './account.js'
import type { AccountSnapshot } from './lifecycle.js'

export type CriterionStatus = 'pass' | 'fail' | 'unknown'

export interface CriterionResult {
  id: string
  /** The criterion in the SOP's words, with its threshold. */
  criterion: string
  status: CriterionStatus
  /** Why, from the recorded values. */
  detail: string
  /** For an unknown criterion: the data to record (field keys; `ports[NAME].share` for a port's field). */
  missing?: string[]
  /** A goal the SOP asks to strive for; it does not decide the result. */
  advisory?: boolean
}

export type SelectionBasis = 'port' | 'national'

export interface EligibilityReport {
  basis: SelectionBasis
  /** fail if any required criterion fails, else unknown if any is unknown, else pass. */
  result: CriterionStatus
  criteria: CriterionResult[]
}

export const MIN_IMPORT_VALUE = 10_000_000
export const RESERVED_TOP_RANK = 379
export const PFI_THRESHOLD = 50
export const TOP_PORTS = 5
export const MIN_PORT_SHARE = 15

interface PortRow { name: string, share?: number, rank?: number, concurrence?: string, concurrenceDate?: string }

const money = (n: number) => '$' + n.toLocaleString('en-US')
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
const pct = (n: number) => `${n}%`
const result = (id: string, criterion: string, status: CriterionStatus, detail: string, missing?: string[]): CriterionResult =>
  ({ id, criterion, status, detail, ...(missing?.length ? { missing } : {}) })

function portsOf (a: AccountSnapshot): PortRow[] {
  return (a.ports ?? []).filter(p => typeof p.name === 'string').map(p => ({
    name: String(p.name),
    ...(num(p.share) !== undefined ? { share: num(p.share) } : {}),
    ...(num(p.rank) !== undefined ? { rank: num(p.rank) } : {}),
    ...(typeof p.concurrence === 'string' ? { concurrence: p.concurrence } : {}),
    ...(typeof p.concurrenceDate === 'string' ? { concurrenceDate: p.concurrenceDate } : {})
  }))
}

/**
 * Whether the account imports through one port only: a port with 100% of its imports says yes; a port
 * with part of them, two ports with a share, or partner ports say no; otherwise it is not known.
 */
export function importsThroughOnePort (a: AccountSnapshot): boolean | undefined {
  const shares = portsOf(a).map(p => p.share).filter((s): s is number => s !== undefined)
  if (shares.some(s => s >= 100)) return true
  if (shares.some(s => s > 0 && s < 100)) return false
  const partners = Array.isArray(a.profile.partnerPorts) ? a.profile.partnerPorts : []
  if (partners.length > 0) return false
  return undefined
}

function importValue (a: AccountSnapshot): CriterionResult {
  const text = 'Imports more than $10 million annually ($10,000,000)'
  const v = num(a.profile.importValue)
  if (v === undefined) return result('import-value', text, 'unknown', 'the annual import value is not recorded', ['importValue'])
  return v > MIN_IMPORT_VALUE
    ? result('import-value', text, 'pass', `imports ${money(v)} a year, more than ${money(MIN_IMPORT_VALUE)}`)
    : result('import-value', text, 'fail', `imports ${money(v)} a year, not more than ${money(MIN_IMPORT_VALUE)}`)
}

function reservedTop (a: AccountSnapshot): CriterionResult {
  const text = 'Not among the top 379 accounts by value (reserved for full-time Account Managers), unless less than 50% PFI or importing through one port only'
  const rank = num(a.profile.nationalRank)
  const pfi = num(a.profile.pfiShare)
  const onePort = importsThroughOnePort(a)
  const exception = pfi !== undefined && pfi < PFI_THRESHOLD
    ? `only ${pct(pfi)} of its imports are within a PFI (less than 50%), so the port may select it case by case`
    : onePort === true ? 'it imports through one port only, so the port may select it case by case' : undefined
  if (rank !== undefined && rank > RESERVED_TOP_RANK) return result('top-379', text, 'pass', `ranked ${rank} nationally by value, outside the top 379`)
  if (rank === undefined) {
    return exception
      ? result('top-379', text, 'pass', `national rank not recorded, but ${exception}`)
      : result('top-379', text, 'unknown', 'the national rank by value is not recorded', ['nationalRank'])
  }
  const within = `ranked ${rank} nationally by value (within the top 379)`
  if (exception) return result('top-379', text, 'pass', `${within}, but ${exception}`)
  if (pfi !== undefined && onePort === false) {
    return result('top-379', text, 'fail', `${within}, ${pct(pfi)} PFI and importing through several ports: reserved for a full-time Account Manager`)
  }
  const missing = [...(pfi === undefined ? ['pfiShare'] : []), ...(onePort === undefined ? ['ports'] : [])]
  return result('top-379', text, 'unknown', `${within}; whether it is less than 50% PFI or imports through one port only is not recorded`, missing)
}

function leadPortRow (a: AccountSnapshot): { lead?: string, row?: PortRow } {
  const lead = typeof a.leadPort === 'string' && a.leadPort.trim() ? a.leadPort.trim() : undefined
  return { ...(lead ? { lead } : {}), ...(lead ? { row: portsOf(a).find(p => samePort(p.name, lead)) } : {}) }
}

function portTopFive (a: AccountSnapshot): CriterionResult {
  const text = 'The port is one of the account\'s top 5 ports by value'
  const { lead, row } = leadPortRow(a)
  if (!lead) return result('port-top-5', text, 'unknown', 'no lead port is recorded', ['leadPort'])
  if (row?.rank === undefined) return result('port-top-5', text, 'unknown', `the rank of ${lead} among the account's ports is not recorded`, [`ports[${lead}].rank`])
  return row.rank <= TOP_PORTS
    ? result('port-top-5', text, 'pass', `${lead} ranks ${row.rank} among the account's ports by value`)
    : result('port-top-5', text, 'fail', `${lead} ranks ${row.rank} among the account's ports by value, outside the top 5`)
}

function portShare (a: AccountSnapshot): CriterionResult {
  const text = '15% or more of the account\'s activity (by value) occurs in the port'
  const { lead, row } = leadPortRow(a)
  if (!lead) return result('port-share', text, 'unknown', 'no lead port is recorded', ['leadPort'])
  if (row?.share === undefined) return result('port-share', text, 'unknown', `the share of the account's imports through ${lead} is not recorded`, [`ports[${lead}].share`])
  return row.share >= MIN_PORT_SHARE
    ? result('port-share', text, 'pass', `${pct(row.share)} of the account's imports come through ${lead} (15% or more)`)
    : result('port-share', text, 'fail', `only ${pct(row.share)} of the account's imports come through ${lead} (less than 15%)`)
}

function concurrence (a: AccountSnapshot): CriterionResult {
  const text = 'Every other top-5 port handling 15% or more of the account\'s imports agrees with the lead port\'s selection'
  const { lead } = leadPortRow(a)
  if (!lead) return result('concurrence', text, 'unknown', 'no lead port is recorded', ['leadPort'])
  const ports = portsOf(a)
  if (ports.length === 0) return result('concurrence', text, 'unknown', 'no port shares are recorded, so the ports that must agree are not known', ['ports'])
  const others = ports.filter(p => !samePort(p.name, lead))
  const missing: string[] = []
  const needing: PortRow[] = []
  for (const p of others) {
    if ((p.share !== undefined && p.share < MIN_PORT_SHARE) || (p.rank !== undefined && p.rank > TOP_PORTS)) continue
    if (p.share === undefined) missing.push(`ports[${p.name}].share`)
    if (p.rank === undefined) missing.push(`ports[${p.name}].rank`)
    if (p.share !== undefined && p.rank !== undefined) needing.push(p)
  }
  const refused = needing.filter(p => p.concurrence === 'no')
  if (refused.length) return result('concurrence', text, 'fail', `${refused.map(p => `${p.name} (${pct(p.share!)})`).join(', ')} did not agree`)
  const pending = needing.filter(p => p.concurrence !== 'yes')
  for (const p of pending) missing.push(`ports[${p.name}].concurrence`)
  const recorded = ports.reduce((sum, p) => sum + (p.share ?? 0), 0)
  const rankedTop = new Set(ports.map(p => p.rank).filter(r => r !== undefined && r <= TOP_PORTS)).size
  const unrecorded = Math.round((100 - recorded) * 100) / 100
  const incomplete = unrecorded >= MIN_PORT_SHARE && rankedTop < TOP_PORTS
  if (incomplete) missing.push('ports')
  const agreed = needing.filter(p => p.concurrence === 'yes')
    .map(p => `${p.name} (${pct(p.share!)}) agreed${p.concurrenceDate ? ` ${p.concurrenceDate}` : ''}`)
  if (missing.length) {
    const why = [
      ...(pending.length ? [`no agreement recorded from ${pending.map(p => `${p.name} (${pct(p.share!)})`).join(', ')}`] : []),
      ...(missing.some(m => m.endsWith('.share') || m.endsWith('.rank')) ? ['some ports lack their share or rank'] : []),
      ...(incomplete ? [`${pct(unrecorded)} of the account's imports are at ports not recorded, one of which may handle 15% or more`] : [])
    ]
    return result('concurrence', text, 'unknown', [...agreed, ...why].join('; '), [...new Set(missing)])
  }
  return result('concurrence', text, 'pass', agreed.length ? agreed.join('; ') : 'no other top-5 port handles 15% or more of the account\'s imports')
}

function pfiGoal (a: AccountSnapshot): CriterionResult {
  const text = 'Strive for accounts with more than 50% (by value) within a PFI (a goal, not a requirement)'
  const pfi = num(a.profile.pfiShare)
  const r = pfi === undefined
    ? result('pfi-goal', text, 'unknown', 'the share of imports within a PFI is not recorded', ['pfiShare'])
    : result('pfi-goal', text, pfi > PFI_THRESHOLD ? 'pass' : 'fail', `${pct(pfi)} of its imports are within a PFI`)
  return { ...r, advisory: true }
}

function nationalTop (a: AccountSnapshot): CriterionResult {
  const text = 'Within the top 379 accounts as ranked by value'
  const rank = num(a.profile.nationalRank)
  if (rank === undefined) return result('am-top-379', text, 'unknown', 'the national rank by value is not recorded', ['nationalRank'])
  return result('am-top-379', text, rank <= RESERVED_TOP_RANK ? 'pass' : 'fail', `ranked ${rank} nationally by value`)
}

function nationalPfi (a: AccountSnapshot): CriterionResult {
  const text = 'At least 50% of the account\'s imports within a PFI'
  const pfi = num(a.profile.pfiShare)
  if (pfi === undefined) return result('am-pfi', text, 'unknown', 'the share of imports within a PFI is not recorded', ['pfiShare'])
  return result('am-pfi', text, pfi >= PFI_THRESHOLD ? 'pass' : 'fail', `${pct(pfi)} of its imports are within a PFI`)
}

/** Evaluates the selection criteria; the basis defaults to the account's kind (port or national). */
export function checkEligibility (a: AccountSnapshot, basis: SelectionBasis = a.kind === 'national' ? 'national' : 'port'): EligibilityReport {
  const criteria = basis === 'national'
    ? [nationalTop(a), nationalPfi(a)]
    : [importValue(a), reservedTop(a), portTopFive(a), portShare(a), concurrence(a), pfiGoal(a)]
  const required = criteria.filter(c => !c.advisory)
  const overall: CriterionStatus = required.some(c => c.status === 'fail') ? 'fail' : required.some(c => c.status === 'unknown') ? 'unknown' : 'pass'
  return { basis, result: overall, criteria }
}

/**
 * The account: an importer (or group of importers) a Port Account Team or Account Manager manages, as the
 * SOP's Select and Establish stages define it — its IR#s, kind of management, lead and partner ports, SOP
 * stage, import value and duties, Primary Focus Industries, business categories, corporate structure,
 * locations, and related companies of relationship Types One to Four.
 */
import type { IsoDate } from './dates.js'
import type { EntityStamp, FieldKey, FieldSpec } from './fields.js'
import { InputError } from './errors.js'
import { parseIors } from './ior.js'
import { ASSESSMENT_LABELS, ASSESSMENT_STATUSES, type AssessmentStatus } from './assessment.js'

export const STAGES = ['select', 'establish', 'evaluate', 'improve', 'manage'] as const
export type Stage = typeof STAGES[number]
export const STAGE_LABELS: Record<Stage, string> = {
  select: 'Select', establish: 'Establish', evaluate: 'Evaluate', improve: 'Improve', manage: 'Manage'
}

/** Who manages the account: a full-time Account Manager (national account) or a Port Account Team. */
export const ACCOUNT_KINDS = ['port', 'national'] as const
export type AccountKind = typeof ACCOUNT_KINDS[number]
export const ACCOUNT_KIND_LABELS: Record<AccountKind, string> = {
  port: 'Port account (Port Account Team)', national: 'National account (full-time Account Manager)'
}

export const BUSINESS_CATEGORIES = [
  'importer', 'exporter', 'broker', 'carrier', 'manufacturer', 'warehouse', 'ftz', 'forwarder', 'other'
] as const

export type BusinessCategory = typeof BUSINESS_CATEGORIES[number]

/** The SOP's four types of relationship to companies outside the corporate structure. */
export const RELATIONSHIP_TYPES = ['1', '2', '3', '4'] as const
export type RelationshipType = typeof RELATIONSHIP_TYPES[number]
export const RELATIONSHIP_LABELS: Record<string, string> = {
  1: 'Type One — also does business directly with Customs (broker, carrier, warehouse, FTZ)',
  2: 'Type Two — may or may not deal with Customs (attorney, freight forwarder)',
  3: 'Type Three — most likely no direct Customs business (manufacturer, shipper, seller, buying agent)',
  4: 'Type Four — other U.S. Government agencies'
}

/** Fields kept in the workspace directory: what the accounts list shows and what must be unique. */
export const ACCOUNT_HEADER_FIELDS: readonly FieldSpec<FieldKey<AccountHeader>>[] = [
  { key: 'name', label: 'Name', kind: 'text', required: true },
  { key: 'iors', label: 'IR#s', kind: 'list' },
  { key: 'kind', label: 'Kind', kind: 'enum', values: ACCOUNT_KINDS, valueLabels: ACCOUNT_KIND_LABELS },
  { key: 'leadPort', label: 'Lead port', kind: 'text' },
  { key: 'stage', label: 'SOP stage', kind: 'enum', values: STAGES, valueLabels: STAGE_LABELS }
]

/** Fields of the account profile (the Establish and Evaluate stages). */
export const ACCOUNT_PROFILE_FIELDS: readonly FieldSpec<keyof AccountProfile>[] = [
  { key: 'partnerPorts', label: 'Partner ports', kind: 'list' },
  { key: 'address', label: 'Address', kind: 'text' },
  { key: 'importValue', label: 'Annual import value', kind: 'money' },
  { key: 'duties', label: 'Annual duties', kind: 'money' },
  { key: 'pfi', label: 'Primary Focus Industries', kind: 'list' },
  { key: 'categories', label: 'Business categories', kind: 'list', values: BUSINESS_CATEGORIES },
  { key: 'structure', label: 'Corporate structure', kind: 'longtext' },
  { key: 'notes', label: 'Notes', kind: 'longtext' },
  { key: 'profileReviewed', label: 'Profile last reviewed', kind: 'date', noun: 'profile review date' },
  // Selection (SOP, "Select an Account"): the national rank by value and the share of imports in a PFI decide
  // whether a top-379 account may still be a port account; per-port shares live in the `ports` collection.
  { key: 'nationalRank', label: 'National rank by import value', kind: 'int', min: 1, noun: 'national rank' },
  { key: 'pfiShare', label: 'Share of imports within a PFI', kind: 'percent' },
  // Establish, step 3: a change of the account definition must reach OST by the next of Mar 15, Jun 15,
  // Sep 15, Dec 15 to be in the next quarterly release of the Account Activity Program.
  { key: 'definitionChanged', label: 'Account definition last changed', kind: 'date', noun: 'date of the last account definition change' },
  { key: 'ostNotified', label: 'OST last notified of the account definition', kind: 'date', noun: 'OST notification date' },
  // Select, step 4 and Evaluate, step 3: a Compliance Assessment conducted or scheduled to begin soon spares
  // the questionnaire (assessment.ts).
  { key: 'assessment', label: 'Compliance Assessment', kind: 'enum', values: ASSESSMENT_STATUSES, valueLabels: ASSESSMENT_LABELS },
  { key: 'assessmentDate', label: 'Compliance Assessment date', kind: 'date', noun: 'Compliance Assessment date' }
]

export const ACCOUNT_FIELDS: readonly FieldSpec[] = [...ACCOUNT_HEADER_FIELDS, ...ACCOUNT_PROFILE_FIELDS]

export const RELATED_FIELDS: readonly FieldSpec<FieldKey<RelatedCompany>>[] = [
  { key: 'name', label: 'Company', kind: 'text', required: true },
  { key: 'type', label: 'Relationship type', kind: 'enum', values: RELATIONSHIP_TYPES, valueLabels: RELATIONSHIP_LABELS, required: true },
  { key: 'role', label: 'Role', kind: 'text' },
  { key: 'notes', label: 'Notes', kind: 'text' }
]

/** A partner port's concurrence with the lead port's selection of the account (SOP, Select, step 3). */
export const CONCURRENCE_VALUES = ['yes', 'no', 'pending'] as const
export type Concurrence = typeof CONCURRENCE_VALUES[number]
export const CONCURRENCE_LABELS: Record<Concurrence, string> = { yes: 'Agreed', no: 'Refused', pending: 'Pending' }

/**
 * The account's ports of entry by value (its top 5 at least, the lead port included): each port's share of
 * the account's imports by value, its rank among the account's ports, and — for the other ports — whether
 * its TCPO agreed that the lead port should select the account.
 */
export const PORT_FIELDS: readonly FieldSpec<FieldKey<AccountPort>>[] = [
  { key: 'name', label: 'Port', kind: 'text', required: true },
  { key: 'share', label: 'Share of the account\'s imports by value', kind: 'percent' },
  { key: 'rank', label: 'Rank among the account\'s ports by value', kind: 'int', min: 1 },
  { key: 'concurrence', label: 'Concurrence with the lead port', noun: 'concurrence', kind: 'enum', values: CONCURRENCE_VALUES, valueLabels: CONCURRENCE_LABELS },
  { key: 'concurrenceDate', label: 'Concurrence date', kind: 'date' },
  { key: 'contact', label: 'TCPO / contact', kind: 'text' },
  { key: 'notes', label: 'Notes', kind: 'text' }
]

/** The account's profile (ACCOUNT_PROFILE_FIELDS): every field optional, as an account starts empty. */
export type AccountProfile = {
  readonly partnerPorts?: readonly string[]
  readonly address?: string
  readonly importValue?: number
  readonly duties?: number
  readonly pfi?: readonly string[]
  readonly categories?: readonly BusinessCategory[]
  readonly structure?: string
  readonly notes?: string
  readonly profileReviewed?: IsoDate
  readonly nationalRank?: number
  readonly pfiShare?: number
  readonly definitionChanged?: IsoDate
  readonly ostNotified?: IsoDate
  readonly assessment?: AssessmentStatus
  readonly assessmentDate?: IsoDate
}

/** One of the account's ports of entry (PORT_FIELDS). */
export type AccountPort = EntityStamp & {
  readonly name: string
  readonly share?: number
  readonly rank?: number
  readonly concurrence?: Concurrence
  readonly concurrenceDate?: IsoDate
  readonly contact?: string
  readonly notes?: string
}

/** Ports in a stable order: by rank (unranked last), then by share (largest first), then by name and id. */
export function sortPorts<T extends { id: string, name: string, share?: unknown, rank?: unknown }> (ports: readonly T[]): T[] {
  const num = (v: unknown, dflt: number) => (typeof v === 'number' ? v : dflt)
  return [...ports].sort((a, b) =>
    num(a.rank, Infinity) - num(b.rank, Infinity) || num(b.share, -1) - num(a.share, -1) ||
    a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

/** The same port, however it was typed ("long beach" = "Long Beach"). */
export function samePort (a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}

/** The account as the workspace directory holds it (ACCOUNT_HEADER_FIELDS plus its stamps). */
export type AccountHeader = {
  readonly id: string
  readonly name: string
  readonly iors: readonly string[]
  readonly kind: AccountKind
  readonly leadPort: string
  readonly stage: Stage
  readonly archived: boolean
  readonly createdAt: string
  readonly createdBy: string
}

/** A company outside the corporate structure (RELATED_FIELDS), of relationship Type One to Four. */
export type RelatedCompany = EntityStamp & {
  readonly name: string
  readonly type: RelationshipType
  readonly role?: string
  readonly notes?: string
}

/**
 * Checks an account's IR#s against the rest of the workspace: each number belongs to one account.
 * `others` maps IR# → the name of the account that already uses it.
 */
export function checkIorsUnique (iors: readonly string[], others: ReadonlyMap<string, string>): string[] {
  const parsed = parseIors(iors)
  for (const ior of parsed) {
    const owner = others.get(ior)
    if (owner !== undefined) {
      throw new InputError(`IR# ${ior} already belongs to account "${owner}": an IR# can be in one account only`, 'iors')
    }
  }
  return parsed
}

/** A URL-safe slug of an account name, the readable part of its id. */
export function slugify (name: string, max = 24): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '')
  return slug || 'account'
}

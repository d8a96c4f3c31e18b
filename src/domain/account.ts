/**
 * The account: an importer (or group of importers) a Port Account Team or Account Manager manages, as the
 * SOP's Select and Establish stages define it — its IR#s, kind of management, lead and partner ports, SOP
 * stage, import value and duties, Primary Focus Industries, business categories, corporate structure,
 * locations, and related companies of relationship Types One to Four.
 */
import type { FieldSpec, FieldValue } from './fields.js'
import { InputError } from './errors.js'
import { parseIors } from './ior.js'

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

export const LOCATION_TYPES = ['headquarters', 'plant', 'warehouse', 'office', 'distribution', 'supplier', 'other'] as const

/** The SOP's four types of relationship to companies outside the corporate structure. */
export const RELATIONSHIP_TYPES = ['1', '2', '3', '4'] as const
export const RELATIONSHIP_LABELS: Record<string, string> = {
  1: 'Type One — also does business directly with Customs (broker, carrier, warehouse, FTZ)',
  2: 'Type Two — may or may not deal with Customs (attorney, freight forwarder)',
  3: 'Type Three — most likely no direct Customs business (manufacturer, shipper, seller, buying agent)',
  4: 'Type Four — other U.S. Government agencies'
}

/** Fields kept in the workspace directory: what the accounts list shows and what must be unique. */
export const ACCOUNT_HEADER_FIELDS: readonly FieldSpec[] = [
  { key: 'name', label: 'Name', kind: 'text', required: true },
  { key: 'iors', label: 'IR#s', kind: 'list' },
  { key: 'kind', label: 'Kind', kind: 'enum', values: ACCOUNT_KINDS, valueLabels: ACCOUNT_KIND_LABELS },
  { key: 'leadPort', label: 'Lead port', kind: 'text' },
  { key: 'stage', label: 'SOP stage', kind: 'enum', values: STAGES, valueLabels: STAGE_LABELS }
]

/** Fields of the account profile (the Establish and Evaluate stages). */
export const ACCOUNT_PROFILE_FIELDS: readonly FieldSpec[] = [
  { key: 'partnerPorts', label: 'Partner ports', kind: 'list' },
  { key: 'address', label: 'Address', kind: 'text' },
  { key: 'importValue', label: 'Annual import value', kind: 'money' },
  { key: 'duties', label: 'Annual duties', kind: 'money' },
  { key: 'pfi', label: 'Primary Focus Industries', kind: 'list' },
  { key: 'categories', label: 'Business categories', kind: 'list', values: BUSINESS_CATEGORIES },
  { key: 'structure', label: 'Corporate structure', kind: 'longtext' },
  { key: 'notes', label: 'Notes', kind: 'longtext' },
  { key: 'profileReviewed', label: 'Profile last reviewed', kind: 'date' }
]

export const ACCOUNT_FIELDS: readonly FieldSpec[] = [...ACCOUNT_HEADER_FIELDS, ...ACCOUNT_PROFILE_FIELDS]

export const LOCATION_FIELDS: readonly FieldSpec[] = [
  { key: 'type', label: 'Location type', kind: 'enum', values: LOCATION_TYPES, required: true },
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'address', label: 'Address', kind: 'text' },
  { key: 'country', label: 'Country', kind: 'text', required: true }
]

export const RELATED_FIELDS: readonly FieldSpec[] = [
  { key: 'name', label: 'Company', kind: 'text', required: true },
  { key: 'type', label: 'Relationship type', kind: 'enum', values: RELATIONSHIP_TYPES, valueLabels: RELATIONSHIP_LABELS, required: true },
  { key: 'role', label: 'Role', kind: 'text' },
  { key: 'notes', label: 'Notes', kind: 'text' }
]

export interface AccountHeader {
  id: string
  name: string
  iors: string[]
  kind: AccountKind
  leadPort: string
  stage: Stage
  archived: boolean
  createdAt: string
  createdBy: string
}

export interface Location { id: string, type: string, name?: string, address?: string, country: string }
export interface RelatedCompany { id: string, name: string, type: string, role?: string, notes?: string }

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

/** Normalises the IR# list of a header patch (validated format, no duplicates). */
export function normalizeIors (value: FieldValue | undefined): string[] {
  return Array.isArray(value) ? parseIors(value) : []
}

/** A URL-safe slug of an account name, the readable part of its id. */
export function slugify (name: string, max = 24): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '')
  return slug || 'account'
}

/**
 * The account's locations as the SOP defines them (Establish, "Identify Locations"): "a physical address,
 * postal address, telephone number, fax number or electronic mail such as an Internet address" — "any
 * means by which you might contact the account" — noting whether it is "a facility where Customs records
 * are stored, a distribution center, warehouse, billing address…", and "the reasons for their existence".
 *
 * A location has a type, and the type decides its fields: a place or an address has an address and a
 * country, a telephone location a phone number, a fax location a fax number, an electronic one an e-mail
 * or Internet address. Locations stored before types decided fields still read: every stored field is
 * kept (a phone location that once had a country keeps it), and a type this version does not know reads
 * as "other" with the stored word kept beside it.
 */
import { InputError } from './errors.js'
import type { EntityStamp, FieldKey, FieldSpec, FieldValue } from './fields.js'

/** Places (a physical address), in the order documents list them, then the other means of contact. */
export const LOCATION_TYPES = [
  'headquarters', 'plant', 'warehouse', 'office', 'distribution', 'records', 'supplier',
  'postal', 'billing', 'phone', 'fax', 'email', 'web', 'other'
] as const
export type LocationType = typeof LOCATION_TYPES[number]

export const LOCATION_TYPE_LABELS: Record<LocationType, string> = {
  headquarters: 'Headquarters',
  plant: 'Plant',
  warehouse: 'Warehouse',
  office: 'Office',
  distribution: 'Distribution center',
  records: 'Customs records storage',
  supplier: 'Supplier',
  postal: 'Postal address',
  billing: 'Billing address',
  phone: 'Telephone number',
  fax: 'Fax number',
  email: 'Electronic mail',
  web: 'Internet address',
  other: 'Other place'
}

export const LOCATION_FIELDS: readonly FieldSpec<FieldKey<Location>>[] = [
  { key: 'type', label: 'Location type', kind: 'enum', values: LOCATION_TYPES, required: true },
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'address', label: 'Address', kind: 'text' },
  { key: 'country', label: 'Country', kind: 'text' },
  { key: 'phone', label: 'Telephone number', kind: 'phone' },
  { key: 'fax', label: 'Fax number', kind: 'phone' },
  { key: 'email', label: 'E-mail address', kind: 'email', noun: 'e-mail address' },
  { key: 'url', label: 'Internet address', kind: 'text' },
  { key: 'reason', label: 'Why it exists', kind: 'text', noun: 'reason for the location' }
]

/** A location of the account (LOCATION_FIELDS); which fields it uses depends on its type. */
export type Location = EntityStamp & {
  readonly type: LocationType
  /** The type word as stored, when this version does not know it (the location reads as "other"). */
  readonly storedType?: string
  readonly name?: string
  readonly address?: string
  readonly country?: string
  readonly phone?: string
  readonly fax?: string
  readonly email?: string
  readonly url?: string
  readonly reason?: string
}

type LocationField = Exclude<FieldKey<Location>, 'type' | 'storedType'>

const PLACE = { fields: ['name', 'address', 'country', 'reason'], required: ['country'] } as const
const NEEDS: Record<LocationType, { fields: readonly LocationField[], required: readonly LocationField[] }> = {
  headquarters: PLACE,
  plant: PLACE,
  warehouse: PLACE,
  office: PLACE,
  distribution: PLACE,
  records: PLACE,
  supplier: PLACE,
  other: PLACE,
  postal: { fields: ['name', 'address', 'country', 'reason'], required: ['address', 'country'] },
  billing: { fields: ['name', 'address', 'country', 'reason'], required: ['address', 'country'] },
  phone: { fields: ['name', 'phone', 'reason'], required: ['phone'] },
  fax: { fields: ['name', 'fax', 'reason'], required: ['fax'] },
  email: { fields: ['name', 'email', 'reason'], required: ['email'] },
  web: { fields: ['name', 'url', 'reason'], required: ['url'] }
}

const isType = (v: unknown): v is LocationType => (LOCATION_TYPES as readonly unknown[]).includes(v)

/** The fields a location of this type has (its type first), as specs: what a form for it shows. */
export function locationSpecs (type: unknown): Array<FieldSpec<FieldKey<Location>>> {
  const needs = NEEDS[isType(type) ? type : 'other']
  return LOCATION_FIELDS.filter(s => s.key === 'type' || (needs.fields as readonly string[]).includes(s.key))
    .map(s => (needs.required as readonly string[]).includes(s.key) ? { ...s, required: true } : s)
}

const article = (label: string) => (/^[aeiou]/i.test(label) ? 'an' : 'a')

/**
 * Checks validated location fields against the type they will have: a field the type does not use is
 * refused, and the type's required fields must be there once the change is applied to `current` (the
 * stored location, on a change). Fields of an earlier type stay stored; they are only not asked for.
 */
export function checkLocation (values: Readonly<Record<string, FieldValue>>, current?: Partial<Location>): void {
  const type = (values.type ?? current?.type ?? 'other') as LocationType
  const { fields, required } = NEEDS[isType(type) ? type : 'other']
  const word = isType(type) ? type : 'other'
  const flags = (keys: readonly string[]) => keys.map(k => `--${k}`).join(', ')
  for (const [key, value] of Object.entries(values)) {
    if (key === 'type' || (fields as readonly string[]).includes(key) || value === null) continue
    const noun = LOCATION_FIELDS.find(s => s.key === key)!.label.toLowerCase()
    throw new InputError(`${article(word)} ${word} location has no ${noun}: leave --${key} out (it takes ${flags(fields)})`, key)
  }
  for (const key of required) {
    const now = key in values ? values[key] : current?.[key]
    if (now === undefined || now === null || now === '') {
      const noun = LOCATION_FIELDS.find(s => s.key === key)!.label.toLowerCase()
      throw new InputError(`${article(word)} ${word} location needs its ${noun}: add --${key}`, key)
    }
  }
}

/** A stored location as the record reads it: a type this version does not know reads as "other". */
export function migrateLocation<T extends { readonly type?: unknown }> (stored: T): T & { type: LocationType, storedType?: string } {
  if (isType(stored.type)) return stored as T & { type: LocationType }
  return { ...stored, type: 'other', ...(stored.type === undefined ? {} : { storedType: String(stored.type) }) }
}

/** One line for a location: its type's own fields, in spec order ("Telephone number: +1 555 0100"). */
export function locationText (l: Partial<Location>): string {
  const type = isType(l.type) ? l.type : 'other'
  const values = NEEDS[type].fields.filter(f => f !== 'name' && f !== 'reason').map(f => l[f]).filter(v => typeof v === 'string' && v !== '')
  return values.join(', ')
}

/** Places first (SOP order of types), then the other means of contact. */
export function locationTypeRank (type: unknown): number {
  const i = LOCATION_TYPES.indexOf(type as LocationType)
  return i < 0 ? LOCATION_TYPES.length : i
}

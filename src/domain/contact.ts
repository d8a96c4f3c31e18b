/**
 * Contacts: the Customs network / communication tree the team builds (Establish and Evaluate stages) and
 * the account's own points of contact, plus people at other agencies. The SOP asks for the account's POC
 * and the Customs contacts that make up the network; grouping by side keeps the two apart.
 */
import type { EntityStamp, FieldKey, FieldSpec } from './fields.js'

export const CONTACT_SIDES = ['customs', 'account', 'agency'] as const
export type ContactSide = typeof CONTACT_SIDES[number]
export const CONTACT_SIDE_LABELS: Record<ContactSide, string> = {
  customs: 'Customs network', account: 'Account points of contact', agency: 'Other agencies'
}

export const CONTACT_FIELDS: readonly FieldSpec<FieldKey<Contact>>[] = [
  { key: 'name', label: 'Name', kind: 'text', required: true },
  { key: 'side', label: 'Side', kind: 'enum', values: CONTACT_SIDES, valueLabels: CONTACT_SIDE_LABELS, required: true },
  { key: 'org', label: 'Organisation', kind: 'text' },
  { key: 'role', label: 'Role', kind: 'text' },
  { key: 'phone', label: 'Phone', kind: 'phone' },
  { key: 'email', label: 'Email', kind: 'email' },
  { key: 'notes', label: 'Notes', kind: 'text' }
]

/** One person (CONTACT_FIELDS), on the Customs side, the account's, or another agency's. */
export type Contact = EntityStamp & {
  readonly name: string
  readonly side: ContactSide
  readonly org?: string
  readonly role?: string
  readonly phone?: string
  readonly email?: string
  readonly notes?: string
}

/** Contacts grouped by side, in the SOP's order, each group sorted by name. */
export function groupContacts<T extends Pick<Contact, 'side' | 'name'>> (contacts: readonly T[]): Array<{ side: ContactSide, label: string, contacts: T[] }> {
  return CONTACT_SIDES.map(side => ({
    side,
    label: CONTACT_SIDE_LABELS[side],
    contacts: contacts.filter(c => c.side === side).sort((a, b) => a.name.localeCompare(b.name))
  })).filter(g => g.contacts.length > 0)
}

/**
 * Contacts as lines grouped the SOP's way — the Customs network, the account's points of contact, other
 * agencies — each contact one line: name, role, organisation, phone, email.
 */
import { groupContacts, type Contact } from '../../domain/index.js'

export type ContactLine =
  | { kind: 'heading', text: string }
  | { kind: 'contact', contact: Contact, text: string }

export function contactLines (contacts: readonly Contact[]): ContactLine[] {
  const out: ContactLine[] = []
  for (const g of groupContacts(contacts)) {
    out.push({ kind: 'heading', text: `${g.label} (${g.contacts.length})` })
    for (const c of g.contacts) out.push({ kind: 'contact', contact: c, text: contactText(c) })
  }
  return out
}

export function contactText (c: Contact): string {
  const role = [c.role, c.org].filter(Boolean).join(', ')
  return [c.name, role, c.phone, c.email].filter(Boolean).join(' · ')
}

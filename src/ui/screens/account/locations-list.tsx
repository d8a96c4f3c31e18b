/**
 * The account's locations (SOP, Identify Locations: "a physical address, postal address, telephone number,
 * fax number or electronic mail"), opened from the Profile tab: each with its type, name, the fields its
 * type has and why it exists. Adding asks for the type first, then only that type's fields.
 */
import { LOCATION_FIELDS, LOCATION_TYPE_LABELS, locationSpecs, locationText, type Location } from '../../../domain/index.js'
import type { AccountRecord } from '../../../store/index.js'
import { EntryList } from '../../components/entry-list.js'
import { useAppServices } from '../../contexts/app-context.js'

export function locationLine (l: Location): string {
  const detail = [l.name, locationText(l)].filter(Boolean).join(' — ')
  return `${LOCATION_TYPE_LABELS[l.type]}${detail ? `: ${detail}` : ''}${l.reason ? ` (${l.reason})` : ''}`
}

export function LocationsList ({ account, height, width, onClose }: { account: AccountRecord, height: number, width: number, onClose: () => void }) {
  const { store } = useAppServices()
  return (
    <EntryList
      title={`Locations of ${account.name}: places, postal and billing addresses, telephone, fax, e-mail`} noun='location'
      entries={account.locations} line={l => locationLine(l)} specsFor={l => locationSpecs(l.type)} chooseFirst={LOCATION_FIELDS[0]}
      accountId={account.id} fieldsOf={l => `locations.${l.id}`} height={height} width={width} onClose={onClose}
      add={values => store.locations.add(account.id, values)} set={(id, values) => store.locations.set(account.id, id, values)}
      remove={id => store.locations.remove(account.id, id)}
    />
  )
}

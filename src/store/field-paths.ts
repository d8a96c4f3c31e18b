/**
 * Where a field lives in an account document, named so that every replica names it alike: a path is
 * `profile`, `plan`, `checklist` or `<collection>/<entity id>` (a contact, plan item…), plus the key inside
 * that map. Conflicts (store/conflicts.ts) and field histories are recorded under these names.
 */
import * as Y from 'yjs'
import {
  ACCOUNT_HEADER_FIELDS, ACCOUNT_PROFILE_FIELDS, APPROVAL_FIELDS, CIP_FIELDS, CIP_STEP_FIELDS, CONTACT_FIELDS, EVENT_FIELDS, LOCATION_FIELDS, PLAN_FIELDS,
  PLAN_ITEM_FIELDS, PORT_FIELDS, RELATED_FIELDS, type FieldSpec
} from '../domain/index.js'
import { accountRoots, type AccountCollection } from './schema.js'

/** The field specs of each collection whose entries' plain fields can be in conflict. */
const COLLECTION_SPECS: Partial<Record<AccountCollection, { noun: string, label: string, specs: readonly FieldSpec[] }>> = {
  contacts: { noun: 'contact', label: 'name', specs: CONTACT_FIELDS },
  items: { noun: 'plan item', label: 'title', specs: PLAN_ITEM_FIELDS },
  locations: { noun: 'location', label: 'name', specs: LOCATION_FIELDS },
  related: { noun: 'related company', label: 'name', specs: RELATED_FIELDS },
  cips: { noun: 'CIP', label: 'deficiency', specs: CIP_FIELDS },
  events: { noun: 'event', label: 'title', specs: EVENT_FIELDS },
  approvals: { noun: 'approval', label: 'name', specs: APPROVAL_FIELDS },
  ports: { noun: 'port', label: 'name', specs: PORT_FIELDS },
  cipSteps: { noun: 'CIP action step', label: 'action', specs: CIP_STEP_FIELDS }
}

/**
 * `directory` names the account's entry in the workspace document's directory (name, kind, lead port,
 * stage): its conflicts are recorded in the account's document like the others (store/conflicts.ts).
 */
const ROOT_SPECS: Record<string, readonly FieldSpec[]> = { profile: ACCOUNT_PROFILE_FIELDS, plan: PLAN_FIELDS, directory: ACCOUNT_HEADER_FIELDS }

/** The specs of the map at `path` (undefined for the checklist, whose keys are item keys). */
export function specsAt (path: string): readonly FieldSpec[] | undefined {
  const root = ROOT_SPECS[path]
  if (root) return root
  const [collection] = path.split('/')
  return COLLECTION_SPECS[collection as AccountCollection]?.specs
}

/** The path of a map in an account document, if its fields are tracked (undefined otherwise). */
export function pathOf (type: Y.AbstractType<unknown> | Y.Map<unknown>): string | undefined {
  // A Yjs value: Y.Map<unknown> is an AbstractType<YMapEvent<unknown>>, which Yjs's event-handler typing keeps
  // from being an AbstractType<unknown>; only the type-independent _item and root key are read here.
  const map = type as unknown as Y.AbstractType<unknown>
  const item = map._item
  if (item === null) {
    const name = Y.findRootTypeKey(map)
    return name === 'profile' || name === 'plan' || name === 'checklist' ? name : undefined
  }
  const parent = item.parent as Y.AbstractType<unknown> | null
  if (!parent || parent._item !== null || item.parentSub === null) return undefined
  const collection = Y.findRootTypeKey(parent) as AccountCollection
  return COLLECTION_SPECS[collection] ? `${collection}/${item.parentSub}` : undefined
}

/** The map at `path`, if it (still) exists. */
export function mapAt (doc: Y.Doc, path: string): Y.Map<unknown> | undefined {
  const roots = accountRoots(doc)
  if (path === 'profile') return roots.profile
  if (path === 'plan') return roots.plan
  if (path === 'checklist') return roots.checklist
  const [collection, id] = path.split('/') as [AccountCollection, string | undefined]
  if (!COLLECTION_SPECS[collection] || !id) return undefined
  const map = roots.collection(collection).get(id)
  return map instanceof Y.Map ? map : undefined
}

/** The account id of a directory entry in the workspace document (undefined for any other map). */
export function directoryEntryOf (type: Y.AbstractType<unknown>): string | undefined {
  const item = type._item
  if (item === null || item.parentSub === null) return undefined
  const parent = item.parent as Y.AbstractType<unknown> | null
  return parent && parent._item === null && Y.findRootTypeKey(parent) === 'accounts' ? item.parentSub : undefined
}

/** Whether `key` of the map at `path` is a plain (last-writer-wins) field: the kind that can be in conflict. */
export function isPlainField (path: string, key: string): boolean {
  if (path === 'checklist') return true
  const spec = specsAt(path)?.find(s => s.key === key)
  return spec !== undefined && spec.kind !== 'list' && spec.kind !== 'longtext'
}

/** Whether `key` is a long text field (merged character by character). */
export function isLongText (path: string, key: string): boolean {
  return specsAt(path)?.find(s => s.key === key)?.kind === 'longtext'
}

/** How a person names the field: "Address", "plan item \"Audit\": Due", "Compliance B". */
export function fieldLabel (doc: Y.Doc, path: string, key: string): string {
  if (path === 'checklist') {
    const [area, letter] = key.split('.')
    return `${area === 'compliance' ? 'Compliance' : area === 'business' ? 'Business' : 'Requested'} ${letter ?? ''}`.trim()
  }
  const spec = specsAt(path)?.find(s => s.key === key)
  const label = spec?.label ?? key
  if (ROOT_SPECS[path]) return path === 'plan' ? `action plan: ${label}` : label
  const [collection] = path.split('/') as [AccountCollection]
  const kind = COLLECTION_SPECS[collection]!
  const name = mapAt(doc, path)?.get(kind.label)
  return `${kind.noun}${typeof name === 'string' ? ` "${name}"` : ''}: ${label}`
}

/** The field's name for scripts: `address`, `stage` (directory fields too), `plan.scope`, `checklist.compliance.B`, `items.<id>.due`. */
export function fieldName (path: string, key: string): string {
  if (path === 'profile' || path === 'directory') return key
  return `${path.replace('/', '.')}.${key}`
}

/** Whether a field name (fieldName's form) is a long text field. */
export function isLongTextName (field: string): boolean {
  const parts = field.split('.')
  if (parts.length === 1) return isLongText('profile', field)
  if (parts[0] === 'plan' && parts.length === 2) return isLongText('plan', parts[1]!)
  return parts.length === 3 && isLongText(`${parts[0]}/${parts[1]}`, parts[2]!)
}

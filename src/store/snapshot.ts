/**
 * Plain snapshots of the documents: what the CLI prints (`--json`) and the app renders. Every list has a
 * deterministic order (ties broken by id), so two replicas with the same state print identical JSON.
 */
import * as Y from 'yjs'
import {
  ACCOUNT_HEADER_FIELDS, ACCOUNT_PROFILE_FIELDS, APPROVAL_FIELDS, CIP_EXTENSION_FIELDS, CIP_FIELDS, CIP_STEP_FIELDS, CONTACT_FIELDS, LEGACY_CIP_FIELDS,
  EVENT_FIELDS, LOCATION_FIELDS, PLAN_FIELDS, PLAN_ITEM_FIELDS, PORT_FIELDS, RELATED_FIELDS,
  OTHER_ITEMS, checklistRows, conditionalPeriodEnd, legacySteps, migrateLocation, groupContacts, sortPlanItems, sortPorts,
  type AccountEvent, type AccountHeader, type AccountPort, type AccountProfile, type AccountRecord, type Approval, type ChecklistAnswer,
  type ChecklistRow, type Cip, type CipExtension, type CipStep, type Contact, type EntityStamp, type FieldKey, type FieldSpec, type Location, type PlanFields,
  type PlanItem, type RelatedCompany, type RequestedItem, type TaskMark
} from '../domain/index.js'
import { readFields, type YRecord } from './fields.js'
import { accountRoots, otherKey, type AccountCollection } from './schema.js'

export type { AccountRecord, Entity } from '../domain/index.js'

/**
 * The Yjs boundary: a map's fields, typed as the domain type whose specs they are read under. Every value
 * was stored by writeField after parseField checked it against these specs (on this replica or a peer's),
 * so each holds its spec's kind — the cast says so; `FieldSpec<keyof T>` keeps the specs naming T's fields.
 * Required fields are typed present because parseFields refuses to create an entity without them; the
 * domain rules still test each value before they use it.
 */
function typedFields<T> (map: YRecord, specs: readonly FieldSpec<keyof T & string>[]): T {
  return readFields(map, specs) as T
}

export function readHeader (id: string, map: YRecord): AccountHeader {
  const f = readFields(map, ACCOUNT_HEADER_FIELDS)
  return {
    id,
    name: String(f.name ?? '(unnamed)'),
    iors: (f.iors as string[] | undefined) ?? [],
    kind: (f.kind as AccountHeader['kind'] | undefined) ?? 'port',
    leadPort: String(f.leadPort ?? ''),
    stage: (f.stage as AccountHeader['stage'] | undefined) ?? 'select',
    archived: map.get('archived') === true,
    createdAt: String(map.get('createdAt') ?? ''),
    createdBy: String(map.get('createdBy') ?? '')
  }
}

/**
 * The entities of one collection, with their fields, creation stamps and id, ordered by creation; `T` is
 * the domain's type of one entry (Contact, PlanItem…), whose fields `specs` must name.
 */
export function readEntities<T extends EntityStamp> (doc: Y.Doc, name: AccountCollection, specs: readonly FieldSpec<FieldKey<T>>[]): T[] {
  const out: T[] = []
  for (const [id, map] of accountRoots(doc).collection(name).entries()) {
    if (!(map instanceof Y.Map)) continue
    // Its id and stamps around its typed fields make a T, which the compiler cannot see through Omit.
    out.push({ id, ...typedFields<Omit<T, keyof EntityStamp>>(map, specs), createdAt: String(map.get('createdAt') ?? ''), ...extra(map) } as T)
  }
  return out.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)) || a.id.localeCompare(b.id))
}

/** The stamps stored beside an entity's fields (who added it; when a plan item was completed). */
function extra (map: YRecord): { createdBy?: string, doneAt?: string } {
  const out: Record<string, unknown> = {}
  for (const key of ['createdBy', 'doneAt']) if (map.has(key)) out[key] = map.get(key)
  return out
}

export function readRequested (doc: Y.Doc): RequestedItem[] {
  return readEntities<RequestedItem>(doc, 'requested', [{ key: 'title', label: 'Title', kind: 'text' }])
}

export function readChecklist (doc: Y.Doc): ChecklistRow[] {
  const answers = new Map(accountRoots(doc).checklist.entries() as IterableIterator<[string, ChecklistAnswer]>)
  return checklistRows(answers, readRequested(doc), readOtherItems(doc))
}

/** What the team says the "Other" checklist items are: item key → text (schema.ts: `other:<key>` in the plan map). */
export function readOtherItems (doc: Y.Doc): Map<string, string> {
  const plan = accountRoots(doc).plan
  const out = new Map<string, string>()
  for (const key of OTHER_ITEMS) {
    const v = plan.get(otherKey(key))
    if (typeof v === 'string' && v !== '') out.set(key, v)
  }
  return out
}

export function readPlanItems (doc: Y.Doc): PlanItem[] {
  // An item made before `status` existed has none: it is open.
  const items: PlanItem[] = readEntities<Omit<PlanItem, 'status'> & Partial<Pick<PlanItem, 'status'>>>(doc, 'items', PLAN_ITEM_FIELDS)
    .map(i => ({ status: 'open', ...i }))
  return sortPlanItems(items)
}

export function readContacts (doc: Y.Doc): Contact[] {
  return groupContacts(readEntities<Contact>(doc, 'contacts', CONTACT_FIELDS))
    .flatMap(g => g.contacts)
}

export function readCips (doc: Y.Doc): Cip[] {
  const cips = accountRoots(doc).collection('cips')
  const steps = readCipSteps(doc)
  // A CIP made before `status` existed has none: it is a draft. One made before steps were entries has
  // its steps in one text (LEGACY_CIP_FIELDS): they read as steps, and the old fields are kept.
  type Stored = Omit<Cip, 'status' | 'extensions' | 'conditionalPeriodEnd' | 'steps'> & Partial<Pick<Cip, 'status'>>
  return readEntities<Stored>(doc, 'cips', [...CIP_FIELDS, ...LEGACY_CIP_FIELDS]).map(cip => {
    const ext = cips.get(cip.id)?.get('extensions')
    const extensions: CipExtension[] = ext instanceof Y.Map
      ? [...(ext as Y.Map<YRecord>).entries()].map(([id, m]) => ({ id, ...typedFields<Pick<CipExtension, 'until' | 'reason'>>(m, CIP_EXTENSION_FIELDS), grantedAt: String(m.get('grantedAt') ?? '') }))
          .sort((a, b) => a.grantedAt.localeCompare(b.grantedAt) || a.id.localeCompare(b.id))
      : []
    const end = conditionalPeriodEnd(cip.reportDate, extensions)
    const own = steps.get(cip.id) ?? []
    return { status: 'draft', ...cip, steps: own.length ? own : legacySteps(cip), extensions, ...(end ? { conditionalPeriodEnd: end } : {}) }
  })
}

/** The stored action steps of every CIP: CIP id → its steps, oldest first. */
export function readCipSteps (doc: Y.Doc): Map<string, CipStep[]> {
  const byCip = new Map<string, CipStep[]>()
  const maps = accountRoots(doc).collection('cipSteps')
  for (const step of readEntities<CipStep>(doc, 'cipSteps', CIP_STEP_FIELDS)) {
    const cip = maps.get(step.id)?.get('cip')
    if (typeof cip !== 'string') continue
    byCip.set(cip, [...(byCip.get(cip) ?? []), step])
  }
  return byCip
}

/**
 * The account's locations, by creation: every stored field kept, a type this version does not know read as
 * "other" (domain/location.ts).
 */
export function readLocations (doc: Y.Doc): Location[] {
  return readEntities<Location>(doc, 'locations', LOCATION_FIELDS).map(migrateLocation)
}

/** The account's ports: by rank, then share (largest first), then name and id. */
export function readPorts (doc: Y.Doc): AccountPort[] {
  return sortPorts(readEntities<AccountPort>(doc, 'ports', PORT_FIELDS))
}

/** The lifecycle tasks members marked, task id → mark, keys in sorted order (deterministic JSON). */
export function readTasks (doc: Y.Doc): Record<string, TaskMark> {
  const entries = [...accountRoots(doc).tasks.entries()] as Array<[string, TaskMark]>
  return Object.fromEntries(entries.filter(([, m]) => m && typeof m === 'object').sort(([a], [b]) => a.localeCompare(b)))
}

/** The whole account as one plain object: the shape of `pat account show --json`. */
export function readAccount (header: AccountHeader, doc: Y.Doc): AccountRecord {
  const roots = accountRoots(doc)
  return {
    ...header,
    profile: typedFields<AccountProfile>(roots.profile, ACCOUNT_PROFILE_FIELDS),
    locations: readLocations(doc),
    related: readEntities<RelatedCompany>(doc, 'related', RELATED_FIELDS),
    contacts: readContacts(doc),
    checklist: readChecklist(doc),
    plan: {
      ...typedFields<PlanFields>(roots.plan, PLAN_FIELDS),
      approvals: readEntities<Approval>(doc, 'approvals', APPROVAL_FIELDS),
      items: readPlanItems(doc)
    },
    cips: readCips(doc),
    events: readEntities<AccountEvent>(doc, 'events', EVENT_FIELDS).sort((a, b) => String(a.date).localeCompare(String(b.date)) || a.id.localeCompare(b.id)),
    ports: readPorts(doc),
    tasks: readTasks(doc)
  }
}

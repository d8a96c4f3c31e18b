/**
 * Plain snapshots of the documents: what the CLI prints (`--json`) and the app renders. Every list has a
 * deterministic order (ties broken by id), so two replicas with the same state print identical JSON.
 */
import * as Y from 'yjs'
import {
  ACCOUNT_HEADER_FIELDS, ACCOUNT_PROFILE_FIELDS, APPROVAL_FIELDS, CIP_EXTENSION_FIELDS, CIP_FIELDS, CONTACT_FIELDS,
  EVENT_FIELDS, LOCATION_FIELDS, PLAN_FIELDS, PLAN_ITEM_FIELDS, PORT_FIELDS, RELATED_FIELDS,
  checklistRows, conditionalPeriodEnd, groupContacts, sortPlanItems, sortPorts,
  type AccountHeader, type ChecklistAnswer, type ChecklistRow, type FieldSpec, type FieldValue, type PlanItem, type RequestedItem, type TaskMark
} from '../domain/index.js'
import { readFields, type YRecord } from './fields.js'
import { accountRoots, type AccountCollection } from './schema.js'

export type Entity = { id: string, createdAt?: string, createdBy?: string } & Record<string, FieldValue | undefined | unknown>

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

/** The entities of one collection, with their fields, creation stamps and id, ordered by creation. */
export function readEntities (doc: Y.Doc, name: AccountCollection, specs: readonly FieldSpec[]): Entity[] {
  const out: Entity[] = []
  for (const [id, map] of accountRoots(doc).collection(name).entries()) {
    if (!(map instanceof Y.Map)) continue
    out.push({ id, ...readFields(map, specs), createdAt: String(map.get('createdAt') ?? ''), ...extra(map) })
  }
  return out.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)) || a.id.localeCompare(b.id))
}

function extra (map: YRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of ['createdBy', 'doneAt']) if (map.has(key)) out[key] = map.get(key)
  return out
}

export function readRequested (doc: Y.Doc): RequestedItem[] {
  return readEntities(doc, 'requested', [{ key: 'title', label: 'Title', kind: 'text' }]) as unknown as RequestedItem[]
}

export function readChecklist (doc: Y.Doc): ChecklistRow[] {
  const answers = new Map(accountRoots(doc).checklist.entries() as IterableIterator<[string, ChecklistAnswer]>)
  return checklistRows(answers, readRequested(doc))
}

export function readPlanItems (doc: Y.Doc): PlanItem[] {
  const items = readEntities(doc, 'items', PLAN_ITEM_FIELDS).map(i => ({ status: 'open', ...i })) as unknown as PlanItem[]
  return sortPlanItems(items)
}

export function readContacts (doc: Y.Doc): Entity[] {
  return groupContacts(readEntities(doc, 'contacts', CONTACT_FIELDS) as Array<Entity & { side: 'customs', name: string }>)
    .flatMap(g => g.contacts)
}

export function readCips (doc: Y.Doc): Entity[] {
  const cips = accountRoots(doc).collection('cips')
  return readEntities(doc, 'cips', CIP_FIELDS).map(cip => {
    const ext = cips.get(cip.id)?.get('extensions')
    const extensions = ext instanceof Y.Map
      ? [...(ext as Y.Map<YRecord>).entries()].map(([id, m]) => ({ id, ...readFields(m, CIP_EXTENSION_FIELDS), grantedAt: String(m.get('grantedAt') ?? '') }))
        .sort((a, b) => a.grantedAt.localeCompare(b.grantedAt) || a.id.localeCompare(b.id))
      : []
    const end = conditionalPeriodEnd(cip.reportDate as string | undefined, extensions as unknown as Array<{ until: string }>)
    return { status: 'draft', ...cip, extensions, ...(end ? { conditionalPeriodEnd: end } : {}) }
  })
}

/** The account's ports: by rank, then share (largest first), then name and id. */
export function readPorts (doc: Y.Doc): Entity[] {
  return sortPorts(readEntities(doc, 'ports', PORT_FIELDS) as Array<Entity & { name: string }>)
}

/** The lifecycle tasks members marked, task id → mark, keys in sorted order (deterministic JSON). */
export function readTasks (doc: Y.Doc): Record<string, TaskMark> {
  const entries = [...accountRoots(doc).tasks.entries()] as Array<[string, TaskMark]>
  return Object.fromEntries(entries.filter(([, m]) => m && typeof m === 'object').sort(([a], [b]) => a.localeCompare(b)))
}

/** The whole account as one plain object: the shape of `pat account show --json`. */
export function readAccount (header: AccountHeader, doc: Y.Doc) {
  const roots = accountRoots(doc)
  return {
    ...header,
    profile: readFields(roots.profile, ACCOUNT_PROFILE_FIELDS),
    locations: readEntities(doc, 'locations', LOCATION_FIELDS),
    related: readEntities(doc, 'related', RELATED_FIELDS),
    contacts: readContacts(doc),
    checklist: readChecklist(doc),
    plan: {
      ...readFields(roots.plan, PLAN_FIELDS),
      approvals: readEntities(doc, 'approvals', APPROVAL_FIELDS),
      items: readPlanItems(doc)
    },
    cips: readCips(doc),
    events: readEntities(doc, 'events', EVENT_FIELDS).sort((a, b) => String(a.date).localeCompare(String(b.date)) || a.id.localeCompare(b.id)),
    ports: readPorts(doc),
    tasks: readTasks(doc)
  }
}

export type AccountRecord = ReturnType<typeof readAccount>

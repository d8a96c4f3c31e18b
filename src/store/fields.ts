/**
 * How each kind of field (domain/fields.ts) is stored in a Y.Map, and read back:
 * - longtext → a nested Y.Text, edited by minimal diff so concurrent edits to one paragraph merge;
 * - list → one key per member in the same map, `<field>\u001f<value>` (value = when it was added, for a
 *   stable order), so two members adding different IR#s or ports offline both keep theirs;
 * - everything else → a plain value, last writer wins per field; null deletes the field.
 *
 * Nested containers are the trap: if two replicas each create a Y.Text under the same key, one of them
 * wins and the other's text is lost. So lists use no container at all, and every Y.Text is created
 * together with the map that holds it (initContainers), by one replica, before anyone edits it.
 */
import * as Y from 'yjs'
import { formatField, type FieldChange, type FieldSpec, type FieldValue } from '../domain/index.js'
import { setText } from './text.js'
import { fieldName, pathOf } from './field-paths.js'

export type YRecord = Y.Map<unknown>

const SEP = '\u001f'

function listEntries (map: YRecord, key: string): Array<[string, string]> {
  const prefix = key + SEP
  const out: Array<[string, string]> = []
  for (const [k, v] of map.entries()) if (k.startsWith(prefix)) out.push([k.slice(prefix.length), String(v)])
  return out.sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]))
}

export function readField (map: YRecord, spec: FieldSpec): FieldValue | undefined {
  if (spec.kind === 'list') {
    const entries = listEntries(map, spec.key)
    return entries.length ? entries.map(([v]) => v) : undefined
  }
  const raw = map.get(spec.key)
  if (raw === undefined) return undefined
  if (spec.kind === 'longtext') return raw instanceof Y.Text ? raw.toString() : String(raw)
  return raw as FieldValue
}

/** Reads the given fields into a plain object, leaving out fields that are unset or empty. */
export function readFields (map: YRecord, specs: readonly FieldSpec[]): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {}
  for (const spec of specs) {
    const v = readField(map, spec)
    if (v !== undefined && v !== null && v !== '') out[spec.key] = v
  }
  return out
}

let recording: FieldChange[] | undefined

/** Runs `fn`, collecting the field changes written meanwhile (Workspace.edit puts them in the log entry). */
export function recordFieldChanges<T> (fn: () => T): { result: T, changes: FieldChange[] } {
  const outer = recording
  const changes: FieldChange[] = []
  recording = changes
  try {
    return { result: fn(), changes }
  } finally {
    recording = outer
  }
}

/** Notes a change written without writeField (a checklist answer, a completed item). */
export function noteFieldChange (change: FieldChange): void {
  recording?.push(change)
}

/** The field's name for scripts: `address`, `stage` (directory fields too), `plan.scope`, `items.<id>.due`. */
function nameOf (map: YRecord, key: string): string {
  const path = pathOf(map)
  return path ? fieldName(path, key) : key
}

/**
 * Notes a change for the log entry. Long text keeps no values there (the log keeps every entry for ever,
 * and a paragraph a day would grow it by the paragraph twice): its history says who edited it when.
 */
function note (map: YRecord, spec: FieldSpec, before: FieldValue | undefined, after: FieldValue | undefined): void {
  if (!recording) return
  if (spec.kind === 'longtext') { recording.push({ field: nameOf(map, spec.key), label: spec.label }); return }
  const from = before === undefined || before === null || before === '' ? undefined : formatField(spec, before)
  const to = after === undefined || after === null || after === '' ? undefined : formatField(spec, after)
  recording.push({ field: nameOf(map, spec.key), label: spec.label, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) })
}

/**
 * Writes one field and returns a description of the change ("Lead port: LA → Long Beach"), or undefined
 * when the value did not change. `now` stamps list members (their order).
 */
export function writeField (map: YRecord, spec: FieldSpec, value: FieldValue, now = new Date().toISOString()): string | undefined {
  const before = readField(map, spec)
  if (spec.kind === 'longtext') {
    let text = map.get(spec.key)
    if (!(text instanceof Y.Text)) { text = new Y.Text(); map.set(spec.key, text) } // only for maps made before initContainers
    if (!setText(text as Y.Text, String(value ?? ''))) return undefined
    note(map, spec, before, value)
    return `${spec.label} edited`
  }
  if (spec.kind === 'list') {
    const current = listEntries(map, spec.key).map(([v]) => v)
    const next = (value as string[] | null) ?? []
    const removed = current.filter(k => !next.includes(k))
    const added = next.filter(k => !current.includes(k))
    removed.forEach(k => map.delete(spec.key + SEP + k))
    added.forEach((k, i) => map.set(spec.key + SEP + k, `${now}#${String(i).padStart(4, '0')}`))
    if (!removed.length && !added.length) return undefined
    note(map, spec, before, next)
    return [added.length ? `${spec.label} + ${added.join(', ')}` : '', removed.length ? `${spec.label} − ${removed.join(', ')}` : '']
      .filter(Boolean).join('; ')
  }
  if (value === null) {
    if (before === undefined) return undefined
    map.delete(spec.key)
    note(map, spec, before, undefined)
    return `${spec.label} cleared (was ${formatField(spec, before)})`
  }
  if (before === value) return undefined
  map.set(spec.key, value)
  note(map, spec, before, value)
  return before === undefined || before === null
    ? `${spec.label}: ${formatField(spec, value)}`
    : `${spec.label}: ${formatField(spec, before)} → ${formatField(spec, value)}`
}

/** Writes every given field; returns the list of change descriptions. */
export function writeFields (map: YRecord, specs: readonly FieldSpec[], values: Record<string, FieldValue>, now?: string): string[] {
  const changes: string[] = []
  for (const spec of specs) {
    if (!(spec.key in values)) continue
    const c = writeField(map, spec, values[spec.key]!, now)
    if (c) changes.push(c)
  }
  return changes
}

/**
 * Creates the nested containers a new map needs — a Y.Text per longtext field and the named child maps —
 * in the same transaction that creates the map, so no two replicas ever race to create them.
 */
export function initContainers (map: YRecord, specs: readonly FieldSpec[], childMaps: readonly string[] = []): void {
  for (const spec of specs) if (spec.kind === 'longtext' && !map.has(spec.key)) map.set(spec.key, new Y.Text())
  for (const key of childMaps) if (!map.has(key)) map.set(key, new Y.Map())
}

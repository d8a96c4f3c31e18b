/**
 * How each kind of field (domain/fields.ts) is stored in a Y.Map, and read back:
 * - longtext → a nested Y.Text, edited by minimal diff so concurrent edits to one paragraph merge;
 * - list → a nested Y.Map used as a set (value = when the entry was added, for a stable order), so two
 *   members adding different IR#s or ports offline both keep theirs;
 * - everything else → a plain value, last writer wins per field; null deletes the field.
 */
import * as Y from 'yjs'
import { formatField, type FieldSpec, type FieldValue } from '../domain/index.js'
import { setText } from './text.js'

export type YRecord = Y.Map<unknown>

export function readField (map: YRecord, spec: FieldSpec): FieldValue | undefined {
  const raw = map.get(spec.key)
  if (raw === undefined) return undefined
  if (spec.kind === 'longtext') return raw instanceof Y.Text ? raw.toString() : String(raw)
  if (spec.kind === 'list') {
    if (!(raw instanceof Y.Map)) return []
    return [...(raw as Y.Map<string>).entries()]
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])) || a[0].localeCompare(b[0]))
      .map(([k]) => k)
  }
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

/**
 * Writes one field and returns a description of the change ("Lead port: LA → Long Beach"), or undefined
 * when the value did not change.
 */
export function writeField (map: YRecord, spec: FieldSpec, value: FieldValue): string | undefined {
  const before = readField(map, spec)
  if (spec.kind === 'longtext') {
    let text = map.get(spec.key)
    if (!(text instanceof Y.Text)) { text = new Y.Text(); map.set(spec.key, text) }
    return setText(text as Y.Text, String(value ?? '')) ? `${spec.label} edited` : undefined
  }
  if (spec.kind === 'list') {
    let set = map.get(spec.key) as Y.Map<string> | undefined
    if (!(set instanceof Y.Map)) { set = new Y.Map<string>(); map.set(spec.key, set) }
    const next = (value as string[] | null) ?? []
    const removed = [...set.keys()].filter(k => !next.includes(k))
    const added = next.filter(k => !set!.has(k))
    removed.forEach(k => set!.delete(k))
    const now = new Date().toISOString()
    added.forEach((k, i) => set!.set(k, `${now}#${String(i).padStart(4, '0')}`))
    if (!removed.length && !added.length) return undefined
    return [added.length ? `${spec.label} + ${added.join(', ')}` : '', removed.length ? `${spec.label} − ${removed.join(', ')}` : '']
      .filter(Boolean).join('; ')
  }
  if (value === null) {
    if (before === undefined) return undefined
    map.delete(spec.key)
    return `${spec.label} cleared (was ${formatField(spec, before)})`
  }
  if (before === value) return undefined
  map.set(spec.key, value)
  return before === undefined || before === null
    ? `${spec.label}: ${formatField(spec, value)}`
    : `${spec.label}: ${formatField(spec, before)} → ${formatField(spec, value)}`
}

/** Writes every given field; returns the list of change descriptions. */
export function writeFields (map: YRecord, specs: readonly FieldSpec[], values: Record<string, FieldValue>): string[] {
  const changes: string[] = []
  for (const spec of specs) {
    if (!(spec.key in values)) continue
    const c = writeField(map, spec, values[spec.key]!)
    if (c) changes.push(c)
  }
  return changes
}

/** A child Y.Map of `parent` under `key`, created when missing. */
export function childMap (parent: YRecord, key: string): YRecord {
  let m = parent.get(key)
  if (!(m instanceof Y.Map)) { m = new Y.Map(); parent.set(key, m) }
  return m as YRecord
}

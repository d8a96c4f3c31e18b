/**
 * Field specifications: what each editable field of an entity is (its kind, label, allowed values, whether
 * it is required) and one validator for all of them. The CLI builds its options from these specs, the app
 * builds its forms from them, and the store maps each kind to a storage shape — so a field is described once.
 */
import { parseDate } from './dates.js'
import { InputError } from './errors.js'

export type FieldKind =
  | 'text' // one line
  | 'longtext' // paragraphs that several people may edit at once (merged character by character)
  | 'date' // a calendar date, YYYY-MM-DD
  | 'enum' // one of `values`
  | 'money' // a non-negative amount in US dollars
  | 'percent' // 0–100
  | 'int' // a non-negative whole number
  | 'email'
  | 'phone'
  | 'list' // a set of short strings; concurrent additions by different people all survive

/**
 * One field of an entity. `K` names the entity's fields (`FieldSpec<FieldKey<PlanItem>>`), so a spec for a
 * field the entity's type does not have — a renamed field — fails to compile.
 */
export interface FieldSpec<K extends string = string> {
  readonly key: K
  readonly label: string
  readonly kind: FieldKind
  readonly values?: readonly string[]
  readonly required?: boolean
  /** For whole numbers: the smallest allowed (default 0; a rank starts at 1). */
  readonly min?: number
  /** For enums: a label per value, for display. */
  readonly valueLabels?: Readonly<Record<string, string>>
  /**
   * How a message names the value when the label does not read as a noun in a sentence ("Extended until"
   * → "extension date"): `invalid extension date "2026-02-30": no such calendar day`.
   */
  readonly noun?: string
}

/** The field's name inside a sentence: its noun, else its label with a capital first letter lowered (not an acronym's). */
export function fieldNoun (spec: FieldSpec): string {
  if (spec.noun) return spec.noun
  return /^[A-Z][a-z]/.test(spec.label) ? spec.label[0]!.toLowerCase() + spec.label.slice(1) : spec.label
}

const required = (spec: FieldSpec) => {
  const noun = fieldNoun(spec)
  return new InputError(`${noun[0]!.toUpperCase()}${noun.slice(1)} is required`, spec.key)
}

export type FieldValue = string | number | readonly string[] | null

/** What every stored entity carries besides its fields: its id and when and by whom it was added. */
export type EntityStamp = { readonly id: string, readonly createdAt: string, readonly createdBy?: string }

/** The names of an entity's own fields: what its field specs may name. */
export type FieldKey<T> = Exclude<keyof T & string, keyof EntityStamp>

/** Any entity, seen through its field specs (forms, tables, the activity log's details): fields by key. */
export type Entity = EntityStamp & { readonly [field: string]: unknown }
export type FieldInput = Record<string, unknown>

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^[+()\d][\d\s().+\-/x]{5,}$/i
const MONEY = /^\$?\s*(\d[\d,]*(?:\.\d+)?)\s*([kmb])?$/i
const MULTIPLIER: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 }

/** Validates one field's raw value (a CLI string, a form string, or a typed value); null clears it. */
export function parseField (spec: FieldSpec, raw: unknown): FieldValue {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '' && spec.kind !== 'longtext')) {
    if (spec.required) throw required(spec)
    return spec.kind === 'list' ? [] : null
  }
  const text = typeof raw === 'string' ? raw.trim() : raw
  switch (spec.kind) {
    case 'text': return String(text)
    case 'longtext': return String(raw)
    case 'date': return parseDate(String(text), fieldNoun(spec), spec.key)
    case 'enum': return parseEnum(spec, String(text))
    case 'money': return parseAmount(spec, text, Infinity)
    case 'percent': return parseAmount(spec, typeof text === 'string' ? text.replace(/%$/, '') : text, 100)
    case 'int': return parseWhole(spec, text)
    case 'email':
      if (!EMAIL.test(String(text))) throw new InputError(`invalid ${fieldNoun(spec)} "${String(text)}": write it like name@example.com`, spec.key)
      return String(text)
    case 'phone':
      if (!PHONE.test(String(text))) throw new InputError(`invalid ${fieldNoun(spec)} "${String(text)}": use digits, spaces and + ( ) - x only`, spec.key)
      return String(text)
    case 'list': return parseList(spec, raw)
  }
}

/** Validates every present field of `input` against `specs`; on create, required fields must be present. */
export function parseFields (specs: readonly FieldSpec[], input: FieldInput, mode: 'create' | 'patch'): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {}
  for (const key of Object.keys(input)) {
    if (!specs.some(s => s.key === key)) throw new InputError(`unknown field "${key}"`, key)
  }
  for (const spec of specs) {
    if (spec.key in input && input[spec.key] !== undefined) out[spec.key] = parseField(spec, input[spec.key])
    else if (mode === 'create' && spec.required) throw required(spec)
  }
  return out
}

function parseEnum (spec: FieldSpec, text: string): string {
  const values = spec.values ?? []
  const wanted = text.toLowerCase()
  const hit = values.find(v => v.toLowerCase() === wanted) ??
    values.find(v => spec.valueLabels?.[v]?.toLowerCase() === wanted)
  if (hit === undefined) {
    throw new InputError(`invalid ${fieldNoun(spec)} "${text}": use one of ${values.join(', ')}`, spec.key)
  }
  return hit
}

function parseAmount (spec: FieldSpec, raw: unknown, max: number): number {
  let n: number
  if (typeof raw === 'number') n = raw
  else {
    const m = MONEY.exec(String(raw))
    n = m ? Number(m[1]!.replace(/,/g, '')) * (m[2] ? MULTIPLIER[m[2].toLowerCase()]! : 1) : NaN
  }
  if (Number.isFinite(n) && n > Number.MAX_SAFE_INTEGER) {
    throw new InputError(`${spec.label.toLowerCase()} "${String(raw)}" is too large: at most ${Number.MAX_SAFE_INTEGER} (larger numbers would be rounded)`, spec.key)
  }
  if (!Number.isFinite(n) || n < 0 || n > max) {
    const range = max === 100 ? 'a number from 0 to 100' : 'a non-negative number, e.g. 12000000 or 12M'
    throw new InputError(`invalid ${fieldNoun(spec)} "${String(raw)}": use ${range}`, spec.key)
  }
  return n
}

/** A whole number from spec.min (default 0) up to 2^53 − 1, beyond which it could not be stored exactly. */
function parseWhole (spec: FieldSpec, raw: unknown): number {
  const min = spec.min ?? 0
  const text = String(raw).replace(/,/g, '')
  const n = typeof raw === 'number' ? raw : /^[+-]?\d+$/.test(text) ? Number(text) : NaN
  const range = `a whole number from ${min}${min > 0 ? ' (1 is the first)' : ''}`
  if (!Number.isInteger(n)) throw new InputError(`invalid ${fieldNoun(spec)} "${String(raw)}": use ${range}`, spec.key)
  if (n < min) throw new InputError(`${fieldNoun(spec)} ${String(raw)} is below ${min}: use ${range}`, spec.key)
  if (!Number.isSafeInteger(n)) throw new InputError(`${fieldNoun(spec)} ${String(raw)} is too large: at most ${Number.MAX_SAFE_INTEGER}`, spec.key)
  return n
}

function parseList (spec: FieldSpec, raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw.map(String) : String(raw).split(',')
  const out: string[] = []
  for (const item of items.map(s => s.trim()).filter(Boolean)) {
    const value = spec.values ? parseEnum(spec, item) : item
    if (!out.includes(value)) out.push(value)
  }
  return out
}

/** The display form of a stored field value. */
export function formatField (spec: FieldSpec, value: FieldValue | undefined): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(v => spec.valueLabels?.[v] ?? v).join(', ')
  if (spec.kind === 'money' && typeof value === 'number') return '$' + value.toLocaleString('en-US')
  if (spec.kind === 'percent') return `${value}%`
  if (spec.kind === 'enum') return spec.valueLabels?.[String(value)] ?? String(value)
  return String(value)
}

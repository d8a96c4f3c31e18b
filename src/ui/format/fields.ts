/**
 * Field values between the store and a form: the text a field is edited as (enum values raw, lists comma
 * separated, amounts as plain numbers), the display text, which fields a form changed, and where an
 * InputError belongs (its `field` is a spec key, or for dates the field's label in lower case).
 */
import { formatField, type FieldSpec, type FieldValue } from '../../domain/index.js'

export function editText (_spec: FieldSpec, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.join(', ')
  return String(value)
}

export function displayText (spec: FieldSpec, value: unknown): string {
  return formatField(spec, (value ?? null) as FieldValue)
}

/** Each spec's edit text from an entity (a plain snapshot object). */
export function entityTexts (specs: readonly FieldSpec[], entity: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(specs.map(s => [s.key, editText(s, entity?.[s.key])]))
}

/** The fields whose text differs from the initial text: what a form sends. */
export function changedFields (specs: readonly FieldSpec[], initial: Record<string, string>, values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const s of specs) if ((values[s.key] ?? '') !== (initial[s.key] ?? '')) out[s.key] = values[s.key] ?? ''
  return out
}

/** For an add form: the fields with text (required ones always, so the message names them). */
export function filledFields (specs: readonly FieldSpec[], values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const s of specs) if ((values[s.key] ?? '').trim() !== '' || s.required) out[s.key] = values[s.key] ?? ''
  return out
}

/** The spec an InputError's `field` names, if any. */
export function specForError (specs: readonly FieldSpec[], field: string | undefined): FieldSpec | undefined {
  if (!field) return undefined
  const f = field.toLowerCase()
  return specs.find(s => s.key.toLowerCase() === f || s.label.toLowerCase() === f)
}

/** A short hint of what a field takes, shown while it is being edited. */
export function fieldHint (spec: FieldSpec): string {
  switch (spec.kind) {
    case 'date': return 'YYYY-MM-DD'
    case 'enum': return (spec.values ?? []).join(' | ')
    case 'list': return spec.values ? `comma-separated: ${spec.values.join(', ')}` : 'comma-separated'
    case 'money': return 'US$, e.g. 12000000 or 12M'
    case 'percent': return '0–100'
    case 'int': return 'a whole number'
    case 'email': return 'name@example.com'
    default: return spec.required ? 'required' : ''
  }
}

/**
 * The state of a form built from field specs: the text of each field, which one has the cursor, and the
 * errors shown beside fields. Each field is checked with the domain's own validator when the cursor
 * leaves it and again on Enter; the store action runs only when every field is valid, and an InputError
 * it throws lands beside the field it names.
 */
import { useRef, useState } from 'react'
import { InputError, parseField, type FieldSpec } from '../../domain/index.js'
import { specForError } from '../format/fields.js'
import type { LineState } from '../keys/text-edit.js'
import type { TextTarget } from '../keys/use-commands.js'
import { useFieldText } from './use-field-text.js'

export interface FormState {
  values: Record<string, string>
  focus: number
  errors: Record<string, string>
  /** An error that names no field. */
  general: string | undefined
  text: TextTarget & { state: LineState }
  next: () => void
  prev: () => void
  /** Validates everything; returns the values when valid. */
  validate: () => Record<string, string> | undefined
  /** Puts an InputError beside its field (or in `general`). */
  showError: (err: InputError) => void
}

export function checkField (spec: FieldSpec, text: string): string | undefined {
  try {
    parseField(spec, text)
    return undefined
  } catch (err) {
    if (err instanceof InputError) return err.message
    throw err
  }
}

/** Every field's error, by key: the fields whose text their spec does not take. */
export function checkAll (specs: readonly FieldSpec[], values: Record<string, string>): Record<string, string> {
  const found: Record<string, string> = {}
  for (const spec of specs) {
    const msg = checkField(spec, values[spec.key] ?? '')
    if (msg) found[spec.key] = msg
  }
  return found
}

export function useForm (specs: readonly FieldSpec[], initial: Record<string, string>): FormState {
  const [focus, setFocus] = useState(0)
  const focusRef = useRef(0)
  const { values, text } = useFieldText(specs, initial, focus, focusRef)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [general, setGeneral] = useState<string | undefined>()

  const focusOn = (i: number) => { focusRef.current = i; setFocus(i) }
  const checkOne = (i: number) => {
    const spec = specs[i]
    if (!spec) return
    const msg = checkField(spec, values.current[spec.key] ?? '')
    setErrors(e => {
      const { [spec.key]: _old, ...rest } = e
      return msg ? { ...rest, [spec.key]: msg } : rest
    })
  }
  const move = (delta: number) => {
    const from = focusRef.current
    checkOne(from)
    focusOn(Math.max(0, Math.min(specs.length - 1, from + delta)))
  }

  return {
    values: values.current,
    focus,
    errors,
    general,
    text,
    next: () => move(1),
    prev: () => move(-1),
    validate: () => {
      const found = checkAll(specs, values.current)
      setErrors(found)
      setGeneral(undefined)
      const first = specs.findIndex(s => found[s.key])
      if (first >= 0) { focusOn(first); return undefined }
      return { ...values.current }
    },
    showError: (err: InputError) => {
      const spec = specForError(specs, err.field)
      if (spec) {
        setErrors(e => ({ ...e, [spec.key]: err.message }))
        focusOn(specs.indexOf(spec))
      } else setGeneral(err.message)
    }
  }
}

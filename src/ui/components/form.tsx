/**
 * A form built from field specs (contacts, plan items, CIPs, a new account): one line per field, label
 * and value, the field with the cursor editable; errors and teammates' changes beside the field they
 * concern; the focused field's format hint and the keys at the bottom. Fields scroll when the form is
 * taller than the screen.
 */
import { Box } from 'ink'
import { Text } from './text.js'
import type { FieldSpec } from '../../domain/index.js'
import { fieldHint } from '../format/fields.js'
import { firstVisible } from '../format/window.js'
import { textWidth, truncate } from '../format/cells.js'
import type { LineState } from '../keys/text-edit.js'
import { wrapText } from '../format/text.js'
import { useAction } from '../hooks/use-action.js'
import { useForm } from '../hooks/use-form.js'
import { useCommands } from '../keys/use-commands.js'
import { useTheme } from '../theme/context.js'
import { FieldNote, noteLines } from './field-note.js'
import { TextInput } from './text-input.js'

export interface FormProps {
  title: string
  /** Text under the title, wrapped whole (a path must not be cut). */
  intro?: string
  specs: readonly FieldSpec[]
  initial: Record<string, string>
  /** The values stored now (edit forms): a field that changes here while the form is open is pointed out. */
  current?: Record<string, string> | undefined
  remote?: boolean
  /** Keys of the fields in conflict (a merge replaced a teammate's value): marked `!` in the conflict token. */
  conflicts?: ReadonlySet<string>
  /** Runs the store action with the valid values; an InputError it throws is shown beside its field. */
  submit: (values: Record<string, string>) => Promise<unknown>
  onDone: () => void
  onCancel: () => void
  height: number
  width: number
}

export function Form ({ title, intro, specs, initial, current, remote = false, conflicts, submit, onDone, onCancel, height, width }: FormProps) {
  const theme = useTheme()
  const form = useForm(specs, initial)
  const { run, busy } = useAction()
  useCommands('form', {
    'form.next': form.next,
    'form.prev': form.prev,
    'input.cancel': onCancel,
    'input.submit': () => {
      if (busy) return
      const values = form.validate()
      if (!values) return
      void run(async () => { await submit(values); return true }, { onInputError: form.showError })
        .then(ok => { if (ok) onDone() })
    }
  }, { text: form.text })

  const labelWidth = Math.min(26, Math.max(...specs.map(s => s.label.length + (s.required ? 1 : 0) + (conflicts?.has(s.key) ? 2 : 0))) + 1)
  const inputWidth = Math.max(10, width - labelWidth - 4)
  const changedOf = (spec: FieldSpec) => {
    if (!current || busy) return undefined
    const now = current[spec.key] ?? ''
    return now !== (initial[spec.key] ?? '') ? { value: now, remote } : undefined
  }
  const heights = specs.map(s => 1 + noteLines(form.errors[s.key], changedOf(s), width, labelWidth + 3).length)
  const introLines = intro ? wrapText(intro, width - 2) : []
  const room = Math.max(3, height - 3 - (form.general ? 1 : 0) - introLines.length)
  const start = firstVisible(heights, form.focus, room)
  let used = 0
  const shown = specs.map((s, i) => ({ s, i })).filter(({ i }) => {
    if (i < start) return false
    used += heights[i]!
    return used <= room || i === form.focus
  })
  const focused = specs[form.focus]
  return (
    <Box flexDirection='column' width={width} height={height}>
      <Text wrap='truncate' {...theme.text.heading}>{title}</Text>
      {introLines.map((l, i) => <Text key={`intro${i}`} wrap='truncate' {...theme.text.secondary}>{'  ' + l}</Text>)}
      {form.general ? <Text wrap='truncate' {...theme.status.error}>✗ {form.general}</Text> : null}
      {shown.map(({ s, i }) => (
        <Box key={s.key} flexDirection='column'>
          <Box>
            <Text wrap='truncate' {...(i === form.focus ? theme.border.focused : conflicts?.has(s.key) ? theme.conflict : theme.text.secondary)}>{i === form.focus ? '› ' : '  '}{truncate((conflicts?.has(s.key) ? '! ' : '') + s.label + (s.required ? '*' : ''), labelWidth).padEnd(labelWidth)} </Text>
            <FieldInput spec={s} state={i === form.focus ? form.text.state : { value: form.values[s.key] ?? '', cursor: 0 }} width={inputWidth} focused={i === form.focus} />
          </Box>
          <FieldNote error={form.errors[s.key]} changed={changedOf(s)} indent={labelWidth + 3} width={width} />
        </Box>
      ))}
      <Box flexGrow={1} />
      <Text wrap='truncate' {...theme.text.secondary}>{focused ? `${focused.label}: ${fieldHint(focused) || 'text'}` : ''}</Text>
      <Text wrap='truncate' {...theme.text.secondary}>{busy ? 'saving…' : 'Enter save · Esc cancel · Tab/↓ next field · Shift-Tab/↑ previous · * required'}</Text>
    </Box>
  )
}

/**
 * A field's input; an enum field shows its allowed values beside it (`customs | account | agency`) when
 * they fit, not only in the hint line at the bottom.
 */
function FieldInput ({ spec, state, width, focused }: { spec: FieldSpec, state: LineState, width: number, focused: boolean }) {
  const theme = useTheme()
  const choices = choicesText(spec, width)
  return (
    <Box width={width}>
      <Box width={width - textWidth(choices)}><TextInput state={state} width={width - textWidth(choices)} focused={focused} /></Box>
      {choices ? <Text wrap='truncate' {...theme.text.secondary}>{choices}</Text> : null}
    </Box>
  )
}

/** The allowed values shown beside an enum field, if they leave the input at least 12 columns. */
export function choicesText (spec: FieldSpec, width: number): string {
  if (spec.kind !== 'enum' || !spec.values?.length) return ''
  const text = ` (${spec.values.join(' | ')})`
  return width - textWidth(text) >= 12 ? text : ''
}

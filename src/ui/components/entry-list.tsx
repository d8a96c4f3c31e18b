/**
 * A list of an account's entries opened from a tab — its locations, a CIP's action steps: one line per
 * entry; `a` adds, `e`/Enter edits the selected one in a form, `D` removes it (u undoes), Esc goes back.
 * When the entries have a type that decides their fields (a location), adding asks for the type first and
 * then shows only that type's fields; editing shows the fields of the entry's own type.
 */
import { Box } from 'ink'
import { Text } from './text.js'
import { useState } from 'react'
import type { Entity, FieldSpec } from '../../domain/index.js'
import { truncate } from '../format/cells.js'
import { useAction } from '../hooks/use-action.js'
import { useEntityTab } from '../hooks/use-entity-tab.js'
import { useCommands } from '../keys/use-commands.js'
import { useTheme } from '../theme/context.js'
import { EntityForm } from './entity-form.js'
import { Form } from './form.js'

export interface EntryListProps<T extends Entity> {
  title: string
  /** What one entry is called ("location", "action step"). */
  noun: string
  entries: readonly T[]
  line: (e: T, n: number) => string
  /** The form's fields for an entry (its own type's), or for a new one of the chosen type. */
  specsFor: (e: Partial<T>) => readonly FieldSpec[]
  /** The field chosen before the others when adding (a location's type). */
  chooseFirst?: FieldSpec
  accountId: string
  add: (values: Record<string, string>) => Promise<unknown>
  set: (id: string, values: Record<string, string>) => Promise<unknown>
  remove: (id: string) => Promise<unknown>
  onClose: () => void
  height: number
  width: number
}

export function EntryList<T extends Entity> (p: EntryListProps<T>) {
  const theme = useTheme()
  const { run } = useAction()
  const listHeight = Math.max(1, p.height - 2)
  const t = useEntityTab(p.entries.map(e => e.id), listHeight)
  // Adding with chooseFirst: the chosen value (undefined while the first field is asked for).
  const [chosen, setChosen] = useState<Record<string, string> | undefined>()
  const selected = p.entries.find(e => e.id === t.selectedKey)
  const close = () => { setChosen(undefined); t.close() }
  useCommands('account.entries', {
    ...t.cursor.handlers,
    'entries.add': t.add,
    'entries.edit': t.edit,
    'entries.remove': () => {
      if (!selected) return
      const n = p.entries.indexOf(selected) + 1
      void run(() => p.remove(selected.id), { done: `removed ${p.noun} ${n} "${p.line(selected, n)}" — u undoes` })
    },
    'app.back': p.onClose
  }, { active: !t.form })

  if (t.form?.mode === 'add' && p.chooseFirst && !chosen) {
    const spec = p.chooseFirst
    return (
      <Form
        title={`New ${p.noun}: its ${spec.label.toLowerCase()} first`} specs={[spec]} initial={{ [spec.key]: '' }}
        height={p.height} width={p.width} submit={async values => { setChosen({ [spec.key]: values[spec.key] ?? '' }) }}
        onDone={() => {}} onCancel={close}
      />
    )
  }
  if (t.form) {
    const editing = t.form.mode === 'edit' ? selected : undefined
    const specs = p.specsFor(editing ?? (chosen as Partial<T> | undefined) ?? {})
    return (
      <EntityForm
        title={editing ? `Edit ${p.noun} "${p.line(editing, p.entries.indexOf(editing) + 1)}"` : `New ${p.noun}`} specs={specs}
        accountId={p.accountId} editId={t.form.mode === 'edit' ? t.form.id : undefined} entities={p.entries}
        defaults={chosen ?? {}} height={p.height} width={p.width} onClose={close} add={p.add} set={p.set}
      />
    )
  }
  const visible = p.entries.slice(t.cursor.top, t.cursor.top + listHeight)
  return (
    <Box flexDirection='column' width={p.width} height={p.height}>
      <Text wrap='truncate' {...theme.text.heading}>{truncate(p.title, p.width)}</Text>
      <Text wrap='truncate' {...theme.text.secondary}>a add · e/Enter edit · D remove · u undo · Esc back</Text>
      {p.entries.length === 0 ? <Text {...theme.text.secondary}>  None yet: a adds one.</Text> : null}
      {visible.map((e, i) => {
        const n = t.cursor.top + i
        const sel = n === t.cursor.index
        return <Text key={e.id} wrap='truncate' {...(sel ? theme.selection : {})}>{sel ? '› ' : '  '}{truncate(`${n + 1}. ${p.line(e, n + 1)}`, p.width - 2)}</Text>
      })}
    </Box>
  )
}

/**
 * A list of an account's entries opened from a tab — its locations, a CIP's action steps: one line per
 * entry; `a` adds, `e`/Enter edits the selected one in a form, `D` removes it (u undoes), Esc goes back.
 * When the entries have a type that decides their fields (a location), adding asks for the type first and
 * then shows only that type's fields; editing shows the fields of the entry's own type. With `fieldsOf`, an
 * entry with a field a merge replaced is marked `!` (and the field in its form): `!` picks a value, `H`
 * shows the entry's history.
 */
import { Box } from 'ink'
import { Text } from './text.js'
import { useState } from 'react'
import type { Entity, FieldSpec } from '../../domain/index.js'
import { truncate } from '../format/cells.js'
import { useAction } from '../hooks/use-action.js'
import { useEntityTab } from '../hooks/use-entity-tab.js'
import { useFieldExtras } from '../hooks/use-field-extras.js'
import { useCommands } from '../keys/use-commands.js'
import { useTheme } from '../theme/context.js'
import { ConflictLine, HintLine } from './conflict-lines.js'
import { FieldPanelView } from './conflict-panel.js'
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
  /** The store's name of an entry's fields (`cipSteps.<id>`): its conflicts and history. */
  fieldsOf: (e: T) => string
  add: (values: Record<string, string>) => Promise<unknown>
  set: (id: string, values: Record<string, string>) => Promise<unknown>
  remove: (id: string) => Promise<unknown>
  onClose: () => void
  height: number
  width: number
}

/** While some entry is in conflict, the bottom line names the selected one's fields in conflict. */
export function EntryList<T extends Entity> (p: EntryListProps<T>) {
  const theme = useTheme()
  const { run } = useAction()
  const f = useFieldExtras(p.accountId)
  const conflictsOf = (e: T) => f.conflictsOn(p.fieldsOf(e))
  const inConflict = p.entries.flatMap(conflictsOf)
  const listHeight = Math.max(1, p.height - 2 - (inConflict.length ? 1 : 0))
  const t = useEntityTab(p.entries.map(e => e.id), listHeight)
  // Adding with chooseFirst: the chosen value (undefined while the first field is asked for).
  const [chosen, setChosen] = useState<Record<string, string> | undefined>()
  const selected = p.entries.find(e => e.id === t.selectedKey)
  const close = () => { setChosen(undefined); t.close() }
  const numbered = (e: T) => { const n = p.entries.indexOf(e) + 1; return `${n} "${p.line(e, n)}"` }
  useCommands('account.entries', {
    ...t.cursor.handlers,
    'entries.add': t.add,
    'entries.edit': t.edit,
    'entries.remove': () => { if (selected) void run(() => p.remove(selected.id), { done: `removed ${p.noun} ${numbered(selected)} — u undoes` }) },
    ...f.rowHandlers(selected && { rows: [p.fieldsOf(selected)], label: `${p.noun} ${p.entries.indexOf(selected) + 1}` }),
    'app.back': p.onClose
  }, { active: !t.form && !f.panel })

  if (f.panel) return <FieldPanelView panel={f.panel} height={p.height} width={p.width} onPick={f.pick} onClose={f.close} />

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
        conflicts={f.keysInConflict(editing ? p.fieldsOf(editing) : undefined)}
      />
    )
  }
  const visible = p.entries.slice(t.cursor.top, t.cursor.top + listHeight)
  return (
    <Box flexDirection='column' width={p.width} height={p.height}>
      <Text wrap='truncate' {...theme.text.heading}>{truncate(p.title, p.width)}</Text>
      <HintLine conflicts={inConflict.length}>a add · e/Enter edit · D remove · H history · u undo · Esc back</HintLine>
      {p.entries.length === 0 ? <Text {...theme.text.secondary}>  None yet: a adds one.</Text> : null}
      {visible.map((e, i) => {
        const n = t.cursor.top + i
        const [sel, marked] = [n === t.cursor.index, conflictsOf(e).length > 0]
        return <Text key={e.id} wrap='truncate' {...(sel ? theme.selection : marked ? theme.conflict : {})}>{sel ? '› ' : '  '}{truncate(`${marked ? '! ' : ''}${n + 1}. ${p.line(e, n + 1)}`, p.width - 2)}</Text>
      })}
      {inConflict.length ? <><Box flexGrow={1} /><ConflictLine conflicts={selected ? conflictsOf(selected) : []} width={p.width} /></> : null}
    </Box>
  )
}

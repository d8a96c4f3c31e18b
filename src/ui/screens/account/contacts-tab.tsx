/**
 * The Contacts tab: the Customs network (the communication tree the team builds), the account's points of
 * contact, and other agencies, grouped; `a` adds, `e` edits, `D` removes (u undoes). A contact with a field
 * a merge replaced is marked `!` (and the field in its form); `!` picks a value, `H` shows its history.
 */
import { Box } from 'ink'
import { Text } from '../../components/text.js'
import { CONTACT_FIELDS, type Contact } from '../../../domain/index.js'
import { ConflictLine, HintLine } from '../../components/conflict-lines.js'
import { FieldPanelView } from '../../components/conflict-panel.js'
import { EntityForm } from '../../components/entity-form.js'
import { contactLines } from '../../format/contacts.js'
import { useAppServices } from '../../contexts/app-context.js'
import { useAction } from '../../hooks/use-action.js'
import { useEntityTab } from '../../hooks/use-entity-tab.js'
import { underRow, useFieldExtras } from '../../hooks/use-field-extras.js'
import { useCommands } from '../../keys/use-commands.js'
import { useTheme } from '../../theme/context.js'
import type { TabProps } from './types.js'

export function ContactsTab ({ account, common, height, width }: TabProps) {
  const { store } = useAppServices()
  const theme = useTheme()
  const { run } = useAction()
  const lines = contactLines(account.contacts)
  const itemLines = lines.map((l, i) => (l.kind === 'contact' ? i : -1)).filter(i => i >= 0)
  const keys = itemLines.map(i => (lines[i] as { contact: Contact }).contact.id)
  const f = useFieldExtras(account.id)
  const rowOf = (id: string) => `contacts.${id}`
  const inConflict = f.conflictsOn('contacts')
  // While some contact is in conflict, the bottom line names the selected one's fields in conflict.
  const listHeight = Math.max(1, height - 1 - (inConflict.length ? 1 : 0))
  const t = useEntityTab(keys, listHeight, { lineOf: i => itemLines[i] ?? 0, count: lines.length })
  const selected = account.contacts.find(c => c.id === t.selectedKey)
  const selConflicts = selected ? f.conflictsOn(rowOf(selected.id)) : []
  useCommands('account.contacts', {
    ...common,
    ...t.cursor.handlers,
    'contacts.add': t.add,
    'contacts.edit': t.edit,
    'contacts.remove': () => {
      if (selected) void run(() => store.contacts.remove(account.id, selected.id), { done: `removed contact "${String(selected.name)}" — u undoes` })
    },
    ...f.rowHandlers(selected && { rows: [rowOf(selected.id)], label: `contact "${String(selected.name)}"` })
  }, { active: !t.form && !f.panel })

  if (f.panel) return <FieldPanelView panel={f.panel} height={height} width={width} onPick={f.pick} onClose={f.close} />

  if (t.form) {
    return (
      <EntityForm
        title={t.form.mode === 'add' ? 'New contact' : `Edit contact ${String(selected?.name ?? '')}`} specs={CONTACT_FIELDS}
        accountId={account.id} editId={t.form.mode === 'edit' ? t.form.id : undefined} entities={account.contacts}
        defaults={{ side: 'account' }} height={height} width={width} onClose={t.close}
        conflicts={f.keysInConflict(t.form.mode === 'edit' ? rowOf(t.form.id) : undefined)}
        add={values => store.contacts.add(account.id, values)} set={(id, values) => store.contacts.set(account.id, id, values)}
      />
    )
  }
  const visible = lines.slice(t.cursor.top, t.cursor.top + listHeight)
  const selLine = itemLines[t.cursor.index]
  return (
    <Box flexDirection='column' width={width} height={height}>
      <HintLine conflicts={inConflict.length}>a add · e/Enter edit · D remove · H history · sides: customs (the Customs network), account (its POCs), agency</HintLine>
      {lines.length === 0 ? <Text {...theme.text.secondary}>  No contacts yet: a adds the account's point of contact or a Customs teammate.</Text> : null}
      {visible.map((l, i) => {
        const n = t.cursor.top + i
        if (l.kind === 'heading') return <Text key={`h${n}`} wrap='truncate' {...theme.text.heading}>{l.text}</Text>
        const sel = n === selLine
        const marked = inConflict.some(c => underRow(c.field, rowOf(l.contact.id)))
        return <Text key={l.contact.id} wrap='truncate' {...(sel ? theme.selection : marked ? theme.conflict : {})}>{sel ? '› ' : '  '}{marked ? '! ' : ''}{l.text}</Text>
      })}
      {inConflict.length ? <><Box flexGrow={1} /><ConflictLine conflicts={selConflicts} width={width} /></> : null}
    </Box>
  )
}

/**
 * The Contacts tab: the Customs network (the communication tree the team builds), the account's points of
 * contact, and other agencies, grouped; `a` adds, `e` edits, `D` removes (u undoes).
 */
import { Box } from 'ink'
import { Text } from '../../components/text.js'
import { CONTACT_FIELDS, type Contact } from '../../../domain/index.js'
import { EntityForm } from '../../components/entity-form.js'
import { contactLines } from '../../format/contacts.js'
import { useAppServices } from '../../contexts/app-context.js'
import { useAction } from '../../hooks/use-action.js'
import { useEntityTab } from '../../hooks/use-entity-tab.js'
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
  const listHeight = Math.max(1, height - 1)
  const t = useEntityTab(keys, listHeight, { lineOf: i => itemLines[i] ?? 0, count: lines.length })
  const selected = account.contacts.find(c => c.id === t.selectedKey)
  useCommands('account.contacts', {
    ...common,
    ...t.cursor.handlers,
    'contacts.add': t.add,
    'contacts.edit': t.edit,
    'contacts.remove': () => {
      if (selected) void run(() => store.contacts.remove(account.id, selected.id), { done: `removed contact "${String(selected.name)}" — u undoes` })
    }
  }, { active: !t.form })

  if (t.form) {
    return (
      <EntityForm
        title={t.form.mode === 'add' ? 'New contact' : `Edit contact ${String(selected?.name ?? '')}`} specs={CONTACT_FIELDS}
        accountId={account.id} editId={t.form.mode === 'edit' ? t.form.id : undefined} entities={account.contacts}
        defaults={{ side: 'account' }} height={height} width={width} onClose={t.close}
        add={values => store.contacts.add(account.id, values)} set={(id, values) => store.contacts.set(account.id, id, values)}
      />
    )
  }
  const visible = lines.slice(t.cursor.top, t.cursor.top + listHeight)
  const selLine = itemLines[t.cursor.index]
  return (
    <Box flexDirection='column' width={width} height={height}>
      <Text wrap='truncate' {...theme.text.secondary}>a add · e/Enter edit · D remove · sides: customs (the Customs network), account (its POCs), agency</Text>
      {lines.length === 0 ? <Text {...theme.text.secondary}>  No contacts yet: a adds the account's point of contact or a Customs teammate.</Text> : null}
      {visible.map((l, i) => {
        const n = t.cursor.top + i
        if (l.kind === 'heading') return <Text key={`h${n}`} wrap='truncate' {...theme.text.heading}>{l.text}</Text>
        const sel = n === selLine
        return <Text key={l.contact.id} wrap='truncate' {...(sel ? theme.selection : {})}>{sel ? '› ' : '  '}{l.text}</Text>
      })}
    </Box>
  )
}

/**
 * The Profile tab: every field of the account, label and value; `e` or Enter edits the selected one in
 * place, Enter saves it at once (validated: IR#s, dates, amounts), Esc cancels. Long text fields
 * (corporate structure, notes) open in a multi-line editor; moving the SOP stage past open tasks asks first.
 * Enter on Locations opens the list of the account's locations.
 */
import { Box } from 'ink'
import { useState } from 'react'
import { Text } from '../../components/text.js'
import { FieldNote, conflictText, noteLines } from '../../components/field-note.js'
import { TextArea } from '../../components/text-area.js'
import { TextInput } from '../../components/text-input.js'
import { fieldHint } from '../../format/fields.js'
import { pad } from '../../format/cells.js'
import { profileLabelWidth } from '../../format/profile.js'
import { wrapText } from '../../format/text.js'
import { useProfileTab } from '../../hooks/use-profile-tab.js'
import { useCommands } from '../../keys/use-commands.js'
import { useTheme } from '../../theme/context.js'
import { FieldPanelView } from '../../components/conflict-panel.js'
import { useFieldExtras } from '../../hooks/use-field-extras.js'
import { LocationsList } from './locations-list.js'
import type { TabProps } from './types.js'

export function ProfileTab ({ account, common, height, width }: TabProps) {
  const theme = useTheme()
  const listHeight = Math.max(1, height - 1)
  const t = useProfileTab(account, listHeight)
  // The Locations line opens the list of locations, where each is added, edited or removed.
  const [locations, setLocations] = useState(false)
  const editSpec = t.editing ? t.rows.find(r => r.key === t.editing!.key)?.spec : undefined
  const long = editSpec?.kind === 'longtext'
  // A field in conflict (marked !) opens both values to pick from; H shows any field's history.
  const f = useFieldExtras(account.id)
  useCommands('account.profile', {
    ...common,
    ...t.cursor.handlers,
    'profile.edit': () => (t.selected?.key === 'locations' ? setLocations(true) : f.choose(t.selected?.key) || t.startEdit()),
    'field.conflict': () => { if (t.selected) f.chooseOn(t.selected.key) },
    'field.history': () => (t.selected?.spec ? f.showHistory(t.selected.key, t.selected.label) : undefined)
  }, { active: !t.editing && !locations && !f.panel })
  useCommands('input', { 'input.submit': () => t.save(), 'input.cancel': t.cancel }, { active: Boolean(t.editing) && !long && !t.question, text: t.draft })
  useCommands('confirm', { 'confirm.yes': () => t.save(true), 'confirm.no': t.keepStage }, { active: Boolean(t.question) })

  if (locations) return <LocationsList account={account} height={height} width={width} onClose={() => setLocations(false)} />
  if (f.panel) return <FieldPanelView panel={f.panel} height={height} width={width} onPick={f.pick} onClose={f.close} />

  if (long && editSpec) {
    const note = t.error ? `✗ ${t.error}` : t.changed ? `! ${conflictText(t.changed).replace('Enter keeps', 'Ctrl-S keeps')}` : undefined
    return <TextArea title={`Editing ${editSpec.label} of ${account.name}`} text={t.draft} note={note} height={height} width={width} onSave={() => t.save()} onCancel={t.cancel} />
  }

  const label = profileLabelWidth(t.rows.map(r => r.label), width)
  const question = t.question ? wrapText(`${t.question.text} y moves it · n/Esc keeps editing`, width - 2) : []
  const notes = t.editing ? noteLines(t.error, t.changed, width, label + 1).length : 0
  const visible = t.rows.slice(t.cursor.top, t.cursor.top + listHeight - notes - Math.max(0, question.length - 1))
  const valueWidth = Math.max(10, width - label - 3)
  return (
    <Box flexDirection='column' width={width} height={height}>
      {question.length
        ? question.map((l, i) => <Text key={`q${i}`} wrap='truncate' {...theme.status.warning}>{l}</Text>)
        : (
          <Text wrap='truncate' {...theme.text.secondary}>
            {editSpec ? `Editing ${editSpec.label}${fieldHint(editSpec) ? ` (${fieldHint(editSpec)})` : ''} · Enter saves · Esc cancels` : 'e/Enter edit the selected field · H its history · every change saves at once · u undo'}
          </Text>
          )}
      {visible.map((r, i) => {
        const sel = t.cursor.top + i === t.cursor.index
        const isEdit = t.editing?.key === r.key
        // The Locations line stands for the locations: one with a field in conflict marks it.
        const inConflict = f.conflictsOn(r.key).length > 0
        return (
          <Box key={r.key} flexDirection='column'>
            <Box>
              <Text wrap='truncate' {...(sel ? theme.selection : inConflict ? theme.conflict : theme.text.secondary)}>{sel ? '› ' : '  '}{pad(`${inConflict ? '! ' : ''}${r.label}`, label - 2)} </Text>
              <Box width={valueWidth}>
                {isEdit
                  ? <TextInput state={t.draft.state} width={valueWidth} />
                  : <Text wrap='truncate' {...(inConflict ? theme.conflict : r.spec ? theme.text.primary : theme.text.secondary)}>{r.text || '—'}</Text>}
              </Box>
            </Box>
            {isEdit ? <FieldNote error={t.error} changed={t.changed} indent={label + 1} width={width} /> : null}
          </Box>
        )
      })}
    </Box>
  )
}

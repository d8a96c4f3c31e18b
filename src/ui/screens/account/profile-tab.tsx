/**
 * The Profile tab: every field of the account, label and value; `e` or Enter edits the selected one in
 * place, Enter saves it at once (validated: IR#s, dates, amounts), Esc cancels.
 */
import { Box, Text } from 'ink'
import { FieldNote, noteLines } from '../../components/field-note.js'
import { TextInput } from '../../components/text-input.js'
import { fieldHint } from '../../format/fields.js'
import { pad } from '../../format/cells.js'
import { useProfileTab } from '../../hooks/use-profile-tab.js'
import { useCommands } from '../../keys/use-commands.js'
import { useTheme } from '../../theme/context.js'
import type { TabProps } from './types.js'

const LABEL = 30

export function ProfileTab ({ account, common, height, width }: TabProps) {
  const theme = useTheme()
  const listHeight = Math.max(1, height - 1)
  const t = useProfileTab(account, listHeight)
  useCommands('account.profile', { ...common, ...t.cursor.handlers, 'profile.edit': t.startEdit }, { active: !t.editing })
  useCommands('input', { 'input.submit': t.save, 'input.cancel': t.cancel }, { active: Boolean(t.editing), text: t.draft })

  const notes = t.editing ? noteLines(t.error, t.changed, width, LABEL + 1).length : 0
  const visible = t.rows.slice(t.cursor.top, t.cursor.top + listHeight - notes)
  const valueWidth = Math.max(10, width - LABEL - 3)
  const editSpec = t.editing ? t.rows.find(r => r.key === t.editing!.key)?.spec : undefined
  return (
    <Box flexDirection='column' width={width} height={height}>
      <Text wrap='truncate' {...theme.text.secondary}>
        {editSpec ? `Editing ${editSpec.label}${fieldHint(editSpec) ? ` (${fieldHint(editSpec)})` : ''} · Enter saves · Esc cancels` : 'e/Enter edit the selected field · every change saves at once · u undo'}
      </Text>
      {visible.map((r, i) => {
        const sel = t.cursor.top + i === t.cursor.index
        const isEdit = t.editing?.key === r.key
        return (
          <Box key={r.key} flexDirection='column'>
            <Box>
              <Text wrap='truncate' {...(sel ? theme.selection : theme.text.secondary)}>{sel ? '› ' : '  '}{pad(r.label, LABEL - 2)} </Text>
              <Box width={valueWidth}>
                {isEdit
                  ? <TextInput state={t.draft.state} width={valueWidth} />
                  : <Text wrap='truncate' {...(r.spec ? theme.text.primary : theme.text.secondary)}>{r.text || '—'}</Text>}
              </Box>
            </Box>
            {isEdit ? <FieldNote error={t.error} changed={t.changed} indent={LABEL + 1} width={width} /> : null}
          </Box>
        )
      })}
    </Box>
  )
}

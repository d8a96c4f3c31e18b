/**
 * The Checklist tab: Compliance items A–K, Business items A–H and the account's requested items, each
 * answered Yes or No/NA; No/NA asks for its reason and will not save without one. `g` opens the SOP
 * guidance for the selected item.
 */
import { Box } from 'ink'
import { Text } from '../../components/text.js'
import { FieldNote } from '../../components/field-note.js'
import { TextInput } from '../../components/text-input.js'
import { pad, truncate } from '../../format/cells.js'
import { useAppServices } from '../../contexts/app-context.js'
import { PROMPT_LINES, titleOf, useChecklistTab } from '../../hooks/use-checklist-tab.js'
import { useCommands } from '../../keys/use-commands.js'
import { toneStyle } from '../../theme/theme.js'
import { useTheme } from '../../theme/context.js'
import type { TabProps } from './types.js'

export function ChecklistTab ({ account, common, height, width }: TabProps) {
  const theme = useTheme()
  const { memberName } = useAppServices()
  const t = useChecklistTab(account, height)
  useCommands('account.checklist', {
    ...common,
    ...t.cursor.handlers,
    'checklist.yes': t.yes,
    'checklist.no': t.no,
    'checklist.clear': t.clear,
    'checklist.guide': t.guide,
    'checklist.request': t.request,
    'checklist.other': t.other
  }, { active: !t.prompt })
  useCommands('input', { 'input.submit': t.submit, 'input.cancel': t.cancel }, { active: Boolean(t.prompt), text: t.text })

  const selLine = t.itemLines[t.cursor.index]
  const visible = t.lines.slice(t.cursor.top, t.cursor.top + t.listHeight)
  const labelWidth = Math.min(34, Math.max(16, width - 40))
  const s = t.selected
  const detail = s
    ? s.answer ? `${titleOf(s)} · ${s.answer === 'yes' ? 'Yes' : 'No/NA'} by ${memberName(s.by)}${s.at ? ` on ${s.at.slice(0, 10)}` : ''}${s.reason ? ` — ${s.reason}` : ''}` : `${titleOf(s)} · not answered yet`
    : ''
  const promptTitle = t.prompt?.kind === 'request'
    ? 'New requested item — title: '
    : t.prompt?.kind === 'other'
      ? `What is ${t.prompt.key} (Other *)? `
      : t.promptRow ? `No/NA — reason for ${truncate(titleOf(t.promptRow), 30)}: ` : ''
  return (
    <Box flexDirection='column' width={width} height={height}>
      <Text wrap='truncate' {...theme.text.secondary}>y Yes · n No/NA (reason required) · c clear · g SOP guidance · a requested item · o what Other is</Text>
      {visible.map((l, i) => {
        const n = t.cursor.top + i
        if (l.kind === 'heading') return <Text key={`h${n}`} wrap='truncate' {...theme.text.heading}>{l.text}</Text>
        const sel = n === selLine
        return (
          <Text key={l.row.key} wrap='truncate' {...(sel ? theme.selection : {})}>
            {sel ? '› ' : '  '}{pad(l.letter, 3)}{pad(l.label, labelWidth)} <Text {...toneStyle(theme, l.tone)}>{pad(l.answer, 6)}</Text> {l.reason}
          </Text>
        )
      })}
      <Box flexGrow={1} />
      <Text wrap='truncate' {...theme.text.secondary}>{truncate(detail, width)}</Text>
      {t.prompt
        ? (
          <Box flexDirection='column' height={PROMPT_LINES}>
            <Box>
              <Text {...theme.text.accent}>{promptTitle}</Text>
              <TextInput state={t.text.state} width={Math.max(10, width - promptTitle.length - 1)} placeholder={t.prompt.kind === 'reason' ? 'why it is not in the plan' : t.prompt.kind === 'other' ? 'the additional item (empty clears it)' : ''} />
            </Box>
            <FieldNote error={t.error} changed={t.changed} indent={2} width={width} />
          </Box>
          )
        : null}
    </Box>
  )
}

/**
 * The Checklist tab: Compliance items A–K, Business items A–H and the account's requested items, each
 * answered Yes or No/NA; No/NA asks for its reason and will not save without one. `g` opens the SOP
 * guidance for the selected item. An answer a merge replaced (a teammate answered at the same time) is
 * marked `!`; `!` shows both answers to pick from, `H` the item's history.
 */
import { Box } from 'ink'
import { Text } from '../../components/text.js'
import { ConflictLine, HintLine } from '../../components/conflict-lines.js'
import { FieldPanelView } from '../../components/conflict-panel.js'
import { FieldNote } from '../../components/field-note.js'
import { TextInput } from '../../components/text-input.js'
import { pad, truncate } from '../../format/cells.js'
import { useAppServices } from '../../contexts/app-context.js'
import { PROMPT_LINES, titleOf, useChecklistTab } from '../../hooks/use-checklist-tab.js'
import { underRow, useFieldExtras } from '../../hooks/use-field-extras.js'
import { useCommands } from '../../keys/use-commands.js'
import { toneStyle } from '../../theme/theme.js'
import { useTheme } from '../../theme/context.js'
import type { TabProps } from './types.js'
import type { ChecklistRow } from '../../../domain/index.js'

/** The selected item below the list: its answer, who gave it and when, and the reason for No/NA. */
function answerDetail (s: ChecklistRow, memberName: (id: string | undefined) => string): string {
  if (!s.answer) return `${titleOf(s)} · not answered yet`
  return `${titleOf(s)} · ${s.answer === 'yes' ? 'Yes' : 'No/NA'} by ${memberName(s.by)}${s.at ? ` on ${s.at.slice(0, 10)}` : ''}${s.reason ? ` — ${s.reason}` : ''}`
}

export function ChecklistTab ({ account, common, height, width }: TabProps) {
  const theme = useTheme()
  const { memberName } = useAppServices()
  const t = useChecklistTab(account, height)
  // An answer in conflict (marked !): `!` shows both values to pick from; H shows the item's history.
  const f = useFieldExtras(account.id)
  const fieldOf = (key: string) => `checklist.${key}`
  useCommands('account.checklist', {
    ...common,
    ...t.cursor.handlers,
    'checklist.yes': t.yes,
    'checklist.no': t.no,
    'checklist.clear': t.clear,
    'checklist.guide': t.guide,
    'checklist.request': t.request,
    'checklist.other': t.other,
    ...f.rowHandlers(t.selected && { rows: [fieldOf(t.selected.key)], label: titleOf(t.selected) })
  }, { active: !t.prompt && !f.panel })
  useCommands('input', { 'input.submit': t.submit, 'input.cancel': t.cancel }, { active: Boolean(t.prompt), text: t.text })

  if (f.panel) return <FieldPanelView panel={f.panel} height={height} width={width} onPick={f.pick} onClose={f.close} />

  const inConflict = f.conflictsOn('checklist')
  const selLine = t.itemLines[t.cursor.index]
  const visible = t.lines.slice(t.cursor.top, t.cursor.top + t.listHeight)
  const labelWidth = Math.min(34, Math.max(16, width - 40))
  const s = t.selected
  const selConflicts = s ? inConflict.filter(c => underRow(c.field, fieldOf(s.key))) : []
  const promptTitle = t.prompt?.kind === 'request'
    ? 'New requested item — title: '
    : t.prompt?.kind === 'other'
      ? `What is ${t.prompt.key} (Other *)? `
      : t.promptRow ? `No/NA — reason for ${truncate(titleOf(t.promptRow), 30)}: ` : ''
  return (
    <Box flexDirection='column' width={width} height={height}>
      <HintLine conflicts={inConflict.length}>y Yes · n No/NA (reason required) · c clear · g SOP guidance · a requested item · o what Other is · H history</HintLine>
      {visible.map((l, i) => {
        const n = t.cursor.top + i
        if (l.kind === 'heading') return <Text key={`h${n}`} wrap='truncate' {...theme.text.heading}>{l.text}</Text>
        const sel = n === selLine
        const marked = inConflict.some(c => underRow(c.field, fieldOf(l.row.key)))
        return (
          <Text key={l.row.key} wrap='truncate' {...(sel ? theme.selection : {})}>
            {sel ? '› ' : '  '}{pad(l.letter, 3)}<Text {...(marked && !sel ? theme.conflict : {})}>{pad(`${marked ? '! ' : ''}${l.label}`, labelWidth)}</Text> <Text {...toneStyle(theme, marked ? 'conflict' : l.tone)}>{pad(l.answer, 6)}</Text> {l.reason}
          </Text>
        )
      })}
      <Box flexGrow={1} />
      <ConflictLine conflicts={selConflicts} otherwise={s ? answerDetail(s, memberName) : ''} short={false} width={width} />
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

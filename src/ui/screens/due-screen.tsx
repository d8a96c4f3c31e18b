/**
 * The Due screen (`d` on the accounts list): the due-date dashboard — profile and plan reviews, quarterly
 * activity reviews, CIP conditional periods and targets, OST deadlines, plan items — soonest first, overdue
 * ones in the warning colour. Enter opens the account on the tab the entry is about; `w` narrows the period.
 */
import { Box, Text } from 'ink'
import { DUE_RULE_INFO } from '../../domain/index.js'
import { TitleLine } from '../components/chrome.js'
import { Table } from '../components/table.js'
import { truncate } from '../format/cells.js'
import { DUE_COLUMNS, dueCells, dueSummary, dueTab, windowLabel } from '../format/due.js'
import { useAppServices } from '../contexts/app-context.js'
import type { AccountTab } from '../hooks/use-account.js'
import { useDueScreen } from '../hooks/use-due-screen.js'
import { useCommands } from '../keys/use-commands.js'
import { hint } from '../keys/key-table.js'
import { useTheme } from '../theme/context.js'

export interface DueScreenProps {
  height: number
  width: number
  onOpen: (accountId: string, tab: AccountTab) => void
  onBack: () => void
}

export function DueScreen ({ height, width, onOpen, onBack }: DueScreenProps) {
  const { store, today } = useAppServices()
  const theme = useTheme()
  const tableHeight = Math.max(1, height - 3)
  const s = useDueScreen(store, today, tableHeight)
  useCommands('due', {
    ...s.cursor.handlers,
    'due.open': () => { if (s.selected?.accountId) onOpen(s.selected.accountId, dueTab(s.selected)) },
    'due.window': s.nextWindow,
    'app.back': onBack
  })
  const empty = !s.snap.loaded
    ? 'Loading…'
    : s.withinDays === undefined ? 'Nothing falls due: no dates recorded yet.' : `Nothing falls due ${windowLabel(s.withinDays)}: w shows more.`
  const rule = s.selected ? DUE_RULE_INFO[s.selected.rule].text : ''
  const keys = [hint('due', 'due.open', 'open'), hint('due', 'due.window', 'period'), hint('due', 'app.back', 'back')].filter(Boolean).join(' · ')
  return (
    <Box flexDirection='column' width={width} height={height}>
      <TitleLine title={`Due · ${windowLabel(s.withinDays)} · ${dueSummary(s.entries)} · as of ${today}`} right={keys} width={width} />
      <Table
        columns={DUE_COLUMNS} rows={s.entries.map(dueCells)} selected={s.cursor.index} top={s.cursor.top}
        height={tableHeight} width={width} empty={empty}
      />
      <Box flexGrow={1} />
      {s.snap.error ? <Text wrap='truncate' {...theme.status.error}>error: {String((s.snap.error as Error).message ?? s.snap.error)}</Text> : null}
      <Text wrap='truncate' {...theme.text.secondary}>{truncate(rule, width)}</Text>
    </Box>
  )
}

/**
 * The Due screen (`d` on the accounts list): the due-date dashboard — profile and plan reviews, quarterly
 * activity reviews, CIP conditional periods and targets, OST deadlines, plan items — soonest first, overdue
 * ones in the warning colour. Enter opens the account on the tab the entry is about; `w` narrows the period.
 */
import { Box } from 'ink'
import { Text } from '../components/text.js'
import { DUE_RULE_INFO } from '../../domain/index.js'
import { TitleLine } from '../components/chrome.js'
import { Table } from '../components/table.js'
import { truncate } from '../format/cells.js'
import { dueColumns, dueCells, dueSummary, dueTab, windowLabel, workspaceEntries } from '../format/due.js'
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
  const { store, today, notify } = useAppServices()
  const theme = useTheme()
  const tableHeight = Math.max(1, height - 3)
  const s = useDueScreen(store, today, tableHeight)
  useCommands('due', {
    ...s.cursor.handlers,
    'due.open': () => {
      const e = s.selected
      if (!e) return
      if (e.accountId) { onOpen(e.accountId, dueTab(e)); return }
      if (s.focus) return
      s.setFocus(e)
      if (!workspaceEntries(e, s.snap.data ?? []).length) notify(`no account has a definition change to report to OST by ${e.date}`, 'info')
    },
    'due.window': s.nextWindow,
    // Back from the accounts of a workspace entry to the whole list first.
    'app.back': () => { if (s.focus) s.setFocus(undefined); else onBack() }
  })
  const empty = !s.snap.loaded
    ? 'Loading…'
    : s.focus
      ? 'No account has a definition change to report: nothing to send to OST. q goes back.'
      : s.withinDays === undefined ? 'Nothing falls due: no dates recorded yet.' : `Nothing falls due ${windowLabel(s.withinDays)}: w shows more.`
  const rule = s.selected ? DUE_RULE_INFO[s.selected.rule].text : ''
  const keys = [hint('due', 'due.open', 'open'), s.focus ? undefined : hint('due', 'due.window', 'period'), hint('due', 'app.back', 'back')].filter(Boolean).join(' · ')
  const title = s.focus ? `Due · to report to OST by ${s.focus.date} · ${dueSummary(s.entries)}` : `Due · ${windowLabel(s.withinDays)} · ${dueSummary(s.entries)}`
  return (
    <Box flexDirection='column' width={width} height={height}>
      {/* The key hints stay whatever the title says (a period, an overdue count): the title gives way. */}
      <TitleLine title={title} right={keys} width={width} keep='right' />
      <Table
        columns={dueColumns(width)} rows={s.entries.map(dueCells)} selected={s.cursor.index} top={s.cursor.top}
        height={tableHeight} width={width} empty={empty}
      />
      <Box flexGrow={1} />
      {s.snap.error ? <Text wrap='truncate' {...theme.status.error}>error: {String((s.snap.error as Error).message ?? s.snap.error)}</Text> : null}
      <Text wrap='truncate' {...theme.text.secondary}>{truncate(`as of ${today}${rule ? ` · ${rule}` : ''}`, width)}</Text>
    </Box>
  )
}

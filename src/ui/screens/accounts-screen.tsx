/**
 * The accounts screen: every account in a table (name, IR#, lead port, SOP stage, open plan items, next
 * due date), filtered as you type after `/`, sorted by any column, archived ones on request; Enter opens
 * one, `a` adds one, `I` imports a spreadsheet, `d` shows what falls due.
 */
import { useMemo, useState } from 'react'
import { Box } from 'ink'
import { Text } from '../components/text.js'
import { ACCOUNT_HEADER_FIELDS } from '../../domain/index.js'
import { ACCOUNT_COLUMNS, SORT_LABELS, accountCells } from '../format/accounts.js'
import { Form } from '../components/form.js'
import { TitleLine } from '../components/chrome.js'
import { Table } from '../components/table.js'
import { TextInput } from '../components/text-input.js'
import { useAppServices } from '../contexts/app-context.js'
import { useAccountsCommands } from '../hooks/use-accounts-commands.js'
import { useAccountsScreen } from '../hooks/use-accounts-screen.js'
import { useTheme } from '../theme/context.js'
import { ImportFlow } from './import-flow.js'

const FILTER_KEPT = ' · Esc clears · / edits'

export interface AccountsScreenProps {
  height: number
  width: number
  onOpen: (id: string) => void
  onDue: () => void
}

export function AccountsScreen ({ height, width, onOpen, onDue }: AccountsScreenProps) {
  const { store, today, notify, preload } = useAppServices()
  const theme = useTheme()
  const showFilter = 1
  const tableHeight = Math.max(1, height - 2 - showFilter)
  const s = useAccountsScreen(store, tableHeight, preload.accounts)
  // Every account's cells are made once per loaded list: a key typed in the filter only picks them.
  const cellsOf = useMemo(() => new Map(s.all.map(r => [r, accountCells(r, today)])), [s.all, today])
  const cells = useMemo(() => s.rows.map(r => cellsOf.get(r)!), [s.rows, cellsOf])
  const hidden = useMemo(() => s.all.filter(r => r.archived).length, [s.all])
  const [importing, setImporting] = useState(false)

  useAccountsCommands(s, { onOpen, onDue, onImport: () => setImporting(true), importing })

  if (importing) return <ImportFlow height={height} width={width} onClose={() => setImporting(false)} />
  if (s.adding) {
    return (
      <Form
        title='New account' specs={ACCOUNT_HEADER_FIELDS} initial={{ kind: 'port', stage: 'select' }} height={height} width={width}
        submit={async values => { const acc = await store.accounts.add(values); notify(`added account "${acc.name}"`, 'success'); onOpen(acc.id) }}
        onDone={() => s.setAdding(false)} onCancel={() => s.setAdding(false)}
      />
    )
  }

  const title = `Accounts · ${s.rows.length}${s.rows.length !== s.all.length ? ` of ${s.all.length}` : ''} · by ${SORT_LABELS[s.sort]} ${s.reverse ? '↓' : '↑'}${hidden && !s.archived ? ` · ${hidden} archived hidden (A)` : ''}`
  const empty = !s.snap.loaded
    ? 'Loading…'
    : s.all.length === 0
      ? 'No accounts yet: a adds one (or run `pat demo` for sample accounts).'
      : 'No account matches the filter: Esc clears it.'
  return (
    <Box flexDirection='column' width={width} height={height}>
      <TitleLine title={title} right='/ filter · o sort · a add · ? keys' width={width} />
      {s.filtering || s.filter.state.value
        ? (
          <Box width={width}>
            <Text {...theme.text.accent}>Filter: </Text>
            <Box flexGrow={1}><TextInput state={s.filter.state} width={width - 9 - (s.filtering ? 0 : FILTER_KEPT.length)} focused={s.filtering} /></Box>
            {s.filtering ? null : <Text {...theme.text.secondary}>{FILTER_KEPT}</Text>}
          </Box>
          )
        : <Text wrap='truncate' {...theme.text.secondary}>Enter opens the selected account · / filters · d what falls due · A archived</Text>}
      <Table
        columns={ACCOUNT_COLUMNS} rows={cells} selected={s.cursor.index} top={s.cursor.top}
        height={tableHeight} width={width} empty={empty}
      />
      {s.snap.error ? <Text wrap='truncate' {...theme.status.error}>error: {String((s.snap.error as Error).message ?? s.snap.error)}</Text> : null}
    </Box>
  )
}

/**
 * The CIP tab: the account's Compliance Improvement Plans with status, target date and the end of the
 * six-month conditional period (extensions included); the selected one's details below. `a` adds, `e` edits.
 */
import { Box } from 'ink'
import { Text } from '../../components/text.js'
import { CIP_FIELDS } from '../../../domain/index.js'
import { EntityForm } from '../../components/entity-form.js'
import { Table } from '../../components/table.js'
import { truncate } from '../../format/cells.js'
import { CIP_COLUMNS, cipCells } from '../../format/cips.js'
import { useAppServices } from '../../contexts/app-context.js'
import { useEntityTab } from '../../hooks/use-entity-tab.js'
import { useCommands } from '../../keys/use-commands.js'
import { useTheme } from '../../theme/context.js'
import type { TabProps } from './types.js'

const DETAIL_LINES = 3

export function CipTab ({ account, common, height, width }: TabProps) {
  const { store, today } = useAppServices()
  const theme = useTheme()
  const cips = account.cips
  const tableHeight = Math.max(1, height - 2 - DETAIL_LINES)
  const t = useEntityTab(cips.map(c => c.id), tableHeight)
  const selected = cips.find(c => c.id === t.selectedKey)
  useCommands('account.cip', { ...common, ...t.cursor.handlers, 'cip.add': t.add, 'cip.edit': t.edit }, { active: !t.form })

  if (t.form) {
    return (
      <EntityForm
        title={t.form.mode === 'add' ? 'New Compliance Improvement Plan' : 'Edit CIP'} specs={CIP_FIELDS}
        accountId={account.id} editId={t.form.mode === 'edit' ? t.form.id : undefined} entities={cips}
        defaults={{ status: 'draft' }} height={height} width={width} onClose={t.close}
        add={values => store.cips.add(account.id, values)} set={(id, values) => store.cips.set(account.id, id, values)}
      />
    )
  }
  const s = selected
  const detail = s
    ? [
        `Action steps: ${String(s.actionSteps ?? '—').replace(/\s+/g, ' ')}`,
        `Responsible: ${String(s.responsibleOfficial ?? '—')} (${String(s.department ?? '—')}) · approving: ${String(s.approvingOfficial ?? '—')}`,
        `Report ${String(s.reportDate ?? '—')} · validation: ${String(s.validation ?? '—')}`
      ]
    : []
  return (
    <Box flexDirection='column' width={width} height={height}>
      <Text wrap='truncate' {...theme.text.secondary}>Conditional period: six months from the CA report, plus extensions · a add · e edit</Text>
      <Table
        columns={CIP_COLUMNS} rows={cips.map(c => cipCells(c, today))} selected={t.cursor.index} top={t.cursor.top}
        height={tableHeight} width={width} empty='No Compliance Improvement Plans: a adds one.'
      />
      <Box flexGrow={1} />
      {detail.map((d, i) => <Text key={i} wrap='truncate' {...theme.text.secondary}>{truncate(d, width)}</Text>)}
    </Box>
  )
}

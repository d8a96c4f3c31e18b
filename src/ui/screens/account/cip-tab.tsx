/**
 * The CIP tab: the account's Compliance Improvement Plans with status, the next target date among their
 * action steps and the end of the six-month conditional period (extensions included); the selected one's
 * details below. `a` adds, `e` edits, `t` opens its action steps (each with a target date and a department).
 * A CIP with a field a merge replaced — its own or one of its action steps' — is marked `!` (and the field in
 * its form or step list); `!` picks a value (the CIP's own first), `H` shows the CIP's history.
 */
import { Box } from 'ink'
import { useState } from 'react'
import { Text } from '../../components/text.js'
import { CIP_FIELDS, CIP_STEP_FIELDS, type Cip, type CipStep } from '../../../domain/index.js'
import { ConflictLine, HintLine } from '../../components/conflict-lines.js'
import { FieldPanelView } from '../../components/conflict-panel.js'
import { EntityForm } from '../../components/entity-form.js'
import { EntryList } from '../../components/entry-list.js'
import { Table } from '../../components/table.js'
import { truncate } from '../../format/cells.js'
import { markCells } from '../../format/changes.js'
import { CIP_COLUMNS, cipCells, cipDetail, stepLine } from '../../format/cips.js'
import { useAppServices } from '../../contexts/app-context.js'
import { useEntityTab } from '../../hooks/use-entity-tab.js'
import { useFieldExtras } from '../../hooks/use-field-extras.js'
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
  const [steps, setSteps] = useState(false)
  const f = useFieldExtras(account.id)
  const rowOf = (id: string) => `cips.${id}`
  // A CIP's row stands for its action steps too: their conflicts mark it.
  const rowsOf = (c: Cip) => [rowOf(c.id), ...c.steps.map(s => `cipSteps.${s.id}`)]
  const selConflicts = selected ? f.conflictsOn(...rowsOf(selected)) : []
  useCommands('account.cip', {
    ...common,
    ...t.cursor.handlers,
    'cip.add': t.add,
    'cip.edit': t.edit,
    'cip.steps': () => { if (selected) setSteps(true) },
    ...f.rowHandlers(selected && { rows: rowsOf(selected), label: `CIP "${selected.deficiency}"` })
  }, { active: !t.form && !steps && !f.panel })

  if (f.panel) return <FieldPanelView panel={f.panel} height={height} width={width} onPick={f.pick} onClose={f.close} />

  if (steps && selected) {
    return (
      <EntryList<CipStep>
        title={`Action steps of CIP "${selected.deficiency}": a target date and a responsible department each`} noun='action step'
        entries={selected.steps} line={s => stepLine(s)} specsFor={() => CIP_STEP_FIELDS}
        accountId={account.id} fieldsOf={s => `cipSteps.${s.id}`} height={height} width={width} onClose={() => setSteps(false)}
        add={values => store.cips.steps.add(account.id, selected.id, values)}
        set={(id, values) => store.cips.steps.set(account.id, selected.id, id, values)}
        remove={id => store.cips.steps.remove(account.id, selected.id, id)}
      />
    )
  }

  if (t.form) {
    return (
      <EntityForm
        title={t.form.mode === 'add' ? 'New Compliance Improvement Plan' : 'Edit CIP'} specs={CIP_FIELDS}
        accountId={account.id} editId={t.form.mode === 'edit' ? t.form.id : undefined} entities={cips}
        defaults={{ status: 'draft' }} height={height} width={width} onClose={t.close}
        conflicts={f.keysInConflict(t.form.mode === 'edit' ? rowOf(t.form.id) : undefined)}
        add={values => store.cips.add(account.id, values)} set={(id, values) => store.cips.set(account.id, id, values)}
      />
    )
  }
  const detail = selected ? cipDetail(selected) : []
  const counts = cips.map(c => f.conflictsOn(...rowsOf(c)).length)
  const rows = cips.map((c, i) => counts[i] ? markCells(cipCells(c, today), 'deficiency') : cipCells(c, today))
  return (
    <Box flexDirection='column' width={width} height={height}>
      <HintLine conflicts={counts.reduce((a, b) => a + b, 0)}>Conditional period: six months from the CA report, plus extensions · a add · e edit · t steps · H history</HintLine>
      <Table
        columns={CIP_COLUMNS} rows={rows} selected={t.cursor.index} top={t.cursor.top}
        height={tableHeight} width={width} empty='No Compliance Improvement Plans: a adds one.'
      />
      <Box flexGrow={1} />
      {detail.length ? <ConflictLine conflicts={selConflicts} otherwise={detail[0]} short={false} width={width} /> : null}
      {detail.slice(1).map((d, i) => <Text key={i} wrap='truncate' {...theme.text.secondary}>{truncate(d, width)}</Text>)}
    </Box>
  )
}

/**
 * The Action Plan tab: the project list High → Medium → Low, then by due date, each item with priority,
 * title, responsible party, due date and status, overdue ones in the warning tone; `a` adds, `e` edits,
 * `d`/`x` completes. Above it, the background's facts the SOP lists, ⚠ where missing (`B` edits them).
 * An item with a field a merge replaced is marked `!` (and the field in its form and its detail line); `!`
 * picks a value — on an item not marked, the plan's own fields' conflicts — and `H` shows its history.
 */
import { Box } from 'ink'
import { Text } from '../../components/text.js'
import { useState } from 'react'
import { BACKGROUND_FIELDS, PLAN_FIELDS, PLAN_ITEM_FIELDS } from '../../../domain/index.js'
import { ConflictLine, HintLine } from '../../components/conflict-lines.js'
import { FieldPanelView } from '../../components/conflict-panel.js'
import { EntityForm } from '../../components/entity-form.js'
import { Form } from '../../components/form.js'
import { LongTextEdit } from '../../components/long-text-edit.js'
import { Table } from '../../components/table.js'
import { truncate } from '../../format/cells.js'
import { markCells } from '../../format/changes.js'
import { changedFields, entityTexts } from '../../format/fields.js'
import { PLAN_COLUMNS, backgroundLine, itemDetail, planCells, planSummary } from '../../format/plan.js'
import { useAppServices } from '../../contexts/app-context.js'
import { useAction } from '../../hooks/use-action.js'
import { useEntityTab } from '../../hooks/use-entity-tab.js'
import { underRow, useFieldExtras, type FieldExtras } from '../../hooks/use-field-extras.js'
import { useCommands } from '../../keys/use-commands.js'
import { useTheme } from '../../theme/context.js'
import type { TabProps } from './types.js'

export function PlanTab ({ account, common, height, width }: TabProps) {
  const { store, today } = useAppServices()
  const theme = useTheme()
  const { run } = useAction()
  const items = account.plan.items
  const tableHeight = Math.max(1, height - 4)
  const t = useEntityTab(items.map(i => i.id), tableHeight)
  const selected = items.find(i => i.id === t.selectedKey)
  // The plan's long texts (background & structure, scope), edited whole in the multi-line editor.
  const [longText, setLongText] = useState<'background' | 'scope' | undefined>()
  // The background's facts the SOP lists (CM results, supplier countries, Customs departments), in a form.
  const [facts, setFacts] = useState(false)
  // Items in conflict (marked !) and the plan's own fields in conflict (its background line marked !).
  const f = useFieldExtras(account.id)
  const rowOf = (id: string) => `items.${id}`
  const selConflicts = selected ? f.conflictsOn(rowOf(selected.id)) : []
  const planConflicts = f.conflictsOn('plan')
  useCommands('account.plan', {
    ...common,
    ...t.cursor.handlers,
    'plan.add': t.add,
    'plan.edit': t.edit,
    'plan.done': () => {
      if (!selected) return
      if (selected.status === 'done') return
      void run(() => store.plan.items.done(account.id, selected.id), { done: `completed "${selected.title}" — u undoes` })
    },
    'plan.background': () => setLongText('background'),
    'plan.scope': () => setLongText('scope'),
    'plan.facts': () => setFacts(true),
    // On an item not in conflict, `!` opens the plan's own fields' conflicts (its background line marked !).
    ...f.rowHandlers(selected ? { rows: [rowOf(selected.id), ...(selConflicts.length ? [] : ['plan'])], label: `plan item "${selected.title}"` } : { rows: ['plan'], label: 'the plan' })
  }, { active: !t.form && !longText && !facts && !f.panel })

  if (f.panel) return <FieldPanelView panel={f.panel} height={height} width={width} onPick={f.pick} onClose={f.close} />

  const plan = account.plan
  if (facts) return <PlanFactsForm account={account} extras={f} height={height} width={width} onClose={() => setFacts(false)} />
  if (longText) return <PlanLongText account={account} field={longText} height={height} width={width} onClose={() => setLongText(undefined)} />

  if (t.form) {
    return (
      <EntityForm
        title={t.form.mode === 'add' ? 'New plan item' : `Edit plan item "${selected?.title ?? ''}"`} specs={PLAN_ITEM_FIELDS}
        accountId={account.id} editId={t.form.mode === 'edit' ? t.form.id : undefined} entities={items}
        defaults={{ priority: 'medium', status: 'open' }} height={height} width={width} onClose={t.close}
        conflicts={f.keysInConflict(t.form.mode === 'edit' ? rowOf(t.form.id) : undefined)}
        add={values => store.plan.items.add(account.id, values)} set={(id, values) => store.plan.items.set(account.id, id, values)}
      />
    )
  }
  const period = [plan.periodStart, plan.periodEnd].filter(Boolean).join(' – ')
  const itemConflicts = f.conflictsOn('items')
  const rows = items.map(i => itemConflicts.some(c => underRow(c.field, rowOf(i.id))) ? markCells(planCells(i, today), 'title') : planCells(i, today))
  return (
    <Box flexDirection='column' width={width} height={height}>
      <HintLine conflicts={itemConflicts.length + planConflicts.length}>{`${planSummary(items, today)}${period ? ` · plan period ${period}` : ''} · a add · e edit · d complete · b background · B facts · S scope · H history`}</HintLine>
      <Text wrap='truncate' {...(planConflicts.length ? theme.conflict : theme.text.secondary)}>{truncate(`${planConflicts.length ? '! ' : ''}${backgroundLine(plan)}`, width)}</Text>
      <Table
        columns={PLAN_COLUMNS} rows={rows} selected={t.cursor.index} top={t.cursor.top}
        height={tableHeight} width={width} empty='No plan items yet: a adds one (the project list is the heart of the plan).'
      />
      <Box flexGrow={1} />
      <ConflictLine conflicts={selConflicts} otherwise={selected ? itemDetail(selected) : ''} width={width} />
    </Box>
  )
}

/** The background's facts the SOP lists (CM results, supplier countries, Customs departments), in a form. */
function PlanFactsForm ({ account, extras, height, width, onClose }: Pick<TabProps, 'account' | 'height' | 'width'> & { extras: FieldExtras, onClose: () => void }) {
  const { store } = useAppServices()
  const specs = PLAN_FIELDS.filter(f => (BACKGROUND_FIELDS as readonly string[]).includes(f.key))
  const initial = entityTexts(specs, account.plan)
  return (
    <Form
      title={`The background's facts for ${account.name} (SOP: Account Background & Structure)`} specs={specs} initial={initial}
      height={height} width={width} onDone={onClose} onCancel={onClose} conflicts={extras.keysInConflict('plan')}
      submit={async values => { const changed = changedFields(specs, initial, values); if (Object.keys(changed).length) await store.plan.set(account.id, changed) }}
    />
  )
}

/** The plan's long texts (background & structure, scope), edited whole in the multi-line editor. */
function PlanLongText ({ account, field, height, width, onClose }: Pick<TabProps, 'account' | 'height' | 'width'> & { field: 'background' | 'scope', onClose: () => void }) {
  const { store } = useAppServices()
  const label = PLAN_FIELDS.find(f => f.key === field)?.label.toLowerCase() ?? field
  return (
    <LongTextEdit
      title={`Editing the plan's ${label} for ${account.name}`} initial={account.plan[field] ?? ''}
      save={text => store.plan.set(account.id, { [field]: text })} done={`saved the plan's ${label} — u undoes`}
      onClose={onClose} height={height} width={width}
    />
  )
}

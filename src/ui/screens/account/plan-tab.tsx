/**
 * The Action Plan tab: the project list High → Medium → Low, then by due date, each item with priority,
 * title, responsible party, due date and status, overdue ones in the warning tone; `a` adds, `e` edits,
 * `d`/`x` completes. Above it, the background's facts the SOP lists, ⚠ where missing (`B` edits them).
 */
import { Box } from 'ink'
import { Text } from '../../components/text.js'
import { useState } from 'react'
import { BACKGROUND_FIELDS, PLAN_FIELDS, PLAN_ITEM_FIELDS } from '../../../domain/index.js'
import { EntityForm } from '../../components/entity-form.js'
import { Form } from '../../components/form.js'
import { LongTextEdit } from '../../components/long-text-edit.js'
import { Table } from '../../components/table.js'
import { truncate } from '../../format/cells.js'
import { changedFields, entityTexts } from '../../format/fields.js'
import { PLAN_COLUMNS, backgroundLine, planCells, planSummary } from '../../format/plan.js'
import { useAppServices } from '../../contexts/app-context.js'
import { useAction } from '../../hooks/use-action.js'
import { useEntityTab } from '../../hooks/use-entity-tab.js'
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
    'plan.facts': () => setFacts(true)
  }, { active: !t.form && !longText && !facts })

  const plan = account.plan
  if (facts) return <PlanFactsForm account={account} height={height} width={width} onClose={() => setFacts(false)} />
  if (longText) return <PlanLongText account={account} field={longText} height={height} width={width} onClose={() => setLongText(undefined)} />

  if (t.form) {
    return (
      <EntityForm
        title={t.form.mode === 'add' ? 'New plan item' : `Edit plan item "${selected?.title ?? ''}"`} specs={PLAN_ITEM_FIELDS}
        accountId={account.id} editId={t.form.mode === 'edit' ? t.form.id : undefined} entities={items}
        defaults={{ priority: 'medium', status: 'open' }} height={height} width={width} onClose={t.close}
        add={values => store.plan.items.add(account.id, values)} set={(id, values) => store.plan.items.set(account.id, id, values)}
      />
    )
  }
  const period = [plan.periodStart, plan.periodEnd].filter(Boolean).join(' – ')
  const detail = selected
    ? [selected.goal && `Goal: ${selected.goal}`, selected.checklistItem && `for ${selected.checklistItem}`, selected.doneAt && `done ${selected.doneAt.slice(0, 10)}`].filter(Boolean).join(' · ')
    : ''
  return (
    <Box flexDirection='column' width={width} height={height}>
      <Text wrap='truncate' {...theme.text.secondary}>{planSummary(items, today)}{period ? ` · plan period ${period}` : ''} · a add · e edit · d complete · b background · B facts · S scope</Text>
      <Text wrap='truncate' {...theme.text.secondary}>{truncate(backgroundLine(plan), width)}</Text>
      <Table
        columns={PLAN_COLUMNS} rows={items.map(i => planCells(i, today))} selected={t.cursor.index} top={t.cursor.top}
        height={tableHeight} width={width} empty='No plan items yet: a adds one (the project list is the heart of the plan).'
      />
      <Box flexGrow={1} />
      <Text wrap='truncate' {...theme.text.secondary}>{truncate(detail, width)}</Text>
    </Box>
  )
}

/** The background's facts the SOP lists (CM results, supplier countries, Customs departments), in a form. */
function PlanFactsForm ({ account, height, width, onClose }: Pick<TabProps, 'account' | 'height' | 'width'> & { onClose: () => void }) {
  const { store } = useAppServices()
  const specs = PLAN_FIELDS.filter(f => (BACKGROUND_FIELDS as readonly string[]).includes(f.key))
  const initial = entityTexts(specs, account.plan)
  return (
    <Form
      title={`The background's facts for ${account.name} (SOP: Account Background & Structure)`} specs={specs} initial={initial}
      height={height} width={width} onDone={onClose} onCancel={onClose}
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

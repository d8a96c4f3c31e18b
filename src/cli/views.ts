/**
 * Text views of store snapshots for the terminal: the accounts table, an account's full record, plan
 * items, checklist rows. Pure functions from plain data to strings (tested without a workspace).
 */
import {
  ACCOUNT_PROFILE_FIELDS, AREA_LABELS, CONTACT_SIDE_LABELS, LOCATION_TYPE_LABELS, PLAN_FIELDS, PRIORITY_LABELS, RELATIONSHIP_LABELS, STAGE_LABELS,
  answerLabel, formatField, isOverdue, locationText, type ChecklistRow, type Cip, type Contact, type FieldSpec, type FieldValue, type PlanItem, type Stage
} from '../domain/index.js'
import type { AccountListRow, AccountRecord, Entity } from '../store/index.js'
import { formatFields, formatTable } from './format.js'

export function accountsTable (rows: readonly AccountListRow[], width: number): string {
  if (rows.length === 0) return 'No accounts yet. Add one with `pat account add --name NAME --ior NN-NNNNNNN`, or run `pat demo` for samples.'
  return formatTable(rows, [
    { title: 'NAME', get: r => r.name + (r.archived ? ' (archived)' : ''), min: 14 },
    { title: 'ID', get: r => r.id },
    // On a narrow terminal the lead port, then the IR#, give way; the id (to name the account) stays.
    { title: 'IR#', get: r => r.iors[0] ? r.iors[0] + (r.iors.length > 1 ? ` +${r.iors.length - 1}` : '') : '', drop: 2 },
    { title: 'LEAD PORT', get: r => r.leadPort, flex: true, min: 9, drop: 1 },
    { title: 'STAGE', get: r => STAGE_LABELS[r.stage as Stage] ?? r.stage },
    { title: 'OPEN', get: r => String(r.openItems), align: 'right' },
    { title: 'NEXT DUE', get: r => r.nextDue ?? '' },
    // Teammates' changes not yet seen, and open conflicts ("2!"): only when some account has any.
    ...(rows.some(r => r.unseen || r.conflicts) ? [{ title: 'NEW', get: (r: AccountListRow) => `${r.unseen || ''}${r.conflicts ? '!' : ''}`, align: 'right' as const }] : [])
  ], width)
}

export function planItemsTable (items: readonly PlanItem[], today: string, width: number): string {
  if (items.length === 0) return 'No plan items.'
  return formatTable(items.map((it, i) => ({ it, n: i + 1 })), [
    { title: '#', get: r => String(r.n), align: 'right' },
    { title: 'TITLE', get: r => r.it.title, flex: true },
    { title: 'PRIORITY', get: r => PRIORITY_LABELS[r.it.priority] ?? r.it.priority },
    { title: 'OWNER', get: r => r.it.owner ?? '', flex: true },
    { title: 'DUE', get: r => (r.it.due ?? '') + (isOverdue(r.it, today) ? ' OVERDUE' : '') },
    { title: 'STATUS', get: r => r.it.status },
    // `#` names an item as well as its id does: the id goes first when the terminal is narrow.
    { title: 'ID', get: r => r.it.id, drop: 1 }
  ], width)
}

export function checklistTable (rows: readonly ChecklistRow[], width: number): string {
  const out: string[] = []
  for (const area of ['compliance', 'business', 'requested'] as const) {
    const inArea = rows.filter(r => r.area === area)
    if (!inArea.length) continue
    out.push(AREA_LABELS[area], formatTable(inArea, [
      { title: 'ITEM', get: r => r.name, flex: false },
      { title: 'TOPIC', get: r => r.other ? `${r.label}: ${r.other}` : r.label, flex: true },
      { title: 'ANSWER', get: r => answerLabel(r.answer) },
      { title: 'REASON', get: r => r.reason, flex: true }
    ], width), '')
  }
  return out.join('\n').trimEnd()
}

/** Generic numbered table of entities for the given fields. */
export function entitiesTable (entities: readonly Entity[], specs: readonly FieldSpec[], width: number, empty: string): string {
  if (entities.length === 0) return empty
  const shown = specs.filter(s => s.kind !== 'longtext' && entities.some(e => e[s.key] !== undefined))
  return formatTable(entities.map((e, i) => ({ e, n: i + 1 })), [
    { title: '#', get: r => String(r.n), align: 'right' },
    ...shown.map((s, i) => ({ title: s.label.toUpperCase(), get: (r: { e: Entity }) => formatField(s, r.e[s.key] as FieldValue), flex: i === 0 || s.kind === 'text' })),
    { title: 'ID', get: r => r.e.id, drop: 1 }
  ], width)
}

/** A CIP and its numbered action steps, each with its target date and responsible department. */
export function cipView (c: Cip): string {
  const head = `  - ${c.deficiency} [${c.status}]${c.conditionalPeriodEnd ? ` conditional period ends ${c.conditionalPeriodEnd}` : ''}`
  const steps = c.steps.map((s, i) => `      ${i + 1}. ${s.action}${[s.target && `target ${s.target}`, s.department, s.completed && `done ${s.completed}`].filter(Boolean).map(x => ` · ${String(x)}`).join('')}`)
  return [head, ...steps].join('\n')
}

export function accountView (a: AccountRecord, today: string, width: number): string {
  const profile = ACCOUNT_PROFILE_FIELDS.map(s => [s.label, formatField(s, a.profile[s.key])] as [string, string])
  const sections: string[] = [
    `${a.name}${a.archived ? '  (archived)' : ''}\n${'─'.repeat(Math.min(width, Math.max(a.name.length, 20)))}`,
    formatFields([
      ['ID', a.id], ['IR#s', a.iors.join(', ')], ['Kind', a.kind === 'national' ? 'National account (Account Manager)' : 'Port account (Port Account Team)'],
      ['Lead port', a.leadPort], ['SOP stage', STAGE_LABELS[a.stage]], ...profile
    ])
  ]
  if (a.locations.length) sections.push('Locations\n' + a.locations.map(l => `  - ${LOCATION_TYPE_LABELS[l.type]}: ${[l.name, locationText(l), l.reason].filter(Boolean).join(', ')}`).join('\n'))
  if (a.related.length) sections.push('Related companies\n' + a.related.map(r => `  - ${String(r.name)} — ${RELATIONSHIP_LABELS[String(r.type)]?.split(' — ')[0] ?? ''}${r.role ? ` (${String(r.role)})` : ''}`).join('\n'))
  if (a.contacts.length) {
    const bySide = new Map<string, Contact[]>()
    for (const c of a.contacts) bySide.set(String(c.side), [...(bySide.get(String(c.side)) ?? []), c])
    sections.push([...bySide].map(([side, cs]) => `${CONTACT_SIDE_LABELS[side as 'customs'] ?? side}\n` +
      cs.map(c => `  - ${String(c.name)}${c.role ? `, ${String(c.role)}` : ''}${c.org ? ` (${String(c.org)})` : ''}${[c.phone, c.email].filter(Boolean).length ? ` — ${[c.phone, c.email].filter(Boolean).join(', ')}` : ''}`).join('\n')).join('\n'))
  }
  const answered = a.checklist.filter(r => r.answer !== null)
  sections.push(`Checklist: ${answered.length} of ${a.checklist.length} answered\n` + answered.map(r => `  ${r.name.padEnd(13)} ${r.label}${r.other ? ` (${r.other})` : ''}: ${answerLabel(r.answer)}${r.reason ? ` — ${r.reason}` : ''}`).join('\n'))
  const planFields = formatFields(PLAN_FIELDS.map(s => [s.label, formatField(s, a.plan[s.key])] as [string, string]))
  sections.push('Action plan' + (planFields ? '\n' + planFields.replace(/^/gm, '  ') : '') + '\n' + planItemsTable(a.plan.items, today, width - 2).replace(/^/gm, '  '))
  if (a.cips.length) sections.push('Compliance Improvement Plans\n' + a.cips.map(cipView).join('\n'))
  if (a.events.length) sections.push('Events\n' + a.events.map(e => `  - ${String(e.date)} ${String(e.type)}: ${String(e.title)}`).join('\n'))
  return sections.join('\n\n')
}

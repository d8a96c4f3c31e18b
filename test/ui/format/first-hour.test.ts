// The presentation rules behind the app's rough edges of a new user's first hour (issue #14), table-tested:
// narrow tables drop the least important columns, tab titles shorten to whole words, help wraps, long
// messages wrap, exports go to a folder of their own, undo says what it will act on, and the Due screen's
// workspace entries open the accounts they concern.
import { describe, expect, it } from 'vitest'
import type { DueEntry, FieldSpec } from '../../../src/domain/index.js'
import { ACCOUNT_COLUMNS } from '../../../src/ui/format/accounts.js'
import { layoutColumns, visibleColumns } from '../../../src/ui/format/cells.js'
import { dueCells, dueColumns, workspaceEntries } from '../../../src/ui/format/due.js'
import { defaultExportDir, exportFolder } from '../../../src/ui/format/export.js'
import { profileLabelWidth } from '../../../src/ui/format/profile.js'
import { messageLines } from '../../../src/ui/format/text.js'
import { undoPlan, undoneMessage } from '../../../src/ui/format/undo.js'
import { tabTitles } from '../../../src/ui/components/chrome.js'
import { choicesText } from '../../../src/ui/components/form.js'
import { helpLines, helpRows } from '../../../src/ui/screens/help-screen.js'
import { ACCOUNT_TABS, TAB_LABELS, TAB_SHORT } from '../../../src/ui/hooks/use-account.js'
import { activityDetail } from '../../../src/ui/format/activity.js'
import { ACCOUNT_HEADER_FIELDS, ACCOUNT_PROFILE_FIELDS, CONTACT_FIELDS } from '../../../src/domain/index.js'

describe('narrow tables', () => {
  it.each([
    [120, ['name', 'ior', 'leadPort', 'stage', 'openItems', 'nextDue']],
    [78, ['name', 'ior', 'leadPort', 'stage', 'openItems', 'nextDue']],
    [58, ['name', 'stage', 'openItems', 'nextDue']], // 60 columns less the selection marker
    [48, ['name', 'stage', 'nextDue']],
    [44, ['name', 'nextDue']]
  ])('the accounts table at %i columns shows %j', (width, keys) => {
    expect(visibleColumns(ACCOUNT_COLUMNS, width).map(c => c.key)).toEqual(keys)
  })

  it('at 60 columns the name keeps room to be read and the next due date shows whole', () => {
    const cols = visibleColumns(ACCOUNT_COLUMNS, 58)
    const widths = layoutColumns(cols, [{ name: { text: 'Harborview Sample Electronics (DEMO)' }, nextDue: { text: '!2026-11-29' } }], 58)
    expect(widths[0]).toBeGreaterThanOrEqual(28)
    expect(widths.at(-1)).toBe(11)
  })

  it('the Due table shows whole account names from 100 columns on', () => {
    const row = dueCells({ date: '2026-12-15', accountId: 'a', accountName: 'Harborview Sample Electronics (DEMO)', rule: 'plan-item', ruleText: '', kind: 'item', title: 'Plan item: a rather long title that goes on and on for a while', overdue: false, daysLeft: 11 } as DueEntry)
    const at = (width: number) => layoutColumns(dueColumns(width), [row], width - 2)[2]!
    expect(at(120)).toBeGreaterThanOrEqual('Harborview Sample Electronics (DEMO)'.length)
    expect(at(80)).toBeLessThanOrEqual(30)
  })
})

describe('tab titles', () => {
  const tabs = ACCOUNT_TABS.map(t => ({ label: TAB_LABELS[t], short: TAB_SHORT[t] }))
  it.each([
    [80, ' 4 Action Plan '],
    [60, ' 4 Plan '],
    [46, '4 Plan'],
    [30, ' 4 ']
  ])('at %i columns the plan tab reads %j, every title whole', (width, want) => {
    const titles = tabTitles(tabs, width)
    expect(titles[3]).toBe(want)
    expect(titles.join(' ').length).toBeLessThanOrEqual(Math.max(width, 23))
    for (const t of titles) expect(t).not.toContain('…')
  })
})

describe('help at 80 columns', () => {
  it('wraps long labels under themselves instead of cutting them', () => {
    const { keyWidth, rows } = helpRows([{ keys: 'Enter', label: 'Open the account on the tab the entry is about (a workspace date: its accounts)' }], 40)
    expect(rows.length).toBeGreaterThan(1)
    for (const r of rows) expect(keyWidth + r.text.length).toBeLessThanOrEqual(40)
    expect(rows.map(r => r.text).join(' ')).toBe('Open the account on the tab the entry is about (a workspace date: its accounts)')
  })

  it('no help line of any screen is wider than 80 columns', () => {
    for (const screen of ['accounts', 'due', 'account.checklist', 'account.plan', 'editor', 'form'] as const) {
      const { keyWidth, rows } = helpRows(helpLines(screen), 80)
      for (const r of rows) expect(Math.max(r.keys.length, keyWidth + r.text.length), `${screen}: ${r.text}`).toBeLessThanOrEqual(80)
    }
  })
})

describe('messages and long values', () => {
  it.each([
    ['short', 80, ['short']],
    ['wrote action-plan to /home/someone/.pat/exports/harborview-action-plan-2026-12-04.md', 40, 3]
  ] as const)('%j at %i columns', (text, width, want) => {
    const lines = messageLines(text, width, 3)
    if (typeof want === 'number') {
      expect(lines).toHaveLength(want)
      expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
    } else expect(lines).toEqual(want)
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(width)
  })

  it('a message longer than three lines ends with "…" on the third', () => {
    const lines = messageLines('word '.repeat(100), 20, 3)
    expect(lines).toHaveLength(3)
    expect(lines[2]!.endsWith('…')).toBe(true)
  })

  it('profile labels show whole at 120 columns', () => {
    const labels = [...ACCOUNT_HEADER_FIELDS, ...ACCOUNT_PROFILE_FIELDS].map(f => f.label)
    const w = profileLabelWidth(labels, 120)
    for (const l of labels) expect(l.length + 3, l).toBeLessThanOrEqual(w)
    expect(profileLabelWidth(labels, 80)).toBeLessThanOrEqual(36)
  })

  it('an activity entry shows whole: when, who, kind and the full summary', () => {
    const summary = `set notes to "${'a long note '.repeat(20).trim()}"`
    const text = activityDetail({ at: '2026-11-22T14:05:00.000Z', by: 'm1', byName: 'Dana Ruiz', action: 'accounts.set', summary })
    expect(text).toContain('Who:   Dana Ruiz')
    expect(text).toContain('Kind:  accounts.set')
    expect(text).toContain(summary)
  })

  it.each([
    [CONTACT_FIELDS.find(f => f.key === 'side')!, 60, ' (customs | account | agency)'],
    [CONTACT_FIELDS.find(f => f.key === 'side')!, 30, ''],
    [CONTACT_FIELDS.find(f => f.key === 'name')!, 60, '']
  ] as Array<[FieldSpec, number, string]>)('the form shows %s\'s allowed values beside it at %i columns: %j', (spec, width, want) => {
    expect(choicesText(spec, width)).toBe(want)
  })
})

describe('the export folder', () => {
  it.each([
    ['', '/h/.pat/exports'],
    ['~', '/home/u'],
    ['~/Documents/PAT Desk', '/home/u/Documents/PAT Desk'],
    ['/srv/out', '/srv/out'],
    ['broker/2026', '/h/.pat/broker/2026']
  ])('%j → %s (never the current folder)', (typed, want) => {
    expect(exportFolder(typed, '/h/.pat', '/home/u')).toBe(want)
  })

  it('defaults to <home>/exports', () => {
    expect(defaultExportDir('/h/.pat')).toBe('/h/.pat/exports')
  })
})

describe('undo and redo', () => {
  const name = (id: string) => ({ a: 'Harborview', b: 'Blue Heron' })[id] ?? id
  const last = { summary: 'added plan item "Broker audit"', accountId: 'a' }
  it.each([
    ['undo', undefined, undefined, /^nothing to undo/],
    ['redo', undefined, undefined, /^nothing to redo: U redoes what u undid/],
    ['undo', last, 'b', /the last edit to undo is on Harborview \(added plan item "Broker audit"\): open that account/],
    ['redo', last, 'b', /the last edit to redo is on Harborview/]
  ] as const)('%s of %j from the screen of %s refuses: %s', (verb, next, scope, message) => {
    const plan = undoPlan(verb, next, scope, name)
    expect(plan.act).toBe(false)
    expect(plan.act ? '' : plan.message).toMatch(message)
  })

  it.each([
    [undefined], ['a']
  ])('acts on the last edit from the accounts list or its own account (%s)', scope => {
    expect(undoPlan('undo', last, scope, name)).toEqual({ act: true })
  })

  it('says what it did and how to take it back', () => {
    expect(undoneMessage('undo', last, 'Harborview')).toBe('undid: added plan item "Broker audit" (Harborview) · U redoes it')
    expect(undoneMessage('redo', last, 'Harborview')).toBe('redid: added plan item "Broker audit" (Harborview) · u undoes it')
  })
})

describe('whole-workspace Due entries', () => {
  const entry = (rule: DueEntry['rule'], accountId: string | null) => ({ rule, accountId, accountName: accountId, date: '2026-12-15' } as DueEntry)
  it('the OST deadline opens the accounts with a definition change to report', () => {
    const all = [entry('ost-deadline', null), entry('ost-definition', 'a'), entry('plan-item', 'b'), entry('ost-definition', 'c')]
    expect(workspaceEntries(all[0]!, all).map(e => e.accountId)).toEqual(['a', 'c'])
    expect(workspaceEntries(entry('plan-item', 'b'), all)).toEqual([])
  })
})

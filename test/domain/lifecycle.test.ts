import { describe, expect, it } from 'vitest'
import {
  CHECKLIST_ITEMS, STAGES, TASKS, lifecycleProgress, nextStage, openTasksBefore, parseStage, resolveTask, tasksOf, taskProgress,
  type AccountSnapshot
} from '../../src/domain/index.js'
import { portAccount } from '../helpers/port-account.js'

const account = portAccount
const status = (a: AccountSnapshot, id: string) => taskProgress(resolveTask(id), a)

describe('the five stages and their tasks', () => {
  it('has the SOP\'s tasks for every stage, with unique ids', () => {
    expect(STAGES.map(s => tasksOf(s).length).every(n => n >= 3)).toBe(true)
    expect(new Set(TASKS.map(t => t.id)).size).toBe(TASKS.length)
    expect(tasksOf('establish').map(t => t.id)).toEqual([
      'establish.iors', 'establish.iors-confirmed', 'establish.first-meeting', 'establish.structure', 'establish.categories',
      'establish.locations', 'establish.related', 'establish.poc', 'establish.ost'
    ])
    expect(tasksOf('evaluate').map(t => t.id)).toEqual([
      'evaluate.profile', 'evaluate.network', 'evaluate.questionnaire-sent', 'evaluate.questionnaire-returned', 'evaluate.interviews'
    ])
  })

  it('starts with every task open', () => {
    const progress = lifecycleProgress(account())
    expect(progress.map(s => [s.stage, s.done, s.current])).toEqual([
      ['select', 0, false], ['establish', 0, true], ['evaluate', 0, false], ['improve', 0, false], ['manage', 0, false]
    ])
  })
})

describe('tasks done by the recorded data', () => {
  it('derives the Establish tasks from IR#s, structure, categories, locations, related companies and contacts', () => {
    const a = account({
      iors: ['12-3456789'],
      profile: { structure: 'One division.', categories: ['importer'], ostNotified: '2026-09-01' },
      locations: [{ id: 'l1', type: 'headquarters', country: 'US' }],
      related: [{ id: 'r1', name: 'Broker', type: '1' }],
      contacts: [{ id: 'c1', name: 'Lee', side: 'account' }],
      events: [{ id: 'e1', type: 'meeting', date: '2026-10-01', title: 'First meeting' }]
    })
    const establish = lifecycleProgress(a).find(s => s.stage === 'establish')!
    expect(establish.tasks.filter(t => t.status === 'open').map(t => t.id)).toEqual(['establish.iors-confirmed'])
    expect(status(a, 'establish.iors')).toMatchObject({ status: 'done', source: 'data', detail: '1 IR# recorded' })
    expect(status(a, 'establish.poc').detail).toBe('1 account contact recorded')
  })

  it('needs a contact on each side: the account\'s POC for Establish, the Customs network for Evaluate', () => {
    const customsOnly = account({ contacts: [{ id: 'c1', name: 'Pat', side: 'customs' }] })
    expect(status(customsOnly, 'establish.poc').status).toBe('open')
    expect(status(customsOnly, 'evaluate.network').status).toBe('done')
  })

  it('derives profile and interviews for Evaluate; the questionnaire needs a mark', () => {
    const a = account({ stage: 'evaluate', profile: { profileReviewed: '2026-05-01' }, events: [{ id: 'e', type: 'interview', date: '2026-06-01', title: 'Interview' }] })
    expect(status(a, 'evaluate.profile').status).toBe('done')
    expect(status(a, 'evaluate.interviews')).toMatchObject({ status: 'done', detail: '1 interview recorded' })
    expect(status(a, 'evaluate.questionnaire-sent')).toMatchObject({ status: 'open', source: 'none', markable: true })
  })

  it('counts the checklist screened only when every Compliance and Business item is answered, No/NA with a reason', () => {
    const rows = CHECKLIST_ITEMS.map(i => ({ key: i.key, area: i.area, answer: 'yes' as 'yes' | 'na' | null, reason: '' }))
    expect(status(account({ checklist: rows }), 'improve.checklist').status).toBe('done')
    const withoutReason = rows.map((r, i) => (i === 3 ? { ...r, answer: 'na' as const, reason: '' } : r))
    expect(status(account({ checklist: withoutReason }), 'improve.checklist').status).toBe('open')
    expect(status(account({ checklist: rows.slice(1) }), 'improve.checklist').status).toBe('open')
  })

  it('counts the project list only when every open item has an owner and a due date', () => {
    const item = { id: 'i1', title: 'A', priority: 'high', status: 'open', owner: 'Dana', due: '2027-01-01' } as const
    expect(status(account({ plan: { items: [item] } }), 'improve.projects').status).toBe('done')
    expect(status(account({ plan: { items: [item, { ...item, id: 'i2', owner: undefined }] } }), 'improve.projects').status).toBe('open')
    expect(status(account({ plan: { items: [item, { ...item, id: 'i2', owner: undefined, status: 'done' }] } }), 'improve.projects').status).toBe('done')
    expect(status(account(), 'improve.projects').status).toBe('open')
  })

  it('asks for three approvals of a port account (account, team, TCPO) and two of a national one', () => {
    const approvals = [{ id: 'a1', name: 'Ana', role: 'Account' }, { id: 'a2', name: 'Dana', role: 'Account Manager' }]
    expect(status(account({ plan: { items: [], approvals } }), 'improve.approvals').status).toBe('open')
    expect(status(account({ kind: 'national', plan: { items: [], approvals } }), 'improve.approvals').status).toBe('done')
  })

  it('derives Select from the selection check and partner-port concurrence, which national accounts skip', () => {
    const a = account({
      stage: 'select',
      profile: { importValue: 20_000_000, nationalRank: 900, pfiShare: 60 },
      ports: [{ id: 'p1', name: 'Savannah', share: 70, rank: 1 }, { id: 'p2', name: 'Charleston', share: 30, rank: 2, concurrence: 'yes' }]
    })
    expect(status(a, 'select.criteria').status).toBe('done')
    expect(status(a, 'select.concurrence')).toMatchObject({ status: 'done', detail: 'Charleston (30%) agreed' })
    expect(status({ ...a, kind: 'national' }, 'select.concurrence')).toMatchObject({ status: 'na', markable: false })
    const select = lifecycleProgress({ ...a, kind: 'national' }).find(s => s.stage === 'select')!
    expect(select.total).toBe(tasksOf('select').length - 1)
  })

  it('derives Manage from items implemented and CIPs no longer open', () => {
    const done = { id: 'i1', title: 'A', priority: 'high', status: 'done' } as const
    expect(status(account({ plan: { items: [done] } }), 'manage.implement').status).toBe('done')
    expect(status(account({ cips: [{ id: 'c', deficiency: 'X', status: 'validated' }] }), 'manage.cip').status).toBe('done')
    expect(status(account({ cips: [{ id: 'c', deficiency: 'X', status: 'implementing' }] }), 'manage.cip').status).toBe('open')
  })
})

describe('tasks marked by members', () => {
  it('counts a mark as done, with who and when', () => {
    const a = account({ tasks: { 'establish.iors-confirmed': { done: true, by: 'm1', at: '2026-11-20T10:00:00.000Z', note: 'by phone' } } })
    expect(status(a, 'establish.iors-confirmed')).toMatchObject({ status: 'done', source: 'marked', by: 'm1', at: '2026-11-20T10:00:00.000Z', detail: 'by phone' })
  })
})

describe('moving on', () => {
  it('lists what is still open in the stages left behind, and nothing when moving back', () => {
    const a = account({ stage: 'establish', iors: ['12-3456789'] })
    const open = openTasksBefore(a, 'evaluate')
    expect(open.map(t => t.id)).toContain('establish.iors-confirmed')
    expect(open.map(t => t.id)).not.toContain('establish.iors')
    expect(open.every(t => t.stage === 'establish')).toBe(true)
    expect(openTasksBefore(a, 'improve').some(t => t.stage === 'evaluate')).toBe(true)
    expect(openTasksBefore(a, 'select')).toEqual([])
    expect(openTasksBefore(a, 'establish')).toEqual([])
  })

  it('parses stages and task names', () => {
    expect(parseStage('Evaluate')).toBe('evaluate')
    expect(parseStage('5')).toBe('manage')
    expect(() => parseStage('review')).toThrow(/use one of select, establish, evaluate, improve, manage/)
    expect(nextStage('improve')).toBe('manage')
    expect(nextStage('manage')).toBeUndefined()
    expect(resolveTask('questionnaire-sent').id).toBe('evaluate.questionnaire-sent')
    expect(resolveTask('Establish.IORS-confirmed').id).toBe('establish.iors-confirmed')
    expect(() => resolveTask('network')).toThrow(/several stages \(evaluate.network, manage.network\)/)
    expect(() => resolveTask('coffee')).toThrow(/unknown task "coffee"/)
  })
})

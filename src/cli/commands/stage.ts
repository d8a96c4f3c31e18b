/**
 * `pat stage ACCOUNT [--json]`: the account's SOP lifecycle — each stage's tasks, done or open, from the
 * recorded data and the marks members made; `pat stage ACCOUNT done TASK` / `undo TASK` marks a task or
 * takes the mark back; `pat stage ACCOUNT set STAGE` (or `next`) moves the account, warning on stderr about
 * the tasks still open in the stage it leaves. The one block: leaving Select before OI clearance is refused
 * unless `--force` (domain/stage-gate.ts), and a forced move says so in the activity log.
 */
import type { Command } from 'commander'
import {
  FORCED_CLEARANCE, InputError, STAGE_LABELS, lifecycleProgress, nextStage, openTasksBefore, parseStage, resolveTask, stageBlockMessage,
  stageMoveBlock, taskProgress, type TaskProgress
} from '../../domain/index.js'
import type { AccountRecord } from '../../store/index.js'
import { READS_ACCOUNTS, withStore, type CliContext } from '../context.js'
import { printJson } from '../io.js'
import { helpAfter } from '../help-text.js'

interface StageOpts { json?: boolean, all?: boolean, note?: string, force?: boolean }

const ACTIONS = ['show', 'done', 'undo', 'set', 'next']

export function registerStage (program: Command, ctx: CliContext): void {
  program.command('stage').argument('<account>', 'account id or name')
    .argument('[action]', 'show (default), done TASK, undo TASK, set STAGE, or next')
    .argument('[arg]', 'the task id (e.g. establish.iors-confirmed) or the stage (select, establish, evaluate, improve, manage)')
    .description('the SOP lifecycle: each stage\'s tasks for the account; mark tasks done; move to another stage')
    .option('--all', 'show the tasks of every stage, not only the current one')
    .option('--note <text>', 'with done: a note kept with the mark')
    .option('--force', 'with set/next: leave Select before OI clearance is recorded (logged as forced)')
    .option('--json', 'print JSON')
    .addHelpText('after', helpAfter([
      'Tasks shown done by the recorded data (IR#s, structure, locations, contacts, interviews…) need no mark; the others (e.g. establish.iors-confirmed, evaluate.questionnaire-sent) are marked with `done`.',
      'Moving on with `set` or `next` warns about the tasks still open; leaving Select before OI clearance (select.clearance) is refused unless --force, as the SOP says to wait for it before beginning work.'
    ]))
    .action(async (ref: string, action: string | undefined, arg: string | undefined, opts: StageOpts) => {
      const verb = (action ?? 'show').toLowerCase()
      if (!ACTIONS.includes(verb)) throw new InputError(`unknown stage action "${action}": use ${ACTIONS.join(', ')} (see pat stage --help)`)
      if ((verb === 'done' || verb === 'undo' || verb === 'set') && !arg) {
        throw new InputError(`pat stage ACCOUNT ${verb} needs ${verb === 'set' ? 'a stage, e.g. evaluate' : 'a task id, e.g. establish.iors-confirmed'}`)
      }
      if (verb === 'show') return show(ctx, ref, opts)
      if (verb === 'done' || verb === 'undo') return mark(ctx, ref, verb, arg!, opts)
      return move(ctx, ref, verb === 'next' ? undefined : arg!, opts)
    })
}

async function show (ctx: CliContext, ref: string, opts: StageOpts): Promise<void> {
  const record = await withStore(ctx, s => s.accounts.show(ref), READS_ACCOUNTS)
  const stages = lifecycleProgress(record)
  if (opts.json) {
    printJson(ctx.io, { accountId: record.id, accountName: record.name, stage: record.stage, next: nextStage(record.stage) ?? null, stages })
    return
  }
  const current = stages.find(s => s.current)!
  const lines = [`${record.name} — SOP stage: ${current.label} (${current.done} of ${current.total} tasks done)`, '']
  for (const s of stages) lines.push(`${s.current ? '▶' : ' '} ${s.label.padEnd(10)} ${String(s.done).padStart(2)}/${s.total}${s.done === s.total ? ' ✓' : ''}`)
  const idx = stages.indexOf(current)
  const shown = opts.all ? stages : [current]
  for (const s of shown) lines.push('', `${s.label} — tasks`, ...s.tasks.map(taskLine))
  if (!opts.all) {
    const earlier = stages.slice(0, idx).flatMap(s => s.tasks.filter(t => t.status === 'open'))
    if (earlier.length) lines.push('', 'Still open in earlier stages', ...earlier.map(taskLine))
  }
  const next = nextStage(record.stage)
  lines.push('', `Mark a task: pat stage ${record.id} done TASK${next ? `; move on: pat stage ${record.id} next (to ${STAGE_LABELS[next]})` : ''}`)
  ctx.io.out(lines.join('\n'))
}

function taskLine (t: TaskProgress): string {
  const box = t.status === 'done' ? '[x]' : t.status === 'na' ? '[-]' : '[ ]'
  const why = t.status === 'na' ? ` — n/a: ${t.detail}` : t.source === 'marked' ? ` — marked ${t.at?.slice(0, 10) ?? ''}${t.detail ? `: ${t.detail}` : ''}` : t.detail ? ` — ${t.detail}` : ''
  return `  ${box} ${t.id.padEnd(32)} ${t.label}${why}`
}

async function mark (ctx: CliContext, ref: string, verb: 'done' | 'undo', taskName: string, opts: StageOpts): Promise<void> {
  const task = resolveTask(taskName)
  const { record, change, after } = await withStore(ctx, async s => {
    const before = await s.accounts.show(ref)
    const progress = taskProgress(task, before)
    if (progress.status === 'na') throw new InputError(`task ${task.id} does not apply to this account (${progress.detail})`, 'task')
    if (verb === 'undo' && progress.source === 'data') {
      throw new InputError(`task ${task.id} is done because the recorded data shows it (${progress.detail}); change that data to reopen it`, 'task')
    }
    const change = await s.tasks.mark(before.id, task.id, verb === 'done', opts.note)
    const record = await s.accounts.show(before.id)
    return { record, change, after: taskProgress(task, record) }
  })
  if (opts.json) { printJson(ctx.io, { accountId: record.id, accountName: record.name, changed: change.changed, task: after }); return }
  if (verb === 'undo' && !change.changed) ctx.io.out(`task ${task.id} was not marked done; nothing to take back`)
  else ctx.io.out(`${after.status === 'done' ? 'done' : 'open'}: ${task.id} ${task.label} (${STAGE_LABELS[task.stage]}, ${record.name})`)
}

async function move (ctx: CliContext, ref: string, target: string | undefined, opts: StageOpts): Promise<void> {
  const result = await withStore(ctx, async s => {
    const record = await s.accounts.show(ref)
    const to = target === undefined ? nextStage(record.stage) : parseStage(target)
    if (to === undefined) throw new InputError(`${record.name} is in Manage, the last stage: account designation is permanent`, 'stage')
    const blocked = stageMoveBlock(record, to)
    if (blocked && !opts.force) throw new InputError(stageBlockMessage(record, to, `move anyway with \`pat stage ${record.id} set ${to} --force\``), 'stage')
    const open = openTasksBefore(record, to)
    const updated: AccountRecord = to === record.stage ? record : await s.accounts.set(record.id, { stage: to }, blocked ? { forced: FORCED_CLEARANCE } : {})
    return { from: record.stage, to, open, record: updated, forced: blocked !== undefined }
  })
  const { from, to, open, record, forced } = result
  if (open.length) {
    ctx.io.err(`warning: ${record.name} leaves ${STAGE_LABELS[from]} with ${open.length} task${open.length === 1 ? '' : 's'} still open: ` +
      open.map(t => `${t.id} (${t.label})`).join(', '))
  }
  if (opts.json) {
    printJson(ctx.io, { accountId: record.id, accountName: record.name, from, to, changed: from !== to, forced, open: open.map(t => ({ id: t.id, stage: t.stage, label: t.label })) })
    return
  }
  ctx.io.out(from === to ? `${record.name} is already in ${STAGE_LABELS[to]}` : `${record.name}: stage ${STAGE_LABELS[from]} → ${STAGE_LABELS[to]}${forced ? ` (forced: ${FORCED_CLEARANCE})` : ''}`)
}

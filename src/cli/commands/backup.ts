/**
 * `pat backup FILE`, `pat restore FILE`, `pat doctor`: whole-workspace copies (Yjs updates, so history
 * survives) and recovery of a damaged database — never overwriting anything without keeping a copy.
 */
import type { Command } from 'commander'
import { resolve } from 'node:path'
import { InputError } from '../../domain/index.js'
import { iorDuplicateLine, type IorDuplicate } from '../../store/index.js'
import { READS_ACCOUNTS, withStore, type CliContext } from '../context.js'
import { printJson } from '../io.js'

export function registerBackup (program: Command, ctx: CliContext): void {
  program.command('backup').argument('<file>', 'where to write the backup').description('write the whole workspace, with its history, to a file')
    .option('--force', 'replace FILE if it exists')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { force?: boolean, json?: boolean }) => {
      const { writeBackup } = await import('../../store/backup.js')
      const info = await withStore(ctx, s => writeBackup(s.ws, resolve(ctx.io.cwd, file), { force: Boolean(opts.force) }))
      if (opts.json) printJson(ctx.io, info)
      else ctx.io.out(`backed up ${info.documents} documents (${info.bytes} bytes) to ${info.file}`)
    })

  program.command('restore').argument('<file>', 'a file written by `pat backup`')
    .description('replace the workspace with a backup (the current database is kept aside), or --merge it in')
    .option('--merge', 'merge the backup into the current workspace instead of replacing it')
    .option('--other-team', 'replace this workspace with a backup of another team (never merged)')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { merge?: boolean, otherTeam?: boolean, json?: boolean }) => {
      if (ctx.shared) throw new InputError('the workspace is open in the app or `pat serve`: close it, then run `pat restore` again')
      const { restoreBackup } = await import('../../store/backup.js')
      const info = await restoreBackup(ctx.home(), resolve(ctx.io.cwd, file), { merge: Boolean(opts.merge), otherTeam: Boolean(opts.otherTeam) })
      if (opts.json) printJson(ctx.io, info)
      else ctx.io.out(`restored ${info.documents} documents from ${info.file}${info.keptAside ? `; the previous database is kept in ${info.keptAside}` : ''}`)
    })

  program.command('doctor').description('check the workspace database and recover what is readable (a copy of the damaged one is kept)')
    .option('--from-backup <file>', 'merge this backup (default: the last one written) to recover what the database lost')
    .option('--accept-loss', 'record what the database now holds as complete, after a loss no backup recovers')
    .option('--json', 'print JSON')
    .action(async (opts: { fromBackup?: string, acceptLoss?: boolean, json?: boolean }) => {
      if (ctx.shared) throw new InputError('the workspace is open and healthy in the app or `pat serve`; close it to run a full check')
      const { runDoctor } = await import('../../store/doctor.js')
      const { homePaths } = await import('../../store/home.js')
      const { loadIdentity } = await import('../../sync/identity.js')
      const identity = await loadIdentity(homePaths(ctx.home()).identityKey).then(i => ({ id: i.id }), (err: Error) => ({ problem: err.message.split(':')[0]! }))
      const report: Awaited<ReturnType<typeof runDoctor>> & { duplicateIors?: IorDuplicate[] } = await runDoctor(ctx.home(), {
        identity, acceptLoss: Boolean(opts.acceptLoss), ...(opts.fromBackup ? { backup: resolve(ctx.io.cwd, opts.fromBackup) } : {})
      })
      if (report.ok) { // what a merge can leave that no single edit may make: one IR# in two accounts (issue 15, point 7)
        const duplicates = await withStore(ctx, async s => s.ws.duplicateIors(), READS_ACCOUNTS)
        report.duplicateIors = duplicates
        report.lines.push(...duplicates.map(d => `warning: ${iorDuplicateLine(d)}`))
      }
      if (opts.json) printJson(ctx.io, report)
      else if (report.lines.length) ctx.io.out(report.lines.join('\n'))
      if (!report.ok) throw new InputError(report.problem ?? 'the workspace could not be recovered')
    })
}

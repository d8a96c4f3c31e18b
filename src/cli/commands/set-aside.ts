/**
 * `pat sync set-aside list|export|drop`: the changes set aside (store/set-aside.ts) — parts of what peers or a
 * hub sent that the roster rules refused, and this member's own changes a viewer may not send. They are
 * kept until dropped; export writes one as a Yjs update (v1) to a file, e.g. for an owner to look at.
 */
import { writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { InputError } from '../../domain/index.js'
import { homePaths, SetAsideBook, type SetAsideEntry } from '../../store/index.js'
import type { CliContext } from '../context.js'
import { formatTable } from '../format.js'
import { printJson } from '../io.js'

export function registerSetAside (sync: Command, ctx: CliContext): void {
  const book = () => new SetAsideBook(homePaths(ctx.home()).setAside)
  const aside = sync.command('set-aside').description('changes set aside: refused parts of what peers or a hub sent, and your own a viewer may not send')
  aside.command('list').description('list them').option('--json', 'print JSON')
    .action((_opts: unknown, cmd: Command) => {
      const rows = book().list()
      if (cmd.optsWithGlobals<{ json?: boolean }>().json) { printJson(ctx.io, rows); return }
      if (rows.length === 0) { ctx.io.out('nothing set aside'); return }
      ctx.io.out(formatTable(rows, [
        { title: 'ID', get: (e: SetAsideEntry) => e.id },
        { title: 'DOCUMENT', get: e => e.doc },
        { title: 'FROM', get: e => e.source },
        { title: 'BY', get: e => e.author },
        { title: 'WHEN', get: e => e.at.replace('T', ' ').slice(0, 16) },
        { title: 'WHY', get: e => e.reason }
      ], ctx.io.columns))
    })
  aside.command('export <id> <file>').description('write one as a Yjs update (v1) to FILE').option('--force', 'replace FILE if it exists')
    .action(async (id: string, file: string, opts: { force?: boolean }) => {
      const update = book().update(id)
      try {
        await writeFile(file, update, { flag: opts.force ? 'w' : 'wx' })
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code
        throw new InputError(code === 'EEXIST' ? `${file} exists: give another file, or --force to replace it` : `cannot write ${file}: ${code ?? (err as Error).message}`)
      }
      ctx.io.out(`wrote ${update.length} bytes to ${file}`)
    })
  aside.command('drop <id>').description('forget one (or "all"); a change dropped is not kept anywhere else here')
    .action((id: string) => {
      const gone = book().drop(id)
      ctx.io.out(gone.length === 0 ? 'nothing set aside' : `dropped ${gone.length} change${gone.length === 1 ? '' : 's'} set aside`)
    })
}

/**
 * `pat export ACCOUNT --template action-plan|cip|profile|questionnaire [--format md|html|docx] [--out FILE]`:
 * a document from a template (built-in in templates/, or the team's own in <home>/templates/). What the SOP
 * requires and the account lacks is marked "⚠" in the document and listed on stderr; the export happens
 * anyway.
 */
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { InputError, today } from '../../domain/index.js'
import { homePaths } from '../../store/index.js'
import { READS_ACCOUNTS, withStore, type CliContext } from '../context.js'
import { BUILTIN_TEMPLATES, defaultFileName, renderDocument, writeFileAtomic, type ExportFormat } from '../../docs/index.js'
import { printJson } from '../io.js'
import { helpAfter } from '../help-text.js'

interface ExportOpts { template: string, format?: string, out?: string, json?: boolean }

export function registerExport (program: Command, ctx: CliContext): void {
  program.command('export').argument('<account>', 'account id or name')
    .description('write a document for an account from a template: the Action Plan, the CIP, the profile, the questionnaire')
    .requiredOption('-t, --template <name>', `${BUILTIN_TEMPLATES.join(', ')}, or a template of your own in <home>/templates/NAME.md.eta`)
    .option('-f, --format <format>', 'md, html or docx (default: md, or what --out ends in); docx without --out is written to a file named after the account')
    .option('-o, --out <file>', 'write the document to FILE instead of printing it')
    .option('--json', 'print JSON: {account, template, source, format, out?, document?, warnings[]}')
    .addHelpText('after', helpAfter([
      'Gaps (unanswered checklist items, No/NA without a reason, items without an owner or due date, …) are marked "⚠" in the document and listed on stderr; the document is written all the same.',
      'Your own templates: <home>/templates/NAME.md.eta adds or overrides a template for the workspace; <home>/templates/NAME.ACCOUNT-ID.md.eta customises it for one account (e.g. its questionnaire).'
    ]))
    .action(async (ref: string, opts: ExportOpts) => {
      const format = parseFormat(opts.format, opts.out)
      if (format === 'docx') return exportDocx(ctx, ref, opts)
      const rendered = await withStore(ctx, async s => {
        const record = await s.accounts.show(ref)
        return { record, doc: await renderDocument(record, { template: opts.template, format, today: today(), homeTemplates: homePaths(ctx.home()).templates }) }
      }, READS_ACCOUNTS)
      const { record, doc } = rendered
      const out = opts.out ? resolve(ctx.io.cwd, opts.out) : undefined
      if (out) await writeFileAtomic(out, doc.document)
      if (opts.json) {
        printJson(ctx.io, {
          account: { id: record.id, name: record.name },
          template: doc.template.name,
          source: doc.template.origin,
          format,
          ...(out ? { out } : { document: doc.document }),
          warnings: doc.warnings
        })
      } else if (!out) ctx.io.out(doc.document)
      reportWritten(ctx, record.name, doc.template.name, doc.warnings, out, opts.json)
    })
}

/** A Word document is a file: written to --out, or to a name of its own in the current folder. */
async function exportDocx (ctx: CliContext, ref: string, opts: ExportOpts): Promise<void> {
  const { renderDocx } = await import('../../docs/docx.js')
  const { record, doc } = await withStore(ctx, async s => {
    const record = await s.accounts.show(ref)
    return { record, doc: await renderDocx(record, { template: opts.template, today: today(), homeTemplates: homePaths(ctx.home()).templates }) }
  }, READS_ACCOUNTS)
  const out = resolve(ctx.io.cwd, opts.out ?? defaultFileName(record.name, doc.template.name, 'docx', today()))
  await writeFileAtomic(out, doc.bytes)
  if (opts.json) printJson(ctx.io, { account: { id: record.id, name: record.name }, template: doc.template.name, source: doc.template.origin, format: 'docx', out, warnings: doc.warnings })
  reportWritten(ctx, record.name, doc.template.name, doc.warnings, out, opts.json)
}

function reportWritten (ctx: CliContext, account: string, template: string, warnings: readonly string[], out: string | undefined, json?: boolean): void {
  for (const w of warnings) ctx.io.err(`warning: ${w}`)
  if (out && !json) {
    ctx.io.out(`wrote ${template} for ${account} to ${out}${warnings.length ? ` (${warnings.length} gap${warnings.length === 1 ? '' : 's'} marked ⚠)` : ''}`)
  }
}

function parseFormat (format: string | undefined, out: string | undefined): ExportFormat {
  const f = (format ?? (out && /\.html?$/i.test(out) ? 'html' : out && /\.docx$/i.test(out) ? 'docx' : 'md')).toLowerCase()
  if (f === 'md' || f === 'markdown') return 'md'
  if (f === 'html') return 'html'
  if (f === 'docx' || f === 'word') return 'docx'
  throw new InputError(`invalid format "${format}": use md, html or docx (pdf is not built: export docx and print it from Word)`, 'format')
}

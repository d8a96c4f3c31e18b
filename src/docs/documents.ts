/**
 * Documents from templates: the Account Action Plan, the Compliance Improvement Plan, the account profile
 * and the evaluation questionnaire, rendered from `templates/*.md.eta` (Eta) as Markdown, or as a small
 * well-formed HTML page (the Markdown rendered by marked). A team's own templates in `<home>/templates/`
 * override or add to the built-in ones; `<home>/templates/NAME.ACCOUNT-ID.md.eta` customises one account's
 * document (e.g. its questionnaire).
 *
 * User text is escaped where it enters the document: `<%= … %>` in a template escapes Markdown (and with it
 * HTML), so a contact named `<script>` stays text in both formats; `<%~ … %>` is raw, for the template's own
 * markup. The context (`it`) holds the account record plus views prepared for the documents, and each
 * built-in document lists the gaps the SOP would not accept — they are marked "⚠" in the document and
 * returned as warnings, and the document is produced all the same.
 */
import { existsSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { InputError, type IsoDate } from '../domain/index.js'
import type { AccountRecord } from '../store/index.js'

export const BUILTIN_TEMPLATES = ['action-plan', 'cip', 'profile', 'questionnaire'] as const
export type DocFormat = 'md' | 'html'

const BUILTIN_DIR = fileURLToPath(new URL('../../templates/', import.meta.url))
const EXTENSION = '.md.eta'
const NAME = /^[a-z0-9][a-z0-9_-]*$/i

import { documentContext } from './context.js'
import { htmlEscape, mdEscape, slug } from './escape.js'
import type { Eta } from 'eta'

// ---- templates -------------------------------------------------------------------------------------

export interface TemplateSource { name: string, path: string, origin: 'account' | 'workspace' | 'built-in' }

/** The template file for a name: the account's own, else the workspace's, else the built-in one. */
export function findTemplate (name: string, homeTemplates: string, accountId: string): TemplateSource {
  if (!NAME.test(name)) throw new InputError(`invalid template name "${name}": use letters, digits, - and _ (e.g. action-plan)`, 'template')
  const candidates: TemplateSource[] = [
    { name, path: join(homeTemplates, `${name}.${accountId}${EXTENSION}`), origin: 'account' },
    { name, path: join(homeTemplates, `${name}${EXTENSION}`), origin: 'workspace' },
    { name, path: join(BUILTIN_DIR, `${name}${EXTENSION}`), origin: 'built-in' }
  ]
  const hit = candidates.find(c => existsSync(c.path))
  if (!hit) {
    throw new InputError(`unknown template "${name}": use ${templateNames(homeTemplates).join(', ')}, or add ${join(homeTemplates, `${name}${EXTENSION}`)}`, 'template')
  }
  return hit
}

/** The names of the templates available: the built-in ones and the workspace's own. */
export function templateNames (homeTemplates: string): string[] {
  let own: string[] = []
  try { own = readdirSync(homeTemplates) } catch { /* no templates folder */ }
  const names = own.filter(f => f.endsWith(EXTENSION)).map(f => f.slice(0, -EXTENSION.length)).filter(n => NAME.test(n) && !n.includes('.'))
  return [...new Set([...BUILTIN_TEMPLATES, ...names])].sort()
}

let eta: Eta | undefined
async function engine () {
  if (!eta) {
    const { Eta } = await import('eta')
    eta = new Eta({ autoEscape: true, escapeFunction: mdEscape, autoTrim: false, cache: false, useWith: false })
  }
  return eta
}

export interface RenderedDocument { document: string, warnings: string[], template: TemplateSource, format: DocFormat }

/** Renders one document for an account. */
export async function renderDocument (record: AccountRecord, opts: { template: string, format: DocFormat, today: IsoDate, homeTemplates: string }): Promise<RenderedDocument> {
  const source = findTemplate(opts.template, opts.homeTemplates, record.id)
  const text = await readFile(source.path, 'utf8')
  const context = documentContext(record, opts.today)
  let markdown: string
  try {
    markdown = (await engine()).renderString(text, context)
  } catch (err) {
    throw new InputError(`template ${source.path} failed: ${((err as Error).message.split('\n')[0] ?? '').trim()}`, 'template')
  }
  const warnings = context.gaps[opts.template] ?? []
  markdown = markdown.replace(/\s*$/, '\n')
  const document = opts.format === 'html' ? await toHtml(markdown, titleOf(markdown) ?? `${opts.template}: ${record.name}`) : markdown
  return { document, warnings, template: source, format: opts.format }
}

function titleOf (markdown: string): string | undefined {
  const m = /^#\s+(.+)$/m.exec(markdown)
  return m ? m[1]!.replace(/\\(.)/g, '$1').replace(/[*_`]/g, '').trim() : undefined
}

/** A minimal, well-formed HTML5 page around the rendered Markdown; headings get ids for the table of contents. */
export async function toHtml (markdown: string, title: string): Promise<string> {
  const { Marked } = await import('marked')
  const marked = new Marked({ gfm: true, async: false })
  marked.use({
    renderer: {
      heading ({ tokens, depth, text }) {
        return `<h${depth} id="${htmlEscape(slug(text))}">${this.parser.parseInline(tokens)}</h${depth}>\n`
      }
    }
  })
  const body = marked.parse(markdown, { async: false }) as string
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlEscape(title)}</title>`,
    '<style>',
    'body { font-family: system-ui, sans-serif; line-height: 1.45; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }',
    'table { border-collapse: collapse; margin: 0.5rem 0 1rem; }',
    'th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }',
    '</style>',
    '</head>',
    '<body>',
    '<main>',
    body.trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    ''
  ].join('\n')
}

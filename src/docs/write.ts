/**
 * Writing an exported document to a file: the file appears whole or not at all (written beside it, then
 * renamed), so an interrupted export never leaves half a document where the last good one was. The app
 * names the file after the account, the template and the date when the user gives no name.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { IsoDate } from '../domain/index.js'
import type { AccountRecord } from '../store/index.js'
import { renderDocument, type DocFormat, type RenderedDocument } from './documents.js'
import { slug } from './escape.js'
import { writeFileAtomic } from './atomic-file.js'

/** What a document can be written as: Markdown, HTML, or Word (docx.ts, loaded only when asked for). */
export type ExportFormat = DocFormat | 'docx'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'html', 'docx']

export interface ExportRequest { template: string, format: DocFormat, today: IsoDate, homeTemplates: string }

/** `harborview-sample-electronics-action-plan-2026-11-23.md` */
export function defaultFileName (accountName: string, template: string, format: ExportFormat, today: IsoDate): string {
  const name = slug(accountName).replace(/-+/g, '-').replace(/^-|-$/g, '') || 'account'
  return `${name}-${template}-${today}.${format}`
}

export { writeFileAtomic }

/** Renders the document and writes it to `file` (relative to `dir`), or to the default name in `dir`. */
export async function exportToFile (record: AccountRecord, req: Omit<ExportRequest, 'format'> & { format: ExportFormat, dir: string, file?: string }): Promise<Omit<RenderedDocument, 'document' | 'format'> & { path: string, format: ExportFormat }> {
  const path = resolve(req.dir, req.file?.trim() || defaultFileName(record.name, req.template, req.format, req.today))
  // The app's default folder (<home>/exports) does not exist until the first export.
  await mkdir(dirname(path), { recursive: true })
  if (req.format === 'docx') {
    const { renderDocx } = await import('./docx.js')
    const doc = await renderDocx(record, req)
    await writeFileAtomic(path, doc.bytes)
    return { warnings: doc.warnings, template: doc.template, format: doc.format, path }
  }
  const doc = await renderDocument(record, { ...req, format: req.format })
  await writeFileAtomic(path, doc.document)
  return { warnings: doc.warnings, template: doc.template, format: doc.format, path }
}

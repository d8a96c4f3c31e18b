/**
 * Writing an exported document to a file: the file appears whole or not at all (written beside it, then
 * renamed), so an interrupted export never leaves half a document where the last good one was. The app
 * names the file after the account, the template and the date when the user gives no name.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { IsoDate } from '../domain/index.js'
import type { AccountRecord } from '../store/index.js'
import { renderDocument, type DocFormat, type RenderedDocument } from './documents.js'
import { slug } from './escape.js'

export interface ExportRequest { template: string, format: DocFormat, today: IsoDate, homeTemplates: string }

/** `harborview-sample-electronics-action-plan-2026-11-23.md` */
export function defaultFileName (accountName: string, template: string, format: DocFormat, today: IsoDate): string {
  const name = slug(accountName).replace(/-+/g, '-').replace(/^-|-$/g, '') || 'account'
  return `${name}-${template}-${today}.${format}`
}

export async function writeFileAtomic (path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  await writeFile(tmp, text, 'utf8')
  await rename(tmp, path)
}

/** Renders the document and writes it to `file` (relative to `dir`), or to the default name in `dir`. */
export async function exportToFile (record: AccountRecord, req: ExportRequest & { dir: string, file?: string }): Promise<RenderedDocument & { path: string }> {
  const doc = await renderDocument(record, req)
  const path = resolve(req.dir, req.file?.trim() || defaultFileName(record.name, req.template, req.format, req.today))
  // The app's default folder (<home>/exports) does not exist until the first export.
  await mkdir(dirname(path), { recursive: true })
  await writeFileAtomic(path, doc.document)
  return { ...doc, path }
}

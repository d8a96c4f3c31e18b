/**
 * Exporting a document from the account screen (`E` on any tab): which document (the built-in templates
 * and the team's own), Markdown, HTML or Word (.docx), the folder (by default `<home>/exports/`, created when missing)
 * and the file — by default named after the account, the document and the date. What the SOP requires
 * and the account lacks is marked "⚠" in the document and counted on the message line, which names the
 * whole path written; the document is written all the same.
 */
import { useState } from 'react'
import type { FieldSpec } from '../../../domain/index.js'
import { EXPORT_FORMATS, exportToFile, templateNames, type ExportFormat } from '../../../docs/index.js'
import type { AccountRecord } from '../../../store/index.js'
import { Form } from '../../components/form.js'
import { useAppServices } from '../../contexts/app-context.js'
import { exportFolder } from '../../format/export.js'

export interface ExportFormProps { account: AccountRecord, height: number, width: number, onClose: () => void }

export function exportSpecs (templates: readonly string[]): FieldSpec[] {
  return [
    { key: 'template', label: 'Document', kind: 'enum', values: templates, required: true },
    { key: 'format', label: 'Format', kind: 'enum', values: EXPORT_FORMATS, required: true },
    { key: 'folder', label: 'Folder', kind: 'text', required: true },
    { key: 'file', label: 'File (empty: default name)', kind: 'text' }
  ]
}

export function ExportForm ({ account, height, width, onClose }: ExportFormProps) {
  const { store, today, notify, exportDir } = useAppServices()
  const homeTemplates = store.ws.paths.templates
  const [specs] = useState(() => exportSpecs(templateNames(homeTemplates)))
  return (
    <Form
      title={`Export a document for ${account.name}`} specs={specs}
      intro={`Into the folder below: ${exportDir} unless you change it (~ is your home folder; a relative folder is inside ${store.ws.paths.root}).`}
      initial={{ template: 'action-plan', format: 'md', folder: exportDir, file: '' }} height={height} width={width}
      submit={async values => {
        const dir = exportFolder(values.folder ?? '', store.ws.paths.root)
        const r = await exportToFile(account, {
          template: values.template!, format: values.format as ExportFormat, today, homeTemplates, dir, ...(values.file ? { file: values.file } : {})
        })
        const gaps = r.warnings.length ? ` — ${r.warnings.length} gap${r.warnings.length === 1 ? '' : 's'} marked ⚠` : ''
        notify(`wrote ${r.template.name} to ${r.path}${gaps}`, r.warnings.length ? 'warning' : 'success')
      }}
      onDone={onClose} onCancel={onClose}
    />
  )
}

/**
 * Importing a spreadsheet from the accounts screen (`I`): the file (relative to the folder the app was
 * started from), then what the import would do — the dry run's summary, changes and refused rows — and
 * only on Enter the import itself. Esc at either step changes nothing.
 */
import { resolve } from 'node:path'
import { useRef, useState } from 'react'
import { Box } from 'ink'
import { Text } from '../components/text.js'
import type { FieldSpec } from '../../domain/index.js'
import type { ImportReport, importSummary } from '../../import/index.js'
import { Form } from '../components/form.js'
import { useAppServices } from '../contexts/app-context.js'
import { useAction } from '../hooks/use-action.js'
import { useCommands } from '../keys/use-commands.js'
import { useTheme } from '../theme/context.js'

const FILE_SPECS: readonly FieldSpec[] = [{ key: 'file', label: 'File (.csv or .xlsx)', kind: 'text', required: true }]

export interface ImportFlowProps { height: number, width: number, onClose: () => void }

type Words = ReturnType<typeof importSummary>
interface DryRun { path: string, report: ImportReport, words: Words }

/** The import code (and through it csv-parse and exceljs) is loaded when an import starts, not with the app. */
const importer = () => import('../../import/index.js')

export function ImportFlow ({ height, width, onClose }: ImportFlowProps) {
  const { store, exportDir } = useAppServices()
  const [dryRun, setDryRun] = useState<DryRun | undefined>()
  const checked = useRef<DryRun | undefined>(undefined)
  if (!dryRun) {
    return (
      <Form
        title={`Import accounts from a spreadsheet (paths from ${exportDir})`} specs={FILE_SPECS} initial={{ file: '' }} height={height} width={width}
        submit={async values => {
          const { runImport, importSummary } = await importer()
          const path = resolve(exportDir, values.file!)
          const report = await runImport(store, path, { dryRun: true })
          checked.current = { path, report, words: importSummary(report) }
        }}
        onDone={() => setDryRun(checked.current)} onCancel={onClose}
      />
    )
  }
  return <ImportConfirm {...dryRun} height={height} width={width} onClose={onClose} />
}

function ImportConfirm ({ path, report, words, height, width, onClose }: DryRun & { height: number, width: number, onClose: () => void }) {
  const { store, notify } = useAppServices()
  const theme = useTheme()
  const { run, busy } = useAction()
  const nothing = report.created + report.updated === 0
  useCommands('input', {
    'input.cancel': () => { if (!busy) { notify('import cancelled: nothing changed', 'info'); onClose() } },
    'input.submit': () => {
      if (busy) return
      if (nothing) { onClose(); return }
      void run(async () => {
        const { runImport, importSummary } = await importer()
        const done = importSummary(await runImport(store, path))
        notify(done.headline, done.refused.length ? 'warning' : 'success')
        return true
      }).then(ok => { if (ok) onClose() })
    }
  })
  const lines = [
    ...words.refused.map(l => ({ text: `refused ${l}`, tone: theme.status.error })),
    ...words.notes.map(l => ({ text: l, tone: theme.text.secondary })),
    ...words.changes.map(l => ({ text: l.trim(), tone: theme.text.primary }))
  ]
  const room = Math.max(1, height - 4)
  const shown = lines.slice(0, room)
  return (
    <Box flexDirection='column' width={width} height={height}>
      <Text wrap='truncate' {...theme.text.heading}>{words.headline}</Text>
      {shown.map((l, i) => <Text key={i} wrap='truncate' {...l.tone}>{l.text}</Text>)}
      {lines.length > shown.length ? <Text wrap='truncate' {...theme.text.secondary}>… and {lines.length - shown.length} more (pat import FILE --dry-run lists them all)</Text> : null}
      <Box flexGrow={1} />
      <Text wrap='truncate' {...theme.text.secondary}>
        {busy ? 'importing…' : nothing ? 'Nothing to import · Enter or Esc closes' : `Enter imports ${report.created + report.updated} account${report.created + report.updated === 1 ? '' : 's'}${report.refused.length ? ' (refused rows are left out)' : ''} · Esc cancels`}
      </Text>
    </Box>
  )
}

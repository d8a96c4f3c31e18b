/**
 * The reader: one section of the knowledge base, rendered for the terminal and scrolled with j/k, ↑/↓,
 * Space/PgDn and PgUp. `q`/Esc goes back to the results; `/` searches again.
 */
import { useState } from 'react'
import { Box, Text } from 'ink'
import { TitleLine } from '../components/chrome.js'
import { scrollInfo } from '../format/window.js'
import { useAppServices } from '../contexts/app-context.js'
import { useSectionLines } from '../hooks/use-reader.js'
import { useCommands } from '../keys/use-commands.js'
import { useTheme } from '../theme/context.js'

export interface ReaderProps { sectionId: string, height: number, width: number, onClose: () => void }

export function Reader ({ sectionId, height, width, onClose }: ReaderProps) {
  const theme = useTheme()
  const { kb } = useAppServices()
  const doc = useSectionLines(kb.index, sectionId, width - 1)
  const view = Math.max(1, height - 1)
  const [top, setTop] = useState(0)
  const max = Math.max(0, doc.lines.length - view)
  const go = (t: number) => setTop(Math.max(0, Math.min(max, t)))
  const at = Math.min(top, max)
  useCommands('reader', {
    'nav.up': () => go(at - 1),
    'nav.down': () => go(at + 1),
    'nav.pageUp': () => go(at - view + 1),
    'nav.pageDown': () => go(at + view - 1),
    'nav.top': () => go(0),
    'nav.bottom': () => go(max),
    'app.back': onClose
  })
  const info = scrollInfo(at, view, doc.lines.length)
  return (
    <Box flexDirection='column' width={width} height={height}>
      <TitleLine title={doc.section ? `${doc.section.title} — ${doc.section.source}` : 'Reader'} right={`${info ? info + ' · ' : ''}q back`} width={width} keep='right' />
      {doc.error ? <Text {...theme.status.error}>{doc.error}</Text> : null}
      {doc.lines.slice(at, at + view).map((l, i) => <Text key={at + i} wrap='truncate'>{l || ' '}</Text>)}
    </Box>
  )
}

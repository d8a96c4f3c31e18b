/**
 * A whole text in a panel (an activity entry, a long value): a title, the text word-wrapped to the
 * width — never cut — and scrolled with the list keys when it is taller than the panel.
 */
import { Box } from 'ink'
import { Text } from './text.js'
import { scrollInfo } from '../format/window.js'
import { wrapText } from '../format/text.js'
import { useCommands } from '../keys/use-commands.js'
import { useScroll } from '../hooks/use-scroll.js'
import { TitleLine } from './chrome.js'

/** `active: false` leaves the keys to the caller (a conflict's choice takes 1, 2 and Esc itself). */
export function TextPanel ({ title, text, height, width, onClose, active = true }: { title: string, text: string, height: number, width: number, onClose: () => void, active?: boolean }) {
  const lines = wrapText(text, width - 2)
  const view = Math.max(1, height - 2)
  const { top, handlers } = useScroll(lines.length, view)
  useCommands('entry', { 'entry.close': onClose, ...handlers }, { active })
  const info = scrollInfo(top, view, lines.length)
  return (
    <Box flexDirection='column' width={width} height={height}>
      <TitleLine title={title} right={active ? `${info ? `${info} · ` : ''}Enter/q close` : ''} width={width} keep='right' />
      {lines.slice(top, top + view).map((l, i) => <Text key={top + i} wrap='truncate'>{'  ' + l}</Text>)}
    </Box>
  )
}

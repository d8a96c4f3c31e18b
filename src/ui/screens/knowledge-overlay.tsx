/**
 * The knowledge overlay (`/`, `s` or Ctrl-F from anywhere, `g` on a checklist item): the SOP and strategy
 * documents searched as you type, the matching lines of the selected result below, Enter to read it.
 */
import { useMemo } from 'react'
import { Box } from 'ink'
import { Text } from '../components/text.js'
import { definitionFor } from '../../kb/definitions.js'
import { TitleLine } from '../components/chrome.js'
import { TextInput } from '../components/text-input.js'
import { truncate } from '../format/cells.js'
import { excerptPreview, hitPlace, markSegments } from '../format/text.js'
import { useAppServices } from '../contexts/app-context.js'
import { useKnowledge } from '../hooks/use-knowledge.js'
import { useCommands } from '../keys/use-commands.js'
import { useTheme } from '../theme/context.js'
import type { Hit } from '../../kb/types.js'

export interface KnowledgeOverlayProps {
  query: string
  height: number
  width: number
  onClose: () => void
  onOpen: (sectionId: string) => void
}

const EXCERPT_LINES = 5

/** "(part 2 of 3)" for a passage of a long section, so results with the same title are told apart. */
export const partLabel = (h: Hit): string => (h.part && h.partOf ? ` (part ${h.part} of ${h.partOf})` : '')

export function KnowledgeOverlay ({ query, height, width, onClose, onOpen }: KnowledgeOverlayProps) {
  const theme = useTheme()
  const { kb } = useAppServices()
  const k = useKnowledge(kb.index, query)
  useCommands('knowledge', {
    'knowledge.open': () => { if (k.hit) onOpen(k.hit.id) },
    'knowledge.up': k.up,
    'knowledge.down': k.down,
    'knowledge.close': onClose,
    'app.knowledge': () => undefined
  }, { text: k.query })

  // A term the question names gets its one-line definition above the results (the glossary entry itself
  // is a result only when the question asks what the term means).
  const q = k.query.state.value
  const def = useMemo(() => (kb.index && q.trim() ? definitionFor(kb.index, q) : undefined), [kb.index, q])
  const listHeight = Math.max(1, height - 3 - EXCERPT_LINES - (def ? 1 : 0))
  const top = Math.max(0, Math.min(k.selected - listHeight + 1, k.hits.length - listHeight))
  const status = kb.error
    ? `the knowledge base cannot be loaded: ${kb.error}`
    : !kb.index
        ? 'Loading the knowledge base…'
        : !k.query.state.value.trim()
            ? 'Type a question or a term: "how often review the profile", PFI, clasification…'
            : k.hits.length ? '' : 'Nothing found: try other words (typos and acronyms are fine).'
  const excerpt = k.hit ? excerptPreview(k.hit.excerpt, width - 2, EXCERPT_LINES - 1) : []
  return (
    <Box flexDirection='column' width={width} height={height}>
      <TitleLine title='Knowledge base — SOP guidance' right='↑↓ choose · Enter read · Esc close' width={width} />
      <Box><Text {...theme.text.accent}>Search: </Text><TextInput state={k.query.state} width={width - 9} /></Box>
      {def ? <Text wrap='truncate' {...theme.text.secondary}>{`${def.term}: ${def.text}`}</Text> : null}
      {status ? <Text wrap='truncate' {...(kb.error ? theme.status.error : theme.text.secondary)}>{status}</Text> : null}
      {k.hits.slice(Math.max(0, top), Math.max(0, top) + listHeight).map((h, i) => {
        const n = Math.max(0, top) + i
        const sel = n === k.selected
        const where = hitPlace(h)
        return (
          <Text key={h.id} wrap='truncate' {...(sel ? theme.selection : {})}>
            {sel ? '› ' : '  '}{truncate(h.title, Math.floor(width / 2))}{partLabel(h)}<Text {...(sel ? {} : theme.text.secondary)}>{'  ' + where}{h.local ? ' (local)' : ''}</Text>
          </Text>
        )
      })}
      <Box flexGrow={1} />
      {k.hit
        ? (
          <Box flexDirection='column' height={EXCERPT_LINES}>
            <Text wrap='truncate' {...theme.text.heading}>{truncate(k.hit.title + partLabel(k.hit), width)}</Text>
            {excerpt.map((line, i) => (
              <Text key={i} wrap='truncate'>  {markSegments(line).map((s, j) => <Text key={j} {...(s.match ? theme.text.match : {})}>{s.text}</Text>)}</Text>
            ))}
          </Box>
          )
        : null}
    </Box>
  )
}

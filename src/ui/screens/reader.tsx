/**
 * The reader: one section of the knowledge base, rendered for the terminal and scrolled with j/k, ↑/↓,
 * Space/PgDn and PgUp. A long section split into parts reads on: `]`/`[` move to the next/previous part,
 * and scrolling on past the end of a part opens the next. A section's sub-sections are listed under its
 * last part; 1–9 open one, and `q`/Esc comes back to the parent. `q`/Esc on the section first opened goes
 * back to the results; `/` searches again.
 */
import { useEffect, useState } from 'react'
import { Box } from 'ink'
import { Text } from '../components/text.js'
import { TitleLine } from '../components/chrome.js'
import { scrollInfo } from '../format/window.js'
import { useAppServices } from '../contexts/app-context.js'
import { partOf, useSectionLines } from '../hooks/use-reader.js'
import type { Section } from '../../kb/types.js'
import { subSections } from '../../kb/outline.js'
import { useCommands } from '../keys/use-commands.js'
import { useTheme } from '../theme/context.js'

export interface ReaderProps { sectionId: string, height: number, width: number, onClose: () => void, /** a phrase to scroll to */ find?: string }

export function Reader ({ sectionId, height, width, onClose, find }: ReaderProps) {
  const theme = useTheme()
  const { kb } = useAppServices()
  const [id, setId] = useState(sectionId)
  const doc = useSectionLines(kb.index, id, width - 1)
  const view = Math.max(1, height - 1)
  const [top, setTop] = useState(0)
  const max = Math.max(0, doc.lines.length - view)
  const go = (t: number) => setTop(Math.max(0, Math.min(max, t)))
  // Opened for a phrase (guidance for a checklist item): start at the line where it begins, once it is rendered.
  const [found, setFound] = useState(!find)
  useEffect(() => {
    if (found || !find || !doc.section) return
    const line = lineOf(doc.lines, find)
    if (line >= 0) { setTop(Math.max(0, line - 1)); setFound(true) }
  }, [found, find, doc.section, doc.lines])
  const at = Math.min(top, max)
  const next = kb.index && doc.section ? partOf(kb.index, doc.section, 1) : undefined
  const prev = kb.index && doc.section ? partOf(kb.index, doc.section, -1) : undefined
  const open = (s: Section | undefined, where: 'top' | 'end') => { if (s) { setId(s.id); setTop(where === 'top' ? 0 : Number.MAX_SAFE_INTEGER) } }
  // A sub-section opened from its parent's list: q/Esc comes back to the parent where it was.
  const [back, setBack] = useState<Array<{ id: string, top: number }>>([])
  const openSub = (key: string) => {
    const sub = kb.index && doc.section ? subSections(kb.index, doc.section)[Number(key) - 1] : undefined
    if (!sub) return
    setBack([...back, { id, top: at }])
    open(sub, 'top')
  }
  const close = () => {
    const last = back.at(-1)
    if (!last) { onClose(); return }
    setBack(back.slice(0, -1))
    setId(last.id)
    setTop(last.top)
  }
  // Past the end of a part, the next part; above the start of one, the end of the previous.
  const down = (by: number) => (at >= max && next ? open(next, 'top') : go(at + by))
  const up = (by: number) => (at <= 0 && prev ? open(prev, 'end') : go(at - by))
  useCommands('reader', {
    'nav.up': () => up(1),
    'nav.down': () => down(1),
    'nav.pageUp': () => up(view - 1),
    'nav.pageDown': () => down(view - 1),
    'reader.nextPart': () => open(next, 'top'),
    'reader.prevPart': () => open(prev, 'top'),
    'nav.top': () => go(0),
    'nav.bottom': () => go(max),
    'reader.openSub': openSub,
    'app.back': close
  })
  const info = scrollInfo(at, view, doc.lines.length)
  const part = doc.section?.parts ? `part ${doc.section.part} of ${doc.section.parts}${next ? ' · ] next' : ''}${prev ? ' · [ prev' : ''} · ` : ''
  return (
    <Box flexDirection='column' width={width} height={height}>
      <TitleLine title={doc.section ? `${doc.section.title} — ${doc.section.source}` : 'Reader'} right={`${part}${info ? info + ' · ' : ''}q back`} width={width} keep='right' />
      {doc.error ? <Text {...theme.status.error}>{doc.error}</Text> : null}
      {doc.lines.slice(at, at + view).map((l, i) => <Text key={at + i} wrap='truncate'>{l || ' '}</Text>)}
    </Box>
  )
}

/** The first line where the phrase begins (its first words, matched across the reflowed lines), or -1. */
export function lineOf (lines: readonly string[], phrase: string): number {
  const flat = (t: string) => t.toLowerCase().replace(/[^a-z0-9#]+/g, ' ').trim()
  const head = flat(phrase).split(' ').slice(0, 4).join(' ')
  for (let i = 0; i < lines.length; i++) {
    if (flat(`${lines[i]} ${lines[i + 1] ?? ''}`).includes(head)) return flat(lines[i]!).includes(head.split(' ')[0]!) ? i : i + 1
  }
  return -1
}

/**
 * A multi-line text editor for long fields: the text wrapped at word boundaries to the width, scrolled to
 * keep the cursor's row in view, the cursor an inverse cell. Enter and pasted line breaks start new lines;
 * Ctrl-S saves, Esc cancels (the keys come from the key table: screen 'editor').
 */
import { useRef } from 'react'
import { Box } from 'ink'
import { Text } from './text.js'
import type { LineState } from '../keys/text-edit.js'
import { cursorRow, editArea, moveRows, wrapRows } from '../keys/text-area.js'
import { useCommands, type TextTarget } from '../keys/use-commands.js'
import { scrollTop } from '../format/window.js'
import { useTheme } from '../theme/context.js'

export interface TextAreaProps {
  title: string
  text: TextTarget & { state: LineState }
  height: number
  width: number
  onSave: () => void
  onCancel: () => void
  /** A line under the title (an error, a teammate's change). */
  note?: string | undefined
}

export function TextArea ({ title, text, height, width, onSave, onCancel, note }: TextAreaProps) {
  const theme = useTheme()
  const inner = Math.max(4, width - 2)
  const view = Math.max(1, height - 3 - (note ? 1 : 0))
  useCommands('editor', {
    'editor.save': onSave,
    'editor.cancel': onCancel,
    'editor.up': () => text.set(moveRows(text.get(), inner, -1)),
    'editor.down': () => text.set(moveRows(text.get(), inner, 1))
  }, { text: { ...text, edit: (s, name, input) => editArea(s, name, input, inner) } })
  const { value, cursor } = text.state
  const cs = [...value]
  const rows = wrapRows(value, inner)
  const at = cursorRow(rows, Math.min(cursor, cs.length))
  const top = useRef(0)
  top.current = scrollTop(at.row, top.current, view, rows.length)
  return (
    <Box flexDirection='column' width={width} height={height}>
      <Text wrap='truncate' {...theme.text.heading}>{title}</Text>
      {note ? <Text wrap='truncate' {...theme.status.warning}>{note}</Text> : null}
      {rows.slice(top.current, top.current + view).map((r, i) => {
        const line = cs.slice(r.start, r.end).join('')
        if (top.current + i !== at.row) return <Text key={top.current + i} wrap='truncate'>{'  ' + line}</Text>
        const col = at.col
        const lineCs = [...line]
        return (
          <Text key={top.current + i} wrap='truncate'>
            {'  ' + lineCs.slice(0, col).join('')}<Text inverse>{lineCs[col] ?? ' '}</Text>{lineCs.slice(col + 1).join('')}
          </Text>
        )
      })}
      <Box flexGrow={1} />
      <Text wrap='truncate' {...theme.text.secondary}>
        Ctrl-S save · Esc cancel · Enter new line · ↑↓←→ Home End move · line {at.row + 1} of {rows.length}
      </Text>
    </Box>
  )
}

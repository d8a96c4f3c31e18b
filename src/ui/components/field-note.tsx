/**
 * The lines beside a field being edited: its validation error, or — when the same field changed on a
 * teammate's side while it was being edited — the new stored value, so the draft is never silently lost
 * or overwritten (Enter still saves the draft: last writer wins). Long messages wrap rather than lose
 * their end (which says what to do).
 */
import { Text } from './text.js'
import { wrapText } from '../format/text.js'
import { useTheme } from '../theme/context.js'

export interface Changed { value: string, remote: boolean }

export interface FieldNoteProps { error?: string | undefined, changed?: Changed | undefined, indent?: number, width: number }

export function conflictText (changed: Changed): string {
  return `${changed.remote ? 'changed by a teammate' : 'changed elsewhere'}: ${changed.value === '' ? '(cleared)' : changed.value.replace(/\n+/g, ' ↵ ')} — Enter keeps yours`
}

/** The note's lines: the error (at most two lines) and the change (one). */
export function noteLines (error: string | undefined, changed: Changed | undefined, width: number, indent = 2): Array<{ text: string, kind: 'error' | 'changed' }> {
  const room = Math.max(10, width - indent - 2)
  const out: Array<{ text: string, kind: 'error' | 'changed' }> = []
  if (error) {
    const lines = wrapText(error, room)
    const shown = lines.length > 2 ? [lines[0]!, lines.slice(1).join(' ')] : lines
    shown.forEach((l, i) => out.push({ text: `${' '.repeat(indent)}${i === 0 ? '✗ ' : '  '}${l}`, kind: 'error' }))
  }
  if (changed) out.push({ text: `${' '.repeat(indent)}! ${conflictText(changed)}`, kind: 'changed' })
  return out
}

export function FieldNote ({ error, changed, indent = 2, width }: FieldNoteProps) {
  const theme = useTheme()
  return (
    <>
      {noteLines(error, changed, width, indent).map((l, i) => (
        <Text key={i} wrap='truncate' {...(l.kind === 'error' ? theme.status.error : theme.status.warning)}>{l.text}</Text>
      ))}
    </>
  )
}

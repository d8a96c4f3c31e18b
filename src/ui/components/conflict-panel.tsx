/**
 * A field in conflict, opened with `!` (or Enter on a Profile field): both values with who wrote them and
 * when; 1 or 2 keeps one (written as a new edit that closes the conflict on every replica), Esc decides
 * later. A row with several fields in conflict opens the oldest; the next one opens after it is picked.
 */
import type { FieldPanel } from '../hooks/use-field-extras.js'
import { useCommands } from '../keys/use-commands.js'
import { TextPanel } from './text-panel.js'

export function FieldPanelView ({ panel, height, width, onPick, onClose }: {
  panel: FieldPanel
  height: number
  width: number
  onPick: (keep: 'kept' | 'replaced') => void
  onClose: () => void
}) {
  const choosing = panel.kind === 'conflict'
  useCommands('conflict', { 'conflict.keepKept': () => onPick('kept'), 'conflict.keepReplaced': () => onPick('replaced'), 'conflict.close': onClose }, { active: choosing })
  if (choosing) {
    const more = panel.of > 1 ? ` (1 of ${panel.of} here)` : ''
    return <TextPanel title={`In conflict${more}: ${panel.conflict.label} · 1 or 2 keeps one · Esc later`} text={panel.text} height={height} width={width} onClose={onClose} active={false} />
  }
  return <TextPanel title={panel.title} text={panel.text} height={height} width={width} onClose={onClose} />
}

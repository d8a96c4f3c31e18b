/**
 * Key handling for a screen: key presses become command ids through the key table, and the screen's
 * handler for that id runs (or the app-wide one: help, knowledge search, undo, back). On a screen with a
 * text field, printable keys and editing keys go to the field instead.
 */
import { useAppServices } from '../contexts/app-context.js'
import { useKeyLayer } from '../contexts/keys-context.js'
import { TEXT_SCREENS, keyName, matchCommand, type CommandId, type ScreenId } from './key-table.js'
import { editLine, type LineState } from './text-edit.js'

export type Handlers = Partial<Record<CommandId, (name: string) => void>>

export interface TextTarget {
  get: () => LineState
  set: (s: LineState) => void
  /** How keys edit the text (default: one line, editLine). */
  edit?: (s: LineState, name: string, input: string) => LineState | undefined
}

export function useCommands (screen: ScreenId, handlers: Handlers, opts: { active?: boolean, text?: TextTarget } = {}): void {
  const app = useAppServices()
  useKeyLayer((input, key) => {
    const name = keyName(input, key)
    if (opts.text && TEXT_SCREENS.has(screen)) {
      const next = (opts.text.edit ?? editLine)(opts.text.get(), name, input)
      if (next) { opts.text.set(next); return }
    }
    const cmd = matchCommand(screen, name)
    if (!cmd) return
    const run = handlers[cmd.id] ?? ((n: string) => app.globals[cmd.id]?.(n, screen))
    if (!handlers[cmd.id] && !app.globals[cmd.id]) return
    app.clearMessage()
    run(name)
  }, opts.active ?? true)
}

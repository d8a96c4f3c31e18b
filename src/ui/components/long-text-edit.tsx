/**
 * Editing one long text field whole (the plan's background & scope) in the multi-line editor: the draft
 * starts from the stored text, Ctrl-S saves it through the given store action, Esc leaves it unchanged.
 */
import { useState } from 'react'
import { useAction } from '../hooks/use-action.js'
import { useTextLine } from '../hooks/use-text-line.js'
import { TextArea } from './text-area.js'

export interface LongTextEditProps {
  title: string
  initial: string
  /** Saves the text; a message for the message line on success. */
  save: (text: string) => Promise<unknown>
  done: string
  onClose: () => void
  height: number
  width: number
}

export function LongTextEdit ({ title, initial, save, done, onClose, height, width }: LongTextEditProps) {
  const draft = useTextLine(initial)
  const [error, setError] = useState<string | undefined>()
  const { run, busy } = useAction()
  const submit = () => {
    if (busy) return
    const text = draft.get().value
    if (text === initial) { onClose(); return }
    void run(async () => { await save(text); return true }, { done, onInputError: err => setError(err.message) })
      .then(ok => { if (ok) onClose() })
  }
  return <TextArea title={title} text={draft} note={error ? `✗ ${error}` : undefined} height={height} width={width} onSave={submit} onCancel={onClose} />
}

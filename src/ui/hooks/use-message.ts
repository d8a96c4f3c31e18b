/** The message line's text and tone: set by `notify`, cleared by the next key a screen takes as done with it. */
import { useCallback, useState } from 'react'
import type { Message } from '../contexts/app-context.js'
import type { Tone } from '../theme/theme.js'

export function useMessage () {
  const [message, setMessage] = useState<Message | undefined>()
  const notify = useCallback((text: string, tone: Tone = 'info') => setMessage({ text, tone }), [])
  // Unchanged state when there is nothing to clear, so a key that clears re-renders nothing.
  const clearMessage = useCallback(() => setMessage(m => (m ? undefined : m)), [])
  return { message, notify, clearMessage }
}

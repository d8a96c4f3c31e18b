/**
 * Running a store action from a key press: errors never escape into React. An InputError (bad input, a
 * refused change) goes to `onInputError` when given — a form shows it beside the field — else to the
 * message line, like any other failure (a full disk, a locked or damaged database).
 */
import { useCallback, useState } from 'react'
import { InputError } from '../../domain/index.js'
import { useAppServices } from '../contexts/app-context.js'

export interface RunOptions {
  /** Shown on the message line when the action succeeds. */
  done?: string | ((result: unknown) => string | undefined)
  onInputError?: (err: InputError) => void
}

export function useAction (): { run: <T>(action: () => Promise<T>, opts?: RunOptions) => Promise<T | undefined>, busy: boolean } {
  const { notify } = useAppServices()
  const [busy, setBusy] = useState(false)
  const run = useCallback(async <T>(action: () => Promise<T>, opts: RunOptions = {}): Promise<T | undefined> => {
    setBusy(true)
    try {
      const result = await action()
      const text = typeof opts.done === 'function' ? opts.done(result) : opts.done
      if (text) notify(text, 'success')
      return result
    } catch (err) {
      if (err instanceof InputError && opts.onInputError) opts.onInputError(err)
      else notify(`${err instanceof InputError ? '' : 'error: '}${(err as Error)?.message ?? String(err)}`, 'error')
      return undefined
    } finally {
      setBusy(false)
    }
  }, [notify])
  return { run, busy }
}

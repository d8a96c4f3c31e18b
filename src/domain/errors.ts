/**
 * A problem with what the user asked for. Its message is one line that names the problem and says what to
 * do; the CLI prints it as is and exits non-zero, the app shows it beside the field.
 */
export class InputError extends Error {
  override readonly name = 'InputError'
  constructor (message: string, readonly field?: string) {
    super(message)
  }
}

/** Throws an InputError unless `ok`; a guard for validation code. */
export function check (ok: unknown, message: string, field?: string): asserts ok {
  if (!ok) throw new InputError(message, field)
}

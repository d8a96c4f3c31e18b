// @ts-check
/** Bad input or a refused action: printed as one line (`error: …`), exit code 1, never a stack trace. */
export class HubError extends Error {
  name = 'HubError'
}

/**
 * Why a client may not open a room. Hocuspocus sends a failed `onAuthenticate`'s `reason` (not its message)
 * to the client as the PermissionDenied reason, so both carry the same text.
 */
export class Refused extends Error {
  name = 'Refused'
  /** @param {string} reason */
  constructor (reason) {
    super(reason)
    this.reason = reason
  }
}

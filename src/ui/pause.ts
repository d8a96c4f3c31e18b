/**
 * Waiting for a pause in the person's keys before work a key should not meet (the warm-up, the app's
 * workspace document at 10,000 accounts): `ms` without a key, timed again from each key. The timer can fire
 * in the same turn as other work, before the terminal's input has been polled at all — a key typed just then
 * would wait behind what starts — so the pause ends a turn later, after a poll for input, unless a key came.
 */

/** Resolves once `input` has had no key for `ms` (timed from the call and again from each key); never if `signal` aborts first. */
export function afterPause (input: NodeJS.EventEmitter, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    let timer: NodeJS.Timeout | undefined
    let pending: NodeJS.Immediate | undefined
    const stop = () => { clearTimeout(timer); clearImmediate(pending); input.off('readable', arm); signal.removeEventListener('abort', stop) }
    function arm (): void {
      clearTimeout(timer)
      clearImmediate(pending)
      timer = setTimeout(() => { pending = setImmediate(() => { stop(); resolve() }) }, ms)
    }
    if (signal.aborted) return
    // Before the app's own input handler, so a key re-arms the timer before the frame it causes is drawn.
    input.prependListener('readable', arm)
    signal.addEventListener('abort', stop)
    arm()
  })
}

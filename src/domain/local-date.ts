/**
 * The machine's calendar day, YYYY-MM-DD, from Date's local fields: no imports, so the start-up path (the
 * cached first frame, src/ui/frame-cache.ts) can use it, and no Intl: the first Intl.DateTimeFormat of a
 * process loads the time-zone data, some 45 ms of a command's start (docs/startup.md).
 */
export function localDate (now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${String(now.getFullYear()).padStart(4, '0')}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

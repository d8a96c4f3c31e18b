/**
 * Scrolling a list in a fixed number of lines: which line is first, so the selected one stays visible.
 */

export function clampIndex (index: number, count: number): number {
  return count <= 0 ? 0 : Math.max(0, Math.min(count - 1, index))
}

/** The first visible line for `index`, moving `top` as little as possible. */
export function scrollTop (index: number, top: number, height: number, count: number): number {
  if (height <= 0 || count <= height) return 0
  let t = top
  if (index < t) t = index
  if (index >= t + height) t = index - height + 1
  return Math.max(0, Math.min(t, count - height))
}

/** "3–12 of 40" when not everything fits, else "". */
export function scrollInfo (top: number, height: number, count: number): string {
  if (count <= height) return ''
  return `${top + 1}–${Math.min(count, top + height)} of ${count}`
}

/**
 * The first item to show of items of different heights (a form's fields with their notes) so the focused
 * one is visible in `height` lines: as early as possible, and never past the focused one.
 */
export function firstVisible (heights: readonly number[], focus: number, height: number): number {
  let start = 0
  const sum = (from: number, to: number) => heights.slice(from, to + 1).reduce((a, b) => a + b, 0)
  while (start < focus && sum(start, focus) > height) start++
  return start
}

/**
 * The terminal's size, re-rendering on resize. The frame is kept one line shorter than the terminal:
 * Ink clears the whole screen on every frame that fills it (flicker), and never does on a shorter one.
 */
import { useEffect, useState } from 'react'
import { useStdout } from 'ink'

export interface TerminalSize { columns: number, rows: number }

export const MIN_COLUMNS = 40
export const MIN_ROWS = 12

function read (stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: Math.max(MIN_COLUMNS, stdout.columns || 80), rows: Math.max(MIN_ROWS, stdout.rows || 24) }
}

export function useTerminalSize (): TerminalSize {
  const { stdout } = useStdout()
  const [size, setSize] = useState(() => read(stdout))
  useEffect(() => {
    const onResize = () => setSize(read(stdout))
    stdout.on('resize', onResize)
    return () => { stdout.off('resize', onResize) }
  }, [stdout])
  return size
}

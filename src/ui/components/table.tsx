/**
 * A table of one-line rows with a selected row, drawn by our own column renderer rather than
 * @alcalzone/ink-table: ink-table draws a rule between every two rows and a box around the table (two
 * lines per account, nine accounts at 80×24), sizes columns to their longest cell with no way to cut
 * them (a long name pushes the table past 80 columns), hard-codes a colour for its header, and cannot
 * mark a selected row. Here each row is one line, columns share the width (format/cells.ts), the
 * selected row is inverse, and cells take their tone from the theme.
 */
import { memo, useMemo } from 'react'
import { Box } from 'ink'
import { Text } from './text.js'
import { layoutColumns, renderCells, renderRuns, visibleColumns, type Cell, type ColumnSpec } from '../format/cells.js'
import { scrollInfo } from '../format/window.js'
import { toneStyle } from '../theme/theme.js'
import { useTheme } from '../theme/context.js'

export interface TableProps {
  columns: readonly ColumnSpec[]
  rows: ReadonlyArray<Record<string, Cell | undefined>>
  selected: number
  top: number
  /** Lines for the rows (the header takes one more). */
  height: number
  width: number
  focused?: boolean
  empty?: string
}

export function Table ({ columns: all, rows, selected, top, height, width, focused = true, empty }: TableProps) {
  const theme = useTheme()
  const marker = 2
  const columns = useMemo(() => visibleColumns(all, width - marker), [all, width])
  const widths = useMemo(() => layoutColumns(columns, rows, width - marker), [columns, rows, width])
  const visible = rows.slice(top, top + height)
  const info = scrollInfo(top, height, rows.length)
  const header = renderCells(columns, widths, Object.fromEntries(columns.map(c => [c.key, { text: c.title }])))
  return (
    <Box flexDirection='column' width={width}>
      <Text wrap='truncate' {...theme.text.heading}>{'  ' + header.join('').trimEnd()}{info ? <Text {...theme.text.secondary}>{'  ' + info}</Text> : null}</Text>
      {visible.length === 0 ? <Text wrap='truncate' {...theme.text.secondary}>  {empty ?? 'Nothing here yet.'}</Text> : null}
      {visible.map((row, i) => (
        // Keyed by position in the list, so a row scrolled up by one line keeps its element (and its memo).
        <TableRow key={top + i} columns={columns} widths={widths} row={row} selected={top + i === selected && focused} />
      ))}
    </Box>
  )
}

interface TableRowProps {
  columns: readonly ColumnSpec[]
  widths: readonly number[]
  row: Record<string, Cell | undefined>
  selected: boolean
}

/**
 * One line of the table. Memoised: moving the selection redraws only the two rows it leaves and reaches,
 * and scrolling only the row it brings in (the rows' cells and the column widths keep their identity
 * while the list does). Cells of the same tone are one piece of text; unstyled ones need no <Text> of their own.
 */
const TableRow = memo(function TableRow ({ columns, widths, row, selected }: TableRowProps) {
  const theme = useTheme()
  return (
    <Text wrap='truncate' {...(selected ? theme.selection : {})}>
      {selected ? '› ' : '  '}
      {renderRuns(columns, widths, row).map((run, i) => {
        const style = toneStyle(theme, run.tone)
        return Object.keys(style).length ? <Text key={i} {...style}>{run.text}</Text> : run.text
      })}
    </Text>
  )
})

/** One line of editable text with its cursor (an inverse cell), scrolled to keep the cursor in view. */
import { Text } from './text.js'
import { printable } from '../../domain/printable.js'
import { visibleLine, type LineState } from '../keys/text-edit.js'
import { useTheme } from '../theme/context.js'

export function TextInput ({ state, width, focused = true, placeholder }: { state: LineState, width: number, focused?: boolean, placeholder?: string }) {
  const theme = useTheme()
  if (!focused) {
    const shown = printable(state.value.replace(/\n/g, '↵'))
    return <Text wrap='truncate'>{shown || <Text {...theme.text.secondary}>{placeholder ?? ''}</Text>}</Text>
  }
  if (state.value === '' && placeholder) {
    return <Text wrap='truncate'><Text inverse> </Text><Text {...theme.text.secondary}>{placeholder}</Text></Text>
  }
  const { before, under, after } = visibleLine(state, width)
  // Shown, like every value, with control characters as symbols of the same width (the cursor stays put).
  return <Text wrap='truncate'>{printable(before)}<Text inverse>{printable(under)}</Text>{printable(after)}</Text>
}

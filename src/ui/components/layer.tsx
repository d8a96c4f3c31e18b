/**
 * A part of the screen that is shown, or kept mounted but hidden — and deaf to keys — under what covers
 * it (a screen under an overlay, a tab under a form), so showing it again finds it as it was.
 */
import { useContext, type ReactNode } from 'react'
import { Box } from 'ink'
import { KeyScope } from '../contexts/keys-context.js'

export function Layer ({ visible, children }: { visible: boolean, children: ReactNode }) {
  const parent = useContext(KeyScope)
  return (
    <Box display={visible ? 'flex' : 'none'} flexDirection='column'>
      <KeyScope.Provider value={parent && visible}>{children}</KeyScope.Provider>
    </Box>
  )
}

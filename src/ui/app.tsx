/**
 * The app root: the frame (the current screen, the message line, the status bar) at the terminal's size,
 * the route (accounts list, the Due screen, or one account and its tab), the overlays on top (help, knowledge search,
 * reader), the first-run welcome, and the app-wide commands every screen falls back to.
 *
 * The accounts screen (and the Due screen an account was opened from) stays mounted (hidden) under an open account and overlays stay mounted under the
 * ones above them, so going back finds the filter, the selection and the search as they were.
 */
import { useState } from 'react'
import { Box, useApp } from 'ink'
import type { KbIndex } from '../kb/types.js'
import type { Store } from '../store/index.js'
import type { SyncIndicator } from '../sync/indicator.js'
import { MessageLine, StatusBar } from './components/chrome.js'
import { AppContext, type Preload } from './contexts/app-context.js'
import { KeyProvider } from './contexts/keys-context.js'
import { Layer } from './components/layer.js'
import { useIorWarning } from './hooks/use-ior-warning.js'
import { useNames } from './hooks/use-names.js'
import { useKb } from './hooks/use-kb.js'
import { useMessage } from './hooks/use-message.js'
import { useOverlays } from './hooks/use-overlays.js'
import { useServices } from './hooks/use-services.js'
import { useSyncLine } from './hooks/use-sync-line.js'
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js'
import { useWelcome, type OfferDemo } from './hooks/use-welcome.js'
import { OverlayStack } from './screens/overlay-stack.js'
import { RouteScreens, type Route } from './screens/route-screens.js'
import { WelcomeScreen } from './screens/welcome-screen.js'
import { defaultExportDir } from './format/export.js'
import { messageLines } from './format/text.js'
import { ThemeContext } from './theme/context.js'
import { colorTheme, type Theme } from './theme/theme.js'

export interface AppProps {
  store: Store
  theme?: Theme
  /** Given on the first run: adds the demo accounts (the welcome screen offers them). */
  offerDemo?: OfferDemo | undefined
  /** Loads the knowledge base (default: the shipped documents plus the workspace's own kb/). */
  loadKb?: () => Promise<KbIndex>
  /**
   * What the first frames do not need — the knowledge base, the IR# warning — loads once this settles (the
   * app is live; default: after the first frame).
   */
  liveAfter?: Promise<unknown>
  /** Fixes "today" (tests); default: the machine's date. */
  today?: string
  /** Data read before the first frame (the accounts list), so it draws complete. */
  preload?: Preload
  /** A fixed size instead of the terminal's (drawing the frame to cache, off screen). */
  size?: TerminalSize
  /** Where exported documents go by default (default: `<home>/exports`, never the current folder). */
  exportDir?: string
  /** What the status bar says about sync: fixed text, or live from the host's peer node and presence. */
  sync?: string | SyncIndicator
}

const NO_PRELOAD: Preload = {}

export function App ({ store, theme = colorTheme, offerDemo, loadKb, liveAfter, today, preload = NO_PRELOAD, size: fixedSize, exportDir: exportDirProp, sync = 'sync off' }: AppProps) {
  const exportDir = exportDirProp ?? defaultExportDir(store.ws.paths.root)
  const { exit } = useApp()
  const terminal = useTerminalSize()
  const { columns, rows } = fixedSize ?? terminal
  const [route, setRoute] = useState<Route>({ name: 'accounts' })
  const { overlays, push, pop, openKnowledge } = useOverlays()
  const { message, notify, clearMessage } = useMessage()
  const welcome = useWelcome(store, offerDemo, notify)
  const kb = useKb(store, loadKb, liveAfter)
  const services = useServices({ store, today, preload, exportDir, kb, notify, clearMessage, push, openKnowledge, exit })

  const syncLine = useSyncLine(sync, route.name === 'account' ? route.id : undefined)
  const iorWarning = useIorWarning(store, liveAfter)
  const names = useNames(store)
  const frameHeight = Math.max(8, rows - 1)
  // A long message (a whole file path) wraps onto up to three lines, taken from the screen above it.
  const shownMessage = messageLines(message?.text ?? '', columns, 3)
  const bodyHeight = frameHeight - 1 - shownMessage.length
  const size = { height: bodyHeight, width: columns }
  return (
    <ThemeContext.Provider value={theme}>
      <AppContext.Provider value={services}>
        <KeyProvider>
          <Box flexDirection='column' width={columns} height={frameHeight}>
            {/* Clipped vertically only: every line is already cut to the width (wrap='truncate'), and a
                horizontal clip makes Ink re-slice every line of every frame (a third of a keystroke's work). */}
            <Box flexDirection='column' height={bodyHeight} overflowY='hidden'>
              <RouteScreens {...size} route={route} setRoute={setRoute} covered={overlays.length > 0 || welcome.open} />
              {welcome.open
                ? (
                  <Layer visible={overlays.length === 0}>
                    <WelcomeScreen
                      {...size} home={store.ws.paths.root} member={store.ws.member.name} busy={welcome.busy}
                      onEmpty={welcome.onEmpty} onDemo={welcome.onDemo}
                    />
                  </Layer>
                  )
                : null}
              <OverlayStack {...size} overlays={overlays} push={push} pop={pop} />
            </Box>
            <MessageLine lines={shownMessage} tone={message?.tone} />
            <StatusBar team={names.team} member={names.member} sync={iorWarning ? `${iorWarning} · ${syncLine}` : syncLine} width={columns} />
          </Box>
        </KeyProvider>
      </AppContext.Provider>
    </ThemeContext.Provider>
  )
}

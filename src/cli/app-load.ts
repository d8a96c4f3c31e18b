/**
 * When the app loads its workspace document. The app opens its workspace deferred (store/workspace.ts
 * `deferWorkspace`): the first screen and every read come from the directory snapshot, and the document —
 * team, roster, the account directory as Yjs data — is loaded once the app is live. A small one at once (a
 * few milliseconds); a large one once the person has not pressed a key for a moment: at 10,000 accounts
 * decoding it takes ~0.6 s, and a key pressed meanwhile waits for it. Whatever needs it sooner — an edit, a
 * roster change, a command routed into the app — loads it then. Sync starts after it is loaded.
 */
import type { Store } from '../store/index.js'
import { afterPause } from '../ui/pause.js'

/** From this many accounts, the document waits for a pause in the keys (below, it loads in ~70 ms or less). */
export const LARGE_WORKSPACE = 1000
/** How long without a key counts as a pause. */
export const PAUSE_MS = 1000

/**
 * Loads the workspace document of the app's store when its time comes (above); resolves once it is loaded.
 * If the app ends (`signal`) before a large one was loaded, it is not loaded at all and this never resolves:
 * nothing that waits for it (sync) starts.
 */
export async function loadWhenPaused (store: Store, input: NodeJS.EventEmitter, signal: AbortSignal): Promise<void> {
  if (!store.ws.hasWorkspaceDoc && store.ws.accountIds().length >= LARGE_WORKSPACE) await afterPause(input, PAUSE_MS, signal)
  await store.ws.workspaceDoc()
}

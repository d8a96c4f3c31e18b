/**
 * The hub link of a hosting process (`pat serve`, the app): while a hub is set (`pat hub set`, hub.json in
 * the home) the host keeps every document in sync through it (sync/hub/link.ts), beside the peer node.
 * `pat hub set` / `pat hub clear` routed into the host switch the link at once, so a running `pat serve`
 * follows the setting without a restart. A hub that is down never stops the host: the link says so in its
 * status and retries by itself.
 */
import type { HubConfig } from '../store/hub-config.js'
import type { Store } from '../store/index.js'
import type { HubLink, HubLinkStatus } from '../sync/hub/link.js'

export interface HostedHub {
  status (): HubLinkStatus | undefined
  /** Syncs through this hub from now on (undefined: through none). */
  use (cfg: HubConfig | undefined): Promise<void>
  onChange (listener: () => void): void
  stop (): Promise<void>
}

export function hostedHub (store: Store, log: (line: string) => void): HostedHub {
  let link: HubLink | undefined
  let unwatch = () => {}
  let stopped = false
  const listeners = new Set<() => void>()
  const notify = () => { for (const l of listeners) l() }
  const drop = async () => {
    unwatch()
    unwatch = () => {}
    const old = link
    link = undefined
    await old?.stop()
  }
  return {
    status: () => link?.status(),
    use: async cfg => {
      await drop()
      if (cfg && !stopped) {
        const { HubLink } = await import('../sync/hub/link.js')
        link = new HubLink({ store, url: cfg.url, ...(cfg.token !== undefined ? { token: cfg.token } : {}), log })
        unwatch = link.onStatus(notify)
        link.start()
        log(`syncing through the hub at ${cfg.url}`)
      }
      notify()
    },
    onChange: listener => { listeners.add(listener) },
    stop: async () => { stopped = true; await drop() }
  }
}

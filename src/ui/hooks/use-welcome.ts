/**
 * The first-run welcome: asked while `offerDemo` is given, until the user starts empty or the demo accounts
 * are added (a second Enter while they are being added does nothing).
 */
import { useState } from 'react'
import type { Store } from '../../store/index.js'
import type { Tone } from '../theme/theme.js'

export type OfferDemo = (store: Store) => Promise<unknown>

export function useWelcome (store: Store, offerDemo: OfferDemo | undefined, notify: (text: string, tone?: Tone) => void) {
  const [welcome, setWelcome] = useState<'ask' | 'adding' | undefined>(offerDemo ? 'ask' : undefined)
  const onDemo = () => {
    if (welcome === 'adding' || !offerDemo) return
    setWelcome('adding')
    offerDemo(store).then(
      () => { setWelcome(undefined); notify('added the demo accounts: Enter opens one, ? shows the keys', 'success') },
      (err: Error) => { setWelcome(undefined); notify(`error: ${err.message}`, 'error') })
  }
  return {
    /** Whether the welcome screen shows (over the route, under any overlay). */
    open: welcome !== undefined && offerDemo !== undefined,
    busy: welcome === 'adding',
    onEmpty: () => setWelcome(undefined),
    onDemo
  }
}

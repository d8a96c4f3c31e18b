/**
 * The knowledge base, loaded once in the background (it is the slowest thing the app reads): after the first
 * frame, or once `after` settles (runApp: when the app is live and its warm-up is over, so a first key is
 * not kept waiting behind it, nor behind the frame its arrival redraws). Until it is there, search says it is
 * loading; a failure is kept to be shown where search is used.
 */
import { useEffect, useState } from 'react'
import type { KbIndex } from '../../kb/types.js'
import type { Store } from '../../store/index.js'
import type { KbState } from '../contexts/app-context.js'

async function defaultKb (store: Store): Promise<KbIndex> {
  const { loadIndex } = await import('../../kb/load.js')
  return loadIndex(store.ws.paths.kb)
}

/** `loadKb` replaces the default (the shipped documents plus the workspace's own kb/). */
export function useKb (store: Store, loadKb?: () => Promise<KbIndex>, after?: Promise<unknown>): KbState {
  const [kb, setKb] = useState<KbState>({})
  useEffect(() => {
    let live = true
    const load = loadKb ?? (() => defaultKb(store))
    ;(after ?? Promise.resolve()).then(() => live ? load() : undefined, () => live ? load() : undefined)
      .then(index => { if (live && index) setKb({ index }) }, (err: Error) => { if (live) setKb({ error: err.message }) })
    return () => { live = false }
  }, [store, loadKb, after])
  return kb
}

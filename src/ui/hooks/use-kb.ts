/**
 * The knowledge base, loaded once in the background after the first frame (it is the slowest thing the app
 * reads): until it is there, search says it is loading; a failure is kept to be shown where search is used.
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
export function useKb (store: Store, loadKb?: () => Promise<KbIndex>): KbState {
  const [kb, setKb] = useState<KbState>({})
  useEffect(() => {
    let live = true
    ;(loadKb ?? (() => defaultKb(store)))().then(index => { if (live) setKb({ index }) }, (err: Error) => { if (live) setKb({ error: err.message }) })
    return () => { live = false }
  }, [store, loadKb])
  return kb
}

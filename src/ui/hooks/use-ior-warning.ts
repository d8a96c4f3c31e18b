/**
 * The status bar's IR# warning: two members can add one IR# to two accounts offline, and the merge keeps both
 * (issue 15, point 7). Read from the store's account directory once the app is live and again whenever the
 * workspace document changes (the directory is there); `pat account check` and `pat doctor` say how to
 * resolve it. Not during a render: at 10,000 accounts indexing every IR# takes tens of milliseconds, which
 * the first frame (and every render, as a snapshot read) would pay.
 */
import { useEffect, useState } from 'react'
import type { Store } from '../../store/index.js'

/** The warning, first read once `after` settles (the app is live; default: after the first frame). */
export function useIorWarning (store: Store, after: Promise<unknown> = Promise.resolve()): string | undefined {
  const [warning, setWarning] = useState<string | undefined>()
  useEffect(() => {
    let open = true
    let pending: NodeJS.Immediate | undefined
    const read = () => { clearImmediate(pending); pending = setImmediate(() => { if (open) setWarning(iorWarning(store)) }) }
    const off = store.subscribe(change => { if (change.accountId === undefined) read() })
    after.then(read, read)
    return () => { open = false; clearImmediate(pending); off() }
  }, [store, after])
  return warning
}

function iorWarning (store: Store): string | undefined {
  const duplicates = store.ws.duplicateIors()
  const [first] = duplicates
  if (!first) return undefined
  return duplicates.length === 1 ? `⚠ IR# ${first.ior} in ${first.accounts.length} accounts` : `⚠ ${duplicates.length} IR#s in several accounts`
}

// A child process for the kill tests: opens the workspace (built code, as the CLI runs it) and edits one
// account in a loop — even edits add a plan item, odd ones rewrite the account's notes with a long text, so
// its stored log reaches compaction every few edits — printing "done N" only once edit N is on disk. The
// parent kills it with SIGKILL at a random moment.
import { Store } from '../../dist/store/index.js'

export const notesText = (prefix, n) => `${prefix} notes ${n}: ${`call ${n} about classification and valuation. `.repeat(50)}`

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [home, accountId, prefix] = process.argv.slice(2)
  const store = await Store.open(home)
  for (let n = 0; ; n++) {
    if (n % 2 === 0) await store.plan.items.add(accountId, { title: `${prefix} ${n}`, priority: 'medium' })
    else await store.accounts.set(accountId, { notes: notesText(prefix, n) })
    process.stdout.write(`done ${n}\n`)
  }
}

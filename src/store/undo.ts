/**
 * Undo of this member's own edits. Each document gets a Y.UndoManager that tracks only the LOCAL origin,
 * so an edit that arrived from a peer is never undone by us. One action may touch two documents (adding an
 * account writes the directory and the account), so a stack of actions records which managers' stack items
 * each action pushed, and undo pops them together.
 *
 * The stack keeps the last UNDO_DEPTH actions. An UndoManager keeps everything its stack items deleted from
 * garbage collection (to bring it back); so that deleting and re-adding entries all day does not grow memory
 * without bound, the oldest action is released when the stack is full: its items leave the managers, what
 * they deleted may be collected, and it is collected at once. What was undone can be redone until the
 * next edit: a new edit releases the redo stack (Y.UndoManager drops its own redo items then too).
 */
import * as Y from 'yjs'
import { LOCAL } from './origins.js'

export const UNDO_DEPTH = 100

type StackItem = Y.UndoManager['undoStack'][number]
interface UndoRecord { pushed: Array<{ manager: Y.UndoManager, item: StackItem }>, summary: string, accountId: string }
/** An undoable (or redoable) action: its one-line summary and the account it changed. */
export interface UndoInfo { summary: string, accountId: string }

const info = (rec: UndoRecord | undefined): UndoInfo | undefined => (rec ? { summary: rec.summary, accountId: rec.accountId } : undefined)

export class UndoStack {
  private readonly managers = new Map<Y.Doc, Y.UndoManager>()
  private readonly stack: UndoRecord[] = []
  private readonly redoStack: UndoRecord[] = []

  /** Registers a document's undoable types (once per document). */
  track (doc: Y.Doc, types: Array<Y.AbstractType<unknown>>): void {
    if (this.managers.has(doc)) return
    this.managers.set(doc, new Y.UndoManager(types, { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 }))
  }

  /** Stack depths of the documents an action may change, before it runs. */
  mark (docs: readonly Y.Doc[]): Map<Y.UndoManager, number> {
    const out = new Map<Y.UndoManager, number>()
    for (const doc of docs) {
      const m = this.managers.get(doc)
      if (m) out.set(m, m.undoStack.length)
    }
    return out
  }

  record (before: Map<Y.UndoManager, number>, summary: string, accountId: string): void {
    const pushed = [...before].filter(([m, depth]) => m.undoStack.length > depth).map(([manager]) => ({ manager, item: manager.undoStack.at(-1)! }))
    if (pushed.length === 0) return
    this.releaseRedo()
    this.stack.push({ pushed, summary, accountId })
    if (this.stack.length > UNDO_DEPTH) for (const { manager, item } of this.stack.shift()!.pushed) release(manager, manager.undoStack, item)
  }

  /** What undo would undo now, without undoing it. */
  peek (): UndoInfo | undefined {
    return info(this.stack.at(-1))
  }

  /** What redo would redo now. */
  peekRedo (): UndoInfo | undefined {
    return info(this.redoStack.at(-1))
  }

  /** Undoes the last action; returns what it was, or undefined when there is nothing to undo. */
  undo (): UndoInfo | undefined {
    const rec = this.stack.pop()
    if (!rec) return undefined
    const pushed = rec.pushed.map(({ manager }) => { manager.undo(); return { manager, item: manager.redoStack.at(-1)! } })
    this.redoStack.push({ pushed, summary: rec.summary, accountId: rec.accountId })
    if (this.redoStack.length > UNDO_DEPTH) for (const { manager, item } of this.redoStack.shift()!.pushed) release(manager, manager.redoStack, item)
    return info(rec)
  }

  /** Redoes the last undone action; undefined when there is none (or an edit since has replaced it). */
  redo (): UndoInfo | undefined {
    const rec = this.redoStack.pop()
    if (!rec) return undefined
    // An edit made outside edit() (none today) would have dropped the managers' redo items: then it is gone.
    if (!rec.pushed.every(({ manager, item }) => manager.redoStack.at(-1) === item)) { this.releaseRedo(); return undefined }
    const pushed = rec.pushed.map(({ manager }) => { manager.redo(); return { manager, item: manager.undoStack.at(-1)! } })
    this.stack.push({ pushed, summary: rec.summary, accountId: rec.accountId })
    return info(rec)
  }

  private releaseRedo (): void {
    for (const rec of this.redoStack.splice(0)) for (const { manager, item } of rec.pushed) release(manager, manager.redoStack, item)
  }

  destroy (): void {
    for (const m of this.managers.values()) m.destroy()
    this.managers.clear()
  }
}

/**
 * Takes a stack item out of its manager and lets what it kept be garbage-collected — what Y.UndoManager's
 * clear() does for all items, for one.
 */
function release (manager: Y.UndoManager, stack: StackItem[], item: StackItem): void {
  const i = stack.indexOf(item)
  if (i === -1) return
  stack.splice(i, 1)
  const doc = manager.doc
  doc.transact(tr => {
    Y.iterateDeletedStructs(tr, item.deletions, struct => {
      if (struct instanceof Y.Item && manager.scope.some(type => type === doc || (type instanceof Y.AbstractType && Y.isParentOf(type, struct)))) {
        // Y.UndoManager's keepItem(item, false): the item and the parents it kept.
        for (let it: Y.Item | null = struct; it !== null && it.keep; it = it.parent instanceof Y.AbstractType ? it.parent._item : null) it.keep = false
      }
    })
  })
  Y.tryGc(item.deletions, doc.store, doc.gcFilter)
}

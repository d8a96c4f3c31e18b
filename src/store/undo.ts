/**
 * Undo of this member's own edits. Each document gets a Y.UndoManager that tracks only the LOCAL origin,
 * so an edit that arrived from a peer is never undone by us. One action may touch two documents (adding an
 * account writes the directory and the account), so a stack of actions records which managers each action
 * pushed onto, and undo pops them together.
 */
import * as Y from 'yjs'
import { LOCAL } from './origins.js'

interface UndoRecord { managers: Y.UndoManager[], summary: string, accountId: string }

export class UndoStack {
  private readonly managers = new Map<Y.Doc, Y.UndoManager>()
  private readonly stack: UndoRecord[] = []

  /** Registers a document's undoable types (once per document). */
  track (doc: Y.Doc, types: Array<Y.AbstractType<unknown>>): void {
    if (this.managers.has(doc)) return
    this.managers.set(doc, new Y.UndoManager(types, { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 }))
  }

  /** Stack depths before an action, to see afterwards which documents it changed. */
  mark (): Map<Y.UndoManager, number> {
    return new Map([...this.managers.values()].map(m => [m, m.undoStack.length]))
  }

  record (before: Map<Y.UndoManager, number>, summary: string, accountId: string): void {
    const managers = [...this.managers.values()].filter(m => m.undoStack.length > (before.get(m) ?? 0))
    if (managers.length) this.stack.push({ managers, summary, accountId })
  }

  /** Undoes the last action; returns what it was, or undefined when there is nothing to undo. */
  undo (): { summary: string, accountId: string } | undefined {
    const rec = this.stack.pop()
    if (!rec) return undefined
    for (const m of rec.managers) m.undo()
    return { summary: rec.summary, accountId: rec.accountId }
  }

  destroy (): void {
    for (const m of this.managers.values()) m.destroy()
    this.managers.clear()
  }
}

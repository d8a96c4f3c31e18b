/**
 * Lifecycle task marks: a member marks an SOP task done ("IR#s confirmed with the account", "questionnaire
 * sent") or takes the mark back. A mark is stored as one value — { done, by, at, note? } — under the task id
 * in the account's `tasks` map, so concurrent marks merge as last-writer-wins per task, never half a mark.
 */
import { STAGE_LABELS, resolveTask, type TaskDef, type TaskMark } from '../../domain/index.js'
import { accountRoots } from '../schema.js'
import { readTasks } from '../snapshot.js'
import type { Workspace } from '../workspace.js'

export interface TaskChange { task: TaskDef, mark: TaskMark | undefined, changed: boolean }

export class TaskActions {
  constructor (private readonly ws: Workspace) {}

  async marks (accountId: string): Promise<Record<string, TaskMark>> {
    return readTasks(await this.ws.accountDoc(accountId))
  }

  /** Marks a task done (with an optional note), or removes the mark; logged and undoable like every edit. */
  async mark (accountId: string, taskName: string, done: boolean, note?: string): Promise<TaskChange> {
    const task = resolveTask(taskName)
    const text = note?.trim() ?? ''
    return this.ws.edit<TaskChange>(accountId, done ? 'tasks.done' : 'tasks.undo', acc => {
      const tasks = accountRoots(acc).tasks
      const prev = tasks.get(task.id) as TaskMark | undefined
      const title = `task "${task.label}" (${STAGE_LABELS[task.stage]})`
      if (done) {
        if (prev?.done && (prev.note ?? '') === text) return { result: { task, mark: prev, changed: false }, summary: undefined }
        const mark: TaskMark = { done: true, by: this.ws.member.id, at: this.ws.now(), ...(text ? { note: text } : {}) }
        tasks.set(task.id, mark)
        return { result: { task, mark, changed: true }, summary: `marked ${title} done${text ? `: "${text}"` : ''}` }
      }
      if (!prev) return { result: { task, mark: undefined, changed: false }, summary: undefined }
      tasks.delete(task.id)
      return { result: { task, mark: undefined, changed: true }, summary: `took back the mark on ${title}` }
    })
  }
}

import * as vscode from 'vscode';
import type { TaskState } from '../core/protocol';
import type { TaskView } from '../core/taskModel';

export interface StateLook {
  readonly icon: string;
  readonly colour: string | undefined;
  readonly word: string;
}

/** How each task state looks: a codicon with a theme colour, and a word. */
export const STATE_LOOK: Record<TaskState, StateLook> = {
  CLEAN: { icon: 'pass-filled', colour: 'testing.iconPassed', word: 'clean' },
  DIRTY: { icon: 'circle-filled', colour: 'list.warningForeground', word: 'dirty' },
  RUNNING: { icon: 'sync~spin', colour: 'charts.blue', word: 'running' },
  FAILED: { icon: 'error', colour: 'testing.iconFailed', word: 'failed' },
  UNKNOWN: { icon: 'question', colour: 'disabledForeground', word: 'unknown' },
};

/** A task whose state the daemon has not sent yet (it is still hashing). */
const PENDING: StateLook = { icon: 'circle-outline', colour: 'disabledForeground', word: 'pending' };

export function lookOf(task: TaskView): StateLook {
  return task.pending ? PENDING : STATE_LOOK[task.state];
}

export function taskIcon(task: TaskView): vscode.ThemeIcon {
  const look = lookOf(task);
  return new vscode.ThemeIcon(look.icon, look.colour ? new vscode.ThemeColor(look.colour) : undefined);
}

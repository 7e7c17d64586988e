import * as vscode from 'vscode';
import type { TaskState } from '../core/protocol';

/** How each task state looks: a codicon with a theme colour, and a word. */
export const STATE_LOOK: Record<TaskState, { readonly icon: string; readonly colour: string | undefined; readonly word: string }> = {
  CLEAN: { icon: 'pass-filled', colour: 'testing.iconPassed', word: 'clean' },
  DIRTY: { icon: 'circle-filled', colour: 'list.warningForeground', word: 'dirty' },
  RUNNING: { icon: 'sync~spin', colour: 'charts.blue', word: 'running' },
  FAILED: { icon: 'error', colour: 'testing.iconFailed', word: 'failed' },
  UNKNOWN: { icon: 'circle-outline', colour: 'disabledForeground', word: 'unknown' },
};

export function stateIcon(state: TaskState): vscode.ThemeIcon {
  const look = STATE_LOOK[state];
  return new vscode.ThemeIcon(look.icon, look.colour ? new vscode.ThemeColor(look.colour) : undefined);
}

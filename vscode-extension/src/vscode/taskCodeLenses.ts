import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TaskModel } from '../core/taskModel';
import { STATE_LOOK } from './stateIcons';

/** Above each task in a same.yaml: its state (opens "why") and a run action. */
export class TaskCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changeEmitter.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly model: TaskModel, private readonly root: string) {
    this.subscription = model.onDidChange(() => this.changeEmitter.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const file = path.relative(this.root, document.uri.fsPath);
    return this.model.tasksInFile(file).flatMap((task) => {
      const line = Math.min(Math.max(0, task.info.line - 1), document.lineCount - 1);
      const range = document.lineAt(line).range;
      const look = STATE_LOOK[task.state];
      const reason = task.state === 'CLEAN' ? '' : task.reasons[0] ? ` — ${task.reasons[0]}` : '';
      return [
        new vscode.CodeLens(range, {
          title: `$(${look.icon.replace('~spin', '')}) ${look.word}${reason}`,
          tooltip: `Why is ${task.id} ${look.word}?`,
          command: 'same.explainTask',
          arguments: [task.id],
        }),
        new vscode.CodeLens(range, { title: '$(play) run', tooltip: `Run ${task.id}`, command: 'same.runTask', arguments: [task.id] }),
        new vscode.CodeLens(range, {
          title: 'run without cache',
          tooltip: `Run ${task.id} even if cached`,
          command: 'same.runTaskNoCache',
          arguments: [task.id],
        }),
      ];
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import { dirtyBadge } from '../core/dirtyBadge';
import type { TaskModel } from '../core/taskModel';

/** Marks the input files whose changes make tasks dirty, in the explorer and on editor tabs. */
export class DirtyFileDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changeEmitter.event;
  private files = new Map<string, string[]>();
  private readonly subscription: { dispose(): void };

  constructor(private readonly model: TaskModel, private readonly root: string) {
    this.subscription = model.onDidChange(() => this.update());
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'file') {
      return undefined;
    }
    const tasks = this.files.get(path.relative(this.root, uri.fsPath));
    if (!tasks) {
      return undefined;
    }
    return dirtyBadge(tasks);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private update(): void {
    const next = this.model.dirtyInputs();
    const touched = new Set<string>();
    for (const [file, tasks] of next) {
      if (this.files.get(file)?.join() !== tasks.join()) {
        touched.add(file);
      }
    }
    for (const file of this.files.keys()) {
      if (!next.has(file)) {
        touched.add(file);
      }
    }
    this.files = next;
    if (touched.size > 0) {
      this.changeEmitter.fire([...touched].map((file) => vscode.Uri.file(path.join(this.root, file))));
    }
  }
}

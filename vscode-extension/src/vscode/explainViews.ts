import * as vscode from 'vscode';
import { renderExplain } from '../core/explainDocument';
import type { SameClient } from '../core/sameClient';
import type { TaskModel } from '../core/taskModel';
import { ExplainDocuments } from './explainDocuments';

/**
 * "Why?": `task/explain` rendered in VS Code's Markdown preview, beside the editor, and kept current: while a
 * task's explanation is open, every change of the workspace's state asks the daemon again.
 */
export class ExplainViews implements vscode.Disposable {
  private readonly documents = new ExplainDocuments();
  private readonly shown = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: SameClient, model: TaskModel, private readonly log: (message: string) => void) {
    this.subscriptions = [
      this.documents,
      vscode.workspace.registerTextDocumentContentProvider(ExplainDocuments.SCHEME, this.documents),
      { dispose: model.onDidChange(() => this.scheduleRefresh()).dispose },
    ];
  }

  async show(task: string): Promise<void> {
    try {
      const uri = this.documents.set(task, renderExplain(await this.client.explain(task)));
      this.shown.add(task);
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri).then(undefined, async () => {
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.languages.setTextDocumentLanguage(document, 'markdown');
        await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
      });
    } catch (error) {
      void vscode.window.showErrorMessage(`same: cannot explain ${task}: ${(error as Error).message}`);
    }
  }

  dispose(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private scheduleRefresh(): void {
    if (this.shown.size === 0 || this.timer) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, 250);
  }

  private async refresh(): Promise<void> {
    const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    for (const task of [...this.shown]) {
      if (!open.has(this.documents.uriFor(task).toString())) {
        this.shown.delete(task); // its preview was closed
        continue;
      }
      try {
        this.documents.set(task, renderExplain(await this.client.explain(task, false)));
      } catch (error) {
        this.log(`why ${task}: ${(error as Error).message}`);
      }
    }
  }
}

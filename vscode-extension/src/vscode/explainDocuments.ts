import * as vscode from 'vscode';

/** Read-only Markdown documents holding `task/explain` answers, one per task (`same-why:/lib:build.md`). */
export class ExplainDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly SCHEME = 'same-why';
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly contents = new Map<string, string>();

  uriFor(task: string): vscode.Uri {
    return vscode.Uri.from({ scheme: ExplainDocuments.SCHEME, path: `/why ${task}.md` });
  }

  set(task: string, markdown: string): vscode.Uri {
    const uri = this.uriFor(task);
    if (this.contents.get(uri.toString()) === markdown) {
      return uri;
    }
    this.contents.set(uri.toString(), markdown);
    this.changeEmitter.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

/**
 * `same lsp` for everything about editing same.yaml and same.work.yaml: diagnostics while typing, completion,
 * hover, definition, references, symbols and the Run / state lenses. It talks to the same daemon as the task
 * tree, so both show one truth.
 */
export function startLanguageClient(launcher: string, env: NodeJS.ProcessEnv = process.env): LanguageClient {
  const server: ServerOptions = { command: launcher, args: ['lsp'], options: { env } };
  const client: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', pattern: '**/same.yaml' },
      { scheme: 'file', pattern: '**/same.work.yaml' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{same.yaml,same.work.yaml}') },
    outputChannelName: 'same language server',
  };
  const languageClient = new LanguageClient('same', 'same', server, client);
  void languageClient.start().catch((error: Error) =>
    vscode.window.showErrorMessage(`same: the language server did not start: ${error.message}`),
  );
  return languageClient;
}

/** The running language server, started with the launcher found and restarted when another one is found. */
export class LanguageClientHolder implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private launcher: string | undefined;

  constructor(private readonly log: vscode.OutputChannel) {}

  use(launcher: string | undefined): void {
    if (launcher === this.launcher) {
      return;
    }
    void this.client?.stop();
    this.client = undefined;
    this.launcher = launcher;
    if (launcher) {
      this.client = startLanguageClient(launcher);
    } else {
      this.log.appendLine('no same launcher found: editing help for same.yaml (same lsp) is off');
    }
  }

  dispose(): void {
    void this.client?.stop();
  }
}

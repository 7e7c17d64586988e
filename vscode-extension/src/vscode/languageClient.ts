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

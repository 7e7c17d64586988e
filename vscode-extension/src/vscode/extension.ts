import * as vscode from 'vscode';
import { DaemonConnection } from '../core/connection';
import { resolveLauncher } from '../core/launcher';
import { SameClient } from '../core/sameClient';
import { TaskModel } from '../core/taskModel';
import { WorkspaceSync } from '../core/workspaceSync';
import { findWorkspaceRoot } from '../core/workspaceRoot';
import { registerCommands } from './commands';
import { DirtyFileDecorations } from './dirtyFileDecorations';
import { ExplainDocuments, EXPLAIN_SCHEME } from './explainDocuments';
import { startLanguageClient } from './languageClient';
import { SameStatusBar } from './statusBar';
import { SameTaskProvider, TASK_TYPE } from './taskProvider';
import { TaskTreeProvider } from './taskTree';

const CLIENT_VERSION: string = (require('../../package.json') as { version: string }).version;

export function activate(context: vscode.ExtensionContext): void {
  const found = findRoot();
  if (!found) {
    return;
  }
  const { root, folder } = found;
  const log = vscode.window.createOutputChannel('same');
  const connection = new DaemonConnection({
    root,
    clientVersion: CLIENT_VERSION,
    launcher: () => resolveLauncher(root, vscode.workspace.getConfiguration('same').get<string>('path')),
  });
  const client = new SameClient(connection, root);
  const model = new TaskModel();
  const sync = new WorkspaceSync(connection, client, model, (message) => log.appendLine(message));
  const explanations = new ExplainDocuments();
  const tasks = new SameTaskProvider(connection, client, model, folder, () => graphLoaded(connection, sync, model));
  const openDaemonLog = async () => {
    await vscode.window.showTextDocument(vscode.Uri.file(connection.logFile)).then(undefined, (error: Error) =>
      vscode.window.showErrorMessage(`same: cannot open ${connection.logFile}: ${error.message}`),
    );
  };

  context.subscriptions.push(
    log,
    { dispose: () => connection.dispose() },
    { dispose: () => sync.dispose() },
    { dispose: () => model.dispose() },
    explanations,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explanations),
    vscode.window.registerTreeDataProvider('same.tasks', new TaskTreeProvider(model, root)),
    vscode.tasks.registerTaskProvider(TASK_TYPE, tasks),
    new SameStatusBar(connection, model),
    vscode.window.registerFileDecorationProvider(new DirtyFileDecorations(model, root)),
    ...registerCommands({ connection, client, model, sync, tasks, explanations, openDaemonLog }),
    vscode.workspace.onDidSaveTextDocument(() => {
      if (vscode.workspace.getConfiguration('same').get<boolean>('refreshOnSave', true)) {
        sync.fileSaved();
      }
    }),
  );

  connection.onDidChangeState((state) => {
    log.appendLine(`daemon connection: ${JSON.stringify(state)}`);
    if (state.kind === 'failed') {
      void vscode.window.showErrorMessage(`same: ${state.reason}`, 'Open daemon log', 'Retry').then((choice) => {
        if (choice === 'Open daemon log') {
          void openDaemonLog();
        } else if (choice === 'Retry') {
          void connection.reconnect().catch(() => undefined);
        }
      });
    }
  });
  connection.onHealth((health) => {
    if (health.status !== 'OK') {
      log.appendLine(`daemon health ${health.status}: ${health.reason ?? ''} ${health.remedy ?? ''}`);
    }
    if (health.status === 'DEGRADED') {
      void vscode.window.showWarningMessage(`same: ${health.reason ?? 'the file watcher is degraded'}${health.remedy ? ` — ${health.remedy}` : ''}`);
    }
  });
  const launcher = resolveLauncher(root, vscode.workspace.getConfiguration('same').get<string>('path'));
  if (launcher) {
    const languageClient = startLanguageClient(launcher);
    context.subscriptions.push({ dispose: () => void languageClient.stop() });
  } else {
    log.appendLine('no same launcher found: editing help for same.yaml (same lsp) is off');
  }
  log.appendLine(`workspace root ${root}`);
  connection.start().catch(() => {
    // reported through the state: status bar, and an error message when the daemon cannot start
  });
}

export function deactivate(): void {
  // everything is disposed through the context's subscriptions
}

function findRoot(): { root: string; folder: vscode.WorkspaceFolder } | undefined {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') {
      continue;
    }
    const root = findWorkspaceRoot(folder.uri.fsPath);
    if (root) {
      return { root, folder };
    }
  }
  return undefined;
}

/** Waits (a bounded time) for the first graph, so "Run Task" lists the tasks right after start-up. */
async function graphLoaded(connection: DaemonConnection, sync: WorkspaceSync, model: TaskModel): Promise<void> {
  if (model.hasGraph) {
    return;
  }
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 15_000));
  await Promise.race([connection.whenConnected().then(() => sync.refreshAll()).catch(() => undefined), timeout]);
}

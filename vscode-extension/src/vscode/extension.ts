import * as vscode from 'vscode';
import { DaemonConnection } from '../core/connection';
import { LauncherSearch, findLauncher } from '../core/launcherSearch';
import { SameClient } from '../core/sameClient';
import { TaskModel } from '../core/taskModel';
import { WorkspaceSync } from '../core/workspaceSync';
import { findWorkspaceRoot } from '../core/workspaceRoot';
import { registerCommands } from './commands';
import { DirtyFileDecorations } from './dirtyFileDecorations';
import { ExplainViews } from './explainViews';
import { GraphView } from './graphView';
import { LanguageClientHolder } from './languageClient';
import { SameStatusBar } from './statusBar';
import { SameTaskProvider, TASK_TYPE } from './taskProvider';
import { TaskTerminals } from './taskTerminals';
import { TaskTreeProvider } from './taskTree';

const CLIENT_VERSION: string = (require('../../package.json') as { version: string }).version;

export function activate(context: vscode.ExtensionContext): void {
  const found = findRoot();
  if (!found) {
    return;
  }
  const { root, folder } = found;
  const log = vscode.window.createOutputChannel('same');
  const launchers = new LauncherFinder(root, log);
  const connection = new DaemonConnection({ root, clientVersion: CLIENT_VERSION, launcher: () => launchers.find() });
  const client = new SameClient(connection, root);
  const model = new TaskModel();
  const sync = new WorkspaceSync(connection, client, model, (message) => log.appendLine(message));
  const tasks = new SameTaskProvider(connection, client, model, folder, () => graphLoaded(connection, sync, model));
  const terminals = new TaskTerminals(connection, client);
  const explanations = new ExplainViews(client, model, (message) => log.appendLine(message));
  const graph = new GraphView(model);
  const languageServer = new LanguageClientHolder(log);
  const openDaemonLog = () => openLog(folder, connection.logFile);
  const setPath = () => chooseLauncher(folder);

  context.subscriptions.push(
    log,
    { dispose: () => connection.dispose() },
    { dispose: () => sync.dispose() },
    { dispose: () => model.dispose() },
    terminals,
    explanations,
    graph,
    languageServer,
    vscode.window.registerTreeDataProvider('same.tasks', new TaskTreeProvider(model, connection, root)),
    vscode.tasks.registerTaskProvider(TASK_TYPE, tasks),
    new SameStatusBar(connection, model),
    vscode.window.registerFileDecorationProvider(new DirtyFileDecorations(model, root)),
    ...registerCommands({ connection, client, model, sync, terminals, explanations, graph, openDaemonLog, setPath }),
    vscode.workspace.onDidSaveTextDocument(() => {
      if (vscode.workspace.getConfiguration('same').get<boolean>('refreshOnSave', true)) {
        sync.fileSaved();
      }
    }),
    vscode.workspace.onDidChangeConfiguration((change) => {
      if (change.affectsConfiguration('same.path')) {
        launchers.forget();
        void launchers.find().then((search) => languageServer.use(search.launcher));
        if (connection.state.kind !== 'connected') {
          void connection.reconnect().catch(() => undefined);
        }
      }
    }),
  );

  connection.onDidChangeState((state) => {
    log.appendLine(`daemon connection: ${JSON.stringify(state)}`);
    showProgressWhileStarting(connection, model);
    if (state.kind === 'failed') {
      const actions = state.probes ? ['Set path…', 'Retry'] : ['Open daemon log', 'Retry'];
      void vscode.window.showErrorMessage(`same: ${state.reason}`, ...actions).then((choice) => {
        if (choice === 'Open daemon log') {
          void openDaemonLog();
        } else if (choice === 'Set path…') {
          void setPath();
        } else if (choice === 'Retry') {
          void connection.reconnect().catch(() => undefined);
        }
      });
    } else if (state.kind === 'connected') {
      void launchers.find().then((search) => languageServer.use(search.launcher));
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
  log.appendLine(`workspace root ${root}`);
  void launchers.find().then((search) => languageServer.use(search.launcher));
  showProgressWhileStarting(connection, model);
  connection.start().catch(() => {
    // reported through the state: the view, the status bar, and an error message when the daemon cannot start
  });
}

export function deactivate(): void {
  // everything is disposed through the context's subscriptions
}

/** The launcher search, done once per value of `same.path` (again after a miss: the user may install it). */
class LauncherFinder {
  private search: Promise<LauncherSearch> | undefined;

  constructor(private readonly root: string, private readonly log: vscode.OutputChannel) {}

  find(): Promise<LauncherSearch> {
    if (!this.search) {
      const configured = vscode.workspace.getConfiguration('same').get<string>('path');
      this.search = findLauncher({ root: this.root, configured }).then((search) => {
        this.log.appendLine(`same launcher: ${search.launcher ?? 'not found'} (${search.probes.map((p) => `${p.place}: ${p.found ?? p.missing}`).join('; ')})`);
        if (!search.launcher) {
          this.search = undefined;
        }
        return search;
      });
    }
    return this.search;
  }

  forget(): void {
    this.search = undefined;
  }
}

let progressShown = false;

/** The view's progress bar (and the status bar's spinner) while the daemon starts and the graph loads. */
function showProgressWhileStarting(connection: DaemonConnection, model: TaskModel): void {
  const busy = () => ['idle', 'connecting', 'starting', 'reconnecting'].includes(connection.state.kind) || (connection.state.kind === 'connected' && !model.hasGraph);
  if (progressShown || !busy()) {
    return;
  }
  progressShown = true;
  void vscode.window.withProgress({ location: { viewId: 'same.tasks' } }, () => new Promise<void>((resolve) => {
    const check = () => {
      if (!busy()) {
        subscriptions.forEach((subscription) => subscription.dispose());
        progressShown = false;
        resolve();
      }
    };
    const subscriptions = [connection.onDidChangeState(check), model.onDidChange(check)];
    check();
  }));
}

/** Opens the daemon's log through VS Code's file system, so it works in a remote window too. */
async function openLog(folder: vscode.WorkspaceFolder, file: string): Promise<void> {
  const uri = folder.uri.with({ path: file });
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    void vscode.window.showInformationMessage(`same: there is no daemon log yet (${file}): the daemon has not started in this workspace`);
    return;
  }
  try {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  } catch (error) {
    void vscode.window.showErrorMessage(`same: cannot open ${file}: ${(error as Error).message}`);
  }
}

/** "Set path…": picks the launcher and stores it as the `same.path` user setting (which retries at once). */
async function chooseLauncher(folder: vscode.WorkspaceFolder): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    defaultUri: folder.uri,
    openLabel: 'Use this same',
    title: 'The same launcher (…/bin/same)',
  });
  const file = picked?.[0];
  if (file) {
    await vscode.workspace.getConfiguration('same').update('path', file.fsPath, vscode.ConfigurationTarget.Global);
  }
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

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DaemonConnection } from '../core/connection';
import { renderExplain } from '../core/explainDocument';
import type { SameClient } from '../core/sameClient';
import type { TaskModel } from '../core/taskModel';
import type { WorkspaceSync } from '../core/workspaceSync';
import type { ExplainDocuments } from './explainDocuments';
import { STATE_LOOK } from './stateIcons';
import { SameTaskProvider, TASK_TYPE } from './taskProvider';
import type { TreeNode } from './taskTree';

export interface CommandContext {
  readonly connection: DaemonConnection;
  readonly client: SameClient;
  readonly model: TaskModel;
  readonly sync: WorkspaceSync;
  readonly tasks: SameTaskProvider;
  readonly explanations: ExplainDocuments;
  readonly openDaemonLog: () => Promise<void>;
}

/** The extension's commands; a task argument is a tree node, a task id (CodeLens), or asked for. */
export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const { model, tasks } = context;
  const run = async (arg: unknown, noCache: boolean) => {
    const id = await taskIdOf(arg, model);
    if (id) {
      await vscode.tasks.executeTask(tasks.create({ type: TASK_TYPE, task: id, noCache }));
    }
  };
  return [
    vscode.commands.registerCommand('same.runTask', (arg: unknown) => run(arg, false)),
    vscode.commands.registerCommand('same.runTaskNoCache', (arg: unknown) => run(arg, true)),
    vscode.commands.registerCommand('same.runAll', () => vscode.tasks.executeTask(tasks.create({ type: TASK_TYPE, task: 'all' }))),
    vscode.commands.registerCommand('same.explainTask', (arg: unknown) => explain(context, arg)),
    vscode.commands.registerCommand('same.revealTask', (arg: unknown) => reveal(context, arg)),
    vscode.commands.registerCommand('same.refresh', () => context.sync.refreshAll()),
    vscode.commands.registerCommand('same.reconnect', () => context.connection.reconnect().catch(() => undefined)),
    vscode.commands.registerCommand('same.openDaemonLog', () => context.openDaemonLog()),
  ];
}

async function taskIdOf(arg: unknown, model: TaskModel): Promise<string | undefined> {
  if (typeof arg === 'string') {
    return arg;
  }
  const node = arg as TreeNode | undefined;
  if (node?.kind === 'task') {
    return node.task.id;
  }
  const picked = await vscode.window.showQuickPick(
    model.tasks().map((task) => ({ label: task.id, description: STATE_LOOK[task.state].word })),
    { placeHolder: 'Task' },
  );
  return picked?.label;
}

async function explain(context: CommandContext, arg: unknown): Promise<void> {
  const id = await taskIdOf(arg, context.model);
  if (!id) {
    return;
  }
  try {
    const uri = context.explanations.set(id, renderExplain(await context.client.explain(id)));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  } catch (error) {
    void vscode.window.showErrorMessage(`same: cannot explain ${id}: ${(error as Error).message}`);
  }
}

async function reveal(context: CommandContext, arg: unknown): Promise<void> {
  const id = await taskIdOf(arg, context.model);
  const task = id ? context.model.task(id) : undefined;
  if (!task) {
    return;
  }
  const line = Math.max(0, task.info.line - 1);
  await vscode.window.showTextDocument(vscode.Uri.file(path.join(context.connection.root, task.info.file)), {
    selection: new vscode.Range(line, 0, line, 0),
  });
}

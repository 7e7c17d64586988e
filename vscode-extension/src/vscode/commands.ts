import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DaemonConnection } from '../core/connection';
import type { SameClient } from '../core/sameClient';
import { RunTarget, runTargets } from '../core/runTargets';
import type { TaskModel } from '../core/taskModel';
import type { WorkspaceSync } from '../core/workspaceSync';
import type { ExplainViews } from './explainViews';
import type { GraphView } from './graphView';
import { lookOf } from './stateIcons';
import type { TaskTerminals } from './taskTerminals';
import type { TreeNode } from './taskTree';

export interface CommandContext {
  readonly connection: DaemonConnection;
  readonly client: SameClient;
  readonly model: TaskModel;
  readonly sync: WorkspaceSync;
  readonly terminals: TaskTerminals;
  readonly explanations: ExplainViews;
  readonly graph: GraphView;
  readonly openDaemonLog: () => Promise<void>;
  readonly setPath: () => Promise<void>;
}

/** The extension's commands; a task argument is a tree node, a task id (CodeLens, graph view), or asked for. */
export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const { model, terminals, connection } = context;
  const run = async (arg: unknown, noCache: boolean) => {
    const target = await targetOf(arg, model);
    if (target) {
      await terminals.run(target.targets, noCache, target.label);
    }
  };
  return [
    vscode.commands.registerCommand('same.runTask', (arg: unknown) => run(arg, false)),
    vscode.commands.registerCommand('same.runTaskNoCache', (arg: unknown) => run(arg, true)),
    vscode.commands.registerCommand('same.stopTask', (arg: unknown) => stop(context, arg)),
    vscode.commands.registerCommand('same.runAll', () => terminals.run(['all'], false, 'all')),
    vscode.commands.registerCommand('same.explainTask', async (arg: unknown) => {
      const id = await taskIdOf(arg, model);
      if (id) {
        await context.explanations.show(id);
      }
    }),
    vscode.commands.registerCommand('same.revealTask', (arg: unknown) => reveal(context, arg)),
    vscode.commands.registerCommand('same.showGraph', () => context.graph.show()),
    vscode.commands.registerCommand('same.refresh', () => context.sync.refreshAll()),
    vscode.commands.registerCommand('same.reconnect', () => connection.reconnect().catch(() => undefined)),
    vscode.commands.registerCommand('same.startDaemon', () => connection.start().catch(() => undefined)),
    vscode.commands.registerCommand('same.stopDaemon', () => connection.stopDaemon()),
    vscode.commands.registerCommand('same.restartDaemon', () => connection.restartDaemon().catch(() => undefined)),
    vscode.commands.registerCommand('same.openDaemonLog', () => context.openDaemonLog()),
    vscode.commands.registerCommand('same.setPath', () => context.setPath()),
  ];
}

/** What a run command runs: a task or a project (tree rows), a task id, or what the user picks. */
async function targetOf(arg: unknown, model: TaskModel): Promise<RunTarget | undefined> {
  if (typeof arg === 'string') {
    return { label: arg, targets: [arg], detail: '' };
  }
  const node = arg as TreeNode | undefined;
  if (node?.kind === 'task') {
    return { label: node.task.id, targets: [node.task.id], detail: '' };
  }
  if (node?.kind === 'project') {
    return runTargets(model).find((target) => target.project === node.project.info.name);
  }
  const picked = await vscode.window.showQuickPick(
    runTargets(model).map((target) => ({ label: target.label, detail: target.detail, target })),
    { placeHolder: 'Run: all, a project, or a task' },
  );
  return picked?.target;
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
    model.tasks().map((task) => ({ label: task.id, description: lookOf(task).word })),
    { placeHolder: 'Task' },
  );
  return picked?.label;
}

/** Cancels the run the task is part of, when this window started it; the run's terminal keeps its output. */
async function stop(context: CommandContext, arg: unknown): Promise<void> {
  const id = await taskIdOf(arg, context.model);
  const task = id ? context.model.task(id) : undefined;
  if (!task) {
    return;
  }
  if (task.runId) {
    await context.client.runCancel(task.runId).catch((error: Error) =>
      vscode.window.showErrorMessage(`same: cannot stop ${task.id}: ${error.message}`),
    );
  } else if (task.state === 'RUNNING') {
    void vscode.window.showInformationMessage(`same: ${task.id} runs from another client (a terminal?); stop it there`);
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
    preview: true,
  });
}

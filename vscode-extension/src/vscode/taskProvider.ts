import * as vscode from 'vscode';
import type { DaemonConnection } from '../core/connection';
import type { SameClient } from '../core/sameClient';
import type { TaskModel } from '../core/taskModel';
import { RunTerminal } from './runTerminal';

export const TASK_TYPE = 'same';

export interface SameTaskDefinition extends vscode.TaskDefinition {
  readonly type: typeof TASK_TYPE;
  readonly task: string;
  readonly noCache?: boolean;
}

/** Every task of the graph as a VS Code task of type `same`, run through the daemon in a pseudoterminal. */
export class SameTaskProvider implements vscode.TaskProvider {
  constructor(
    private readonly connection: DaemonConnection,
    private readonly client: SameClient,
    private readonly model: TaskModel,
    private readonly folder: vscode.WorkspaceFolder,
    private readonly graphReady: () => Promise<void>,
  ) {}

  async provideTasks(): Promise<vscode.Task[]> {
    await this.graphReady();
    return this.model.tasks().map((task) => this.create({ type: TASK_TYPE, task: task.id }));
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as Partial<SameTaskDefinition>;
    if (typeof definition.task !== 'string' || definition.task === '') {
      return undefined;
    }
    return this.create(task.definition as SameTaskDefinition);
  }

  create(definition: SameTaskDefinition): vscode.Task {
    const name = definition.noCache ? `${definition.task} (no cache)` : definition.task;
    const task = new vscode.Task(
      definition,
      this.folder,
      name,
      TASK_TYPE,
      new vscode.CustomExecution(async () => new RunTerminal(this.connection, this.client, [definition.task], definition.noCache ?? false)),
    );
    const group = groupOf(definition.task);
    if (group) {
      task.group = group;
    }
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
    return task;
  }
}

function groupOf(taskId: string): vscode.TaskGroup | undefined {
  const name = taskId.slice(taskId.indexOf(':') + 1);
  if (name === 'build') {
    return vscode.TaskGroup.Build;
  }
  return name === 'test' ? vscode.TaskGroup.Test : undefined;
}

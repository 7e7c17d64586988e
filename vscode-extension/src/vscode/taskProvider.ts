import * as vscode from 'vscode';
import type { DaemonConnection } from '../core/connection';
import type { SameClient } from '../core/sameClient';
import type { TaskModel } from '../core/taskModel';
import { runTargets } from '../core/runTargets';
import { RunTerminal } from './runTerminal';

export const TASK_TYPE = 'same';

/** `{ "type": "same", "task": "lib:build" }`, `{ "task": "all" }`, or every task of a project: `{ "project": "lib" }`. */
export interface SameTaskDefinition extends vscode.TaskDefinition {
  readonly type: typeof TASK_TYPE;
  readonly task?: string;
  readonly project?: string;
  readonly noCache?: boolean;
}

/**
 * `all`, every project and every task of the graph as VS Code tasks of type `same` (Run Task, tasks.json), run
 * through the daemon in a pseudoterminal.
 */
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
    return runTargets(this.model).map((target) =>
      this.create(target.project ? { type: TASK_TYPE, project: target.project } : { type: TASK_TYPE, task: target.label }),
    );
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as Partial<SameTaskDefinition>;
    const named = (value: unknown) => typeof value === 'string' && value !== '';
    if (!named(definition.task) && !named(definition.project)) {
      return undefined;
    }
    return this.create(task.definition as SameTaskDefinition);
  }

  create(definition: SameTaskDefinition): vscode.Task {
    const base = definition.project ? `${definition.project} (every task)` : (definition.task ?? '');
    const name = definition.noCache ? `${base} (no cache)` : base;
    const targets = () =>
      definition.project
        ? (this.model.projects().find((project) => project.info.name === definition.project)?.tasks.map((task) => task.id) ?? [])
        : [definition.task ?? ''];
    const task = new vscode.Task(
      definition,
      this.folder,
      name,
      TASK_TYPE,
      new vscode.CustomExecution(async () => new RunTerminal(this.connection, this.client, targets(), definition.noCache ?? false)),
    );
    const group = definition.task ? groupOf(definition.task) : undefined;
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

import { Emitter, Event } from 'vscode-jsonrpc';
import {
  ConfigError,
  GraphResult,
  HashesChanged,
  ProjectInfo,
  RunEvent,
  StatusResult,
  TaskInfo,
  TaskState,
  TaskStatusInfo,
} from './protocol';

/** A task as the views show it: its definition plus its live state. */
export interface TaskView {
  readonly id: string;
  readonly project: string;
  readonly name: string;
  readonly info: TaskInfo;
  readonly state: TaskState;
  readonly hash: string | null;
  readonly reasons: readonly string[];
  /** No state known yet: the graph is loaded, the daemon has not said how the task stands. */
  readonly pending: boolean;
  /** The run of this client the task is part of, while it runs. */
  readonly runId: string | undefined;
}

export interface ProjectView {
  readonly info: ProjectInfo;
  readonly tasks: readonly TaskView[];
}

export interface StateCounts {
  readonly clean: number;
  readonly dirty: number;
  readonly running: number;
  readonly failed: number;
  readonly unknown: number;
}

const INPUT_CHANGED = /^input (?:changed|added|removed): (.+)$/;

/**
 * The extension's picture of the workspace: the task graph, each task's state, the configuration error
 * (if any). Fed by status answers, pushes and run events; a state older than the last applied epoch is
 * ignored, so a late answer never overwrites a newer push.
 */
export class TaskModel {
  private readonly changeEmitter = new Emitter<void>();
  readonly onDidChange: Event<void> = this.changeEmitter.event;

  private graph: GraphResult | undefined;
  private readonly statuses = new Map<string, TaskStatusInfo>();
  /** Tasks a run of this client has started and not finished (→ its runId): running whatever the status says. */
  private readonly runningHere = new Map<string, string>();
  private epoch = -1;
  private error: ConfigError | null = null;

  get currentEpoch(): number {
    return this.epoch;
  }

  get configError(): ConfigError | null {
    return this.error;
  }

  get hasGraph(): boolean {
    return this.graph !== undefined;
  }

  /** A new daemon counts its epochs from scratch: forget the old one's. */
  resetEpoch(): void {
    this.epoch = -1;
    this.runningHere.clear();
  }

  setGraph(graph: GraphResult): void {
    this.graph = graph;
    const ids = new Set(graph.tasks.map((task) => task.id));
    for (const id of [...this.statuses.keys()]) {
      if (!ids.has(id)) {
        this.statuses.delete(id);
      }
    }
    this.changed();
  }

  /** Applies a full status answer; returns false when it is older than what the model shows. */
  applyStatus(result: StatusResult): boolean {
    if (result.epoch < this.epoch) {
      return false;
    }
    this.epoch = result.epoch;
    this.statuses.clear();
    for (const status of result.tasks) {
      this.statuses.set(status.id, status);
    }
    this.error = result.configError;
    this.changed();
    return true;
  }

  applyHashesChanged(change: HashesChanged): boolean {
    if (change.epoch < this.epoch) {
      return false;
    }
    this.epoch = change.epoch;
    for (const status of change.tasks) {
      this.statuses.set(status.id, status);
    }
    this.changed();
    return true;
  }

  setConfigError(error: ConfigError | null): void {
    this.error = error;
    this.changed();
  }

  applyRunEvent(event: RunEvent): void {
    if (event.kind === 'TASK_STARTED' && event.task) {
      this.runningHere.set(event.task, event.runId);
      this.changed();
    } else if (event.kind === 'TASK_FINISHED' && event.task) {
      this.runningHere.delete(event.task);
      const finished = stateAfter(event);
      const previous = this.statuses.get(event.task);
      if (finished) {
        this.statuses.set(event.task, {
          id: event.task,
          state: finished,
          hash: event.hash ?? previous?.hash ?? null,
          reasons: finished === 'FAILED' && event.reason ? [event.reason] : [],
        });
      }
      this.changed();
    } else if (event.kind === 'RUN_FINISHED') {
      const before = this.runningHere.size;
      for (const [task, runId] of [...this.runningHere]) {
        if (runId === event.runId) {
          this.runningHere.delete(task);
        }
      }
      if (this.runningHere.size !== before) {
        this.changed();
      }
    }
  }

  task(id: string): TaskView | undefined {
    const info = this.graph?.tasks.find((task) => task.id === id);
    return info ? this.view(info) : undefined;
  }

  tasks(): TaskView[] {
    return (this.graph?.tasks ?? []).map((info) => this.view(info));
  }

  projects(): ProjectView[] {
    const graph = this.graph;
    if (!graph) {
      return [];
    }
    return [...graph.projects]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((info) => ({
        info,
        tasks: graph.tasks
          .filter((task) => task.project === info.name)
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((task) => this.view(task)),
      }));
  }

  /** Tasks defined in a configuration file (a path relative to the root). */
  tasksInFile(file: string): TaskView[] {
    return this.tasks().filter((task) => task.info.file === file);
  }

  counts(): StateCounts {
    const counts = { clean: 0, dirty: 0, running: 0, failed: 0, unknown: 0 };
    for (const task of this.tasks()) {
      counts[task.state.toLowerCase() as keyof typeof counts]++;
    }
    return counts;
  }

  /**
   * Input files that make a task dirty, relative to the root, each with the tasks it affects; read from
   * reasons such as `input changed: packages/lib/src/name.txt`.
   */
  dirtyInputs(): Map<string, string[]> {
    const files = new Map<string, string[]>();
    for (const task of this.tasks()) {
      if (task.state !== 'DIRTY') {
        continue;
      }
      for (const reason of task.reasons) {
        const file = INPUT_CHANGED.exec(reason)?.[1];
        if (file) {
          files.set(file, [...(files.get(file) ?? []), task.id]);
        }
      }
    }
    return files;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  /**
   * While the configuration is invalid no state can be trusted (the daemon keeps the last good graph's):
   * every task that is not running here reads unknown, with the error as the reason.
   */
  private view(info: TaskInfo): TaskView {
    const status = this.statuses.get(info.id);
    const runId = this.runningHere.get(info.id);
    const base = { id: info.id, project: info.project, name: info.name, info, runId };
    if (runId !== undefined) {
      return { ...base, state: 'RUNNING', hash: status?.hash ?? null, reasons: [], pending: false };
    }
    if (this.error) {
      const where = this.error.file ? `${this.error.file}${this.error.line > 0 ? `:${this.error.line}` : ''}: ` : '';
      return { ...base, state: 'UNKNOWN', hash: null, reasons: [`configuration error: ${where}${this.error.message}`], pending: false };
    }
    return {
      ...base,
      state: status?.state ?? 'UNKNOWN',
      hash: status?.hash ?? null,
      reasons: status?.reasons ?? [],
      pending: status === undefined,
    };
  }

  private changed(): void {
    this.changeEmitter.fire();
  }
}

function stateAfter(event: RunEvent): TaskState | undefined {
  switch (event.status) {
    case 'OK':
    case 'CACHED':
      return 'CLEAN';
    case 'FAILED':
      return 'FAILED';
    default:
      return undefined;
  }
}

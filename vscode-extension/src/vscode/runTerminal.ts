import * as vscode from 'vscode';
import type { DaemonConnection } from '../core/connection';
import type { SameClient } from '../core/sameClient';
import { TaskRun, daemonFor, environmentOf } from '../core/taskRun';

const CTRL_C = '\u0003';

/**
 * The terminal of one `same` task: sends `run/start`, shows the run as the CLI's linear mode does and
 * closes with the exit code. Closing it (or "Terminate Task", or Ctrl-C) sends `run/cancel`.
 */
export class RunTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private run: TaskRun | undefined;
  private closed = false;

  constructor(
    private readonly connection: DaemonConnection,
    private readonly client: SameClient,
    private readonly targets: readonly string[],
    private readonly noCache: boolean,
  ) {}

  open(): void {
    void this.execute();
  }

  close(): void {
    this.closed = true;
    void this.run?.cancel();
  }

  handleInput(data: string): void {
    if (data === CTRL_C) {
      this.writeEmitter.fire('^C\r\n');
      void this.run?.cancel();
    }
  }

  private async execute(): Promise<void> {
    this.writeEmitter.fire(`\u001b[2m> same run ${this.noCache ? '--no-cache ' : ''}${this.targets.join(' ')}\u001b[0m\r\n`);
    this.run = new TaskRun(
      this.client,
      this.connection,
      { targets: this.targets, root: this.connection.root, environment: environmentOf(process.env), noCache: this.noCache },
      (text) => this.writeEmitter.fire(text),
      true,
      () => daemonFor(this.connection),
    );
    const exitCode = await this.run.start();
    if (!this.closed) {
      this.finish(exitCode);
    }
  }

  private finish(exitCode: number): void {
    this.closeEmitter.fire(exitCode);
  }
}

import * as vscode from 'vscode';
import type { DaemonConnection } from '../core/connection';
import type { SameClient } from '../core/sameClient';
import { ConsolePool, TaskConsole } from '../core/taskConsole';
import { TaskRun, daemonFor, environmentOf } from '../core/taskRun';

const CTRL_C = '\u0003';

/** A TaskConsole shown in a VS Code terminal of its own. */
class ConsoleTerminal {
  readonly console: TaskConsole;
  readonly terminal: vscode.Terminal;
  private readonly writeEmitter = new vscode.EventEmitter<string>();

  constructor(key: string, onClosed: () => void) {
    this.console = new TaskConsole(key, (text) => this.writeEmitter.fire(text));
    const pty: vscode.Pseudoterminal = {
      onDidWrite: this.writeEmitter.event,
      open: () => this.console.open(),
      close: () => {
        this.console.close();
        this.writeEmitter.dispose();
        onClosed();
      },
      handleInput: (data) => {
        if (data === CTRL_C) {
          this.console.write('^C\r\n');
          void this.console.stop();
        }
      },
    };
    this.terminal = vscode.window.createTerminal({ name: `same: ${key}`, pty, iconPath: new vscode.ThemeIcon('play-circle') });
  }

  get closed(): boolean {
    return this.console.closed;
  }
}

/**
 * Runs started from the tree, the graph view and the commands: one terminal per target (reused by the next run
 * of it, like a VS Code task with a dedicated panel), output kept after the run ends or is stopped.
 */
export class TaskTerminals implements vscode.Disposable {
  private readonly pool = new ConsolePool((key) => new ConsoleTerminal(key, () => undefined));

  constructor(private readonly connection: DaemonConnection, private readonly client: SameClient) {}

  /** Runs the targets in their terminal; when they are running there already, shows it and says so. */
  async run(targets: readonly string[], noCache: boolean, label = targets.join(' ')): Promise<void> {
    const { console: shown } = this.pool.acquire(label);
    shown.terminal.show(true);
    if (shown.console.busy) {
      const choice = await vscode.window.showInformationMessage(`same: ${label} is running`, 'Stop');
      if (choice === 'Stop') {
        await shown.console.stop();
      }
      return;
    }
    const heading = `\u001b[2m> same run ${noCache ? '--no-cache ' : ''}${targets.join(' ')}\u001b[0m\r\n`;
    await shown.console.run(heading, (write) => new TaskRun(
      this.client,
      this.connection,
      { targets, root: this.connection.root, environment: environmentOf(process.env), noCache },
      write,
      true,
      () => daemonFor(this.connection),
    ));
  }

  dispose(): void {
    this.pool.all().forEach((shown) => shown.terminal.dispose());
  }
}

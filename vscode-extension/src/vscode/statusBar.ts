import * as vscode from 'vscode';
import type { ConnectionState, DaemonConnection } from '../core/connection';
import type { TaskModel } from '../core/taskModel';

/** "same: 3 dirty" (and running tasks while a run is active), or how the connection stands. Click: the tree. */
export class SameStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('same.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: Array<{ dispose(): void }>;

  constructor(private readonly connection: DaemonConnection, private readonly model: TaskModel) {
    this.item.name = 'same';
    this.subscriptions = [connection.onDidChangeState(() => this.update()), model.onDidChange(() => this.update())];
    this.update();
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.item.dispose();
  }

  private update(): void {
    const state = this.connection.state;
    if (state.kind === 'connected') {
      this.showCounts();
      return;
    }
    const look = connectionLook(state);
    this.item.text = look.text;
    this.item.tooltip = look.tooltip;
    this.item.command = state.kind === 'failed' ? 'same.reconnect' : state.kind === 'stopped' ? 'same.startDaemon' : 'same.tasks.focus';
    this.item.backgroundColor = state.kind === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  private showCounts(): void {
    const counts = this.model.counts();
    const parts: string[] = [];
    if (counts.running > 0) {
      parts.push(`$(sync~spin) ${counts.running} running`);
    }
    if (counts.failed > 0) {
      parts.push(`${counts.failed} failed`);
    }
    parts.push(`${counts.dirty} dirty`);
    const error = this.model.configError ? ' $(warning)' : '';
    this.item.text = `same: ${parts.join(', ')}${error}`;
    this.item.tooltip = `same daemon connected — ${counts.clean} clean, ${counts.dirty} dirty, ${counts.running} running, ${counts.failed} failed, ${counts.unknown} unknown`;
    this.item.command = 'same.tasks.focus';
    this.item.backgroundColor = undefined;
  }
}

function connectionLook(state: Exclude<ConnectionState, { kind: 'connected' }>): { text: string; tooltip: string } {
  switch (state.kind) {
    case 'idle':
    case 'connecting':
      return { text: '$(sync~spin) same: connecting…', tooltip: 'Connecting to the same daemon' };
    case 'starting':
      return { text: '$(sync~spin) same: starting daemon…', tooltip: `Starting the daemon with ${state.launcher}` };
    case 'reconnecting':
      return {
        text: '$(debug-disconnect) same: reconnecting…',
        tooltip: `Lost the daemon (${state.reason}); attempt ${state.attempt}, next in ${Math.round(state.delayMillis / 100) / 10}s`,
      };
    case 'failed':
      return { text: '$(error) same: daemon not running', tooltip: `${state.reason}\nClick to try again.` };
    case 'stopped':
      return { text: '$(debug-stop) same: daemon stopped', tooltip: `${state.reason}\nClick to start it.` };
    case 'disposed':
      return { text: 'same: off', tooltip: 'same is off' };
  }
}

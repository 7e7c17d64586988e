import type { Disposable } from 'vscode-jsonrpc';
import { configErrorFromResponse, isUserError } from './configErrors';
import type { DaemonConnection } from './connection';
import type { SameClient } from './sameClient';
import type { TaskModel } from './taskModel';

export interface SyncLog {
  (message: string): void;
}

/**
 * Keeps a TaskModel current: loads graph and status on every (re)connection, applies the daemon's pushes
 * and run events, and refreshes status after runs and on file saves (the fallback for daemons without a
 * watcher; cheap otherwise).
 */
export class WorkspaceSync {
  private readonly subscriptions: Disposable[];
  private saveTimer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;

  constructor(
    private readonly connection: DaemonConnection,
    private readonly client: SameClient,
    private readonly model: TaskModel,
    private readonly log: SyncLog = () => {},
    private readonly saveDebounceMillis = 150,
  ) {
    this.subscriptions = [
      connection.onDidConnect(() => {
        model.resetEpoch();
        void this.refreshAll();
      }),
      connection.onHashesChanged((change) => model.applyHashesChanged(change)),
      connection.onGraphInvalidated((change) => {
        if (change.error) {
          model.setConfigError(change.error);
        } else {
          void this.refreshAll();
        }
      }),
      connection.onRunEvent((event) => {
        model.applyRunEvent(event);
        if (event.kind === 'RUN_FINISHED') {
          void this.refreshStatus(false);
        }
      }),
    ];
  }

  /** A file was saved: refresh status shortly, reading our own writes. */
  fileSaved(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
    }
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.refreshStatus(true);
    }, this.saveDebounceMillis);
  }

  /** Reloads graph and status; concurrent calls share one refresh and queue at most one more. */
  refreshAll(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = this.loadAll().finally(() => {
      this.refreshing = undefined;
      if (this.refreshAgain) {
        this.refreshAgain = false;
        void this.refreshAll();
      }
    });
    return this.refreshing;
  }

  async refreshStatus(includeWrites: boolean): Promise<void> {
    if (this.connection.state.kind !== 'connected') {
      return;
    }
    try {
      this.model.applyStatus(await this.client.status(includeWrites));
    } catch (error) {
      this.log(`status refresh failed: ${describe(error)}`);
    }
  }

  dispose(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
    }
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private async loadAll(): Promise<void> {
    if (this.connection.state.kind !== 'connected') {
      return;
    }
    try {
      this.model.setGraph(await this.client.graph());
    } catch (error) {
      if (isUserError(error)) {
        this.model.setConfigError(configErrorFromResponse(error) ?? { file: null, line: 0, message: error.message, context: [] });
      } else {
        this.log(`graph refresh failed: ${describe(error)}`);
        return;
      }
    }
    await this.refreshStatus(false);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

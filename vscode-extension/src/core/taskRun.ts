import { randomUUID } from 'node:crypto';
import type { Disposable, Event } from 'vscode-jsonrpc';
import { LinearRunRenderer } from './runRenderer';
import { RunEvent, RunOutput, RunResult } from './protocol';
import type { DaemonConnection } from './connection';
import type { SameClient } from './sameClient';

/** The run pushes of a connection (DaemonConnection provides them). */
export interface RunPushes {
  readonly onRunEvent: Event<RunEvent>;
  readonly onRunOutput: Event<RunOutput>;
}

export interface RunRequest {
  readonly targets: readonly string[];
  readonly root: string;
  readonly environment: Record<string, string>;
  readonly noCache?: boolean;
  readonly parallel?: number;
}

/**
 * One run started by this client: sends `run/start` with its own runId, renders the run's pushes as
 * terminal text for `write`, and resolves with the exit code. `cancel()` sends `run/cancel`.
 */
export class TaskRun {
  readonly runId = randomUUID();
  private readonly renderer: LinearRunRenderer;
  private subscriptions: Disposable[] = [];
  private runDuration: number | undefined;
  private finished = false;
  private cancelled = false;

  constructor(
    private readonly client: SameClient,
    private readonly pushes: RunPushes,
    private readonly request: RunRequest,
    private readonly write: (text: string) => void,
    colour = true,
    /** Waits for the daemon before the run is sent (a rejection is shown as the run's error). */
    private readonly ready: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.renderer = new LinearRunRenderer(colour);
  }

  async start(): Promise<number> {
    try {
      await this.ready();
    } catch (error) {
      this.finished = true;
      this.write(this.renderer.error(error instanceof Error ? error.message : String(error)));
      return 1;
    }
    if (this.cancelled) {
      this.finished = true;
      this.write(this.renderer.error('cancelled'));
      return 1;
    }
    this.subscriptions = [
      this.pushes.onRunEvent((event) => this.onEvent(event)),
      this.pushes.onRunOutput((output) => {
        if (output.runId === this.runId) {
          this.write(this.renderer.output(output));
        }
      }),
    ];
    try {
      const result: RunResult = await this.client.runStart({
        runId: this.runId,
        targets: [...this.request.targets],
        cwd: this.request.root,
        environment: this.request.environment,
        noCache: this.request.noCache ?? false,
        parallel: this.request.parallel ?? 0,
      });
      this.write(this.renderer.summary(result.success, this.runDuration));
      return result.exitCode;
    } catch (error) {
      this.write(this.describeFailure(error));
      return 1;
    } finally {
      this.finished = true;
      this.subscriptions.forEach((subscription) => subscription.dispose());
      this.subscriptions = [];
    }
  }

  /** Asks the daemon to cancel the run; harmless when it already ended. */
  async cancel(): Promise<void> {
    if (this.finished || this.cancelled) {
      return;
    }
    this.cancelled = true;
    if (this.subscriptions.length === 0) {
      return; // not sent yet: start() sees the flag
    }
    try {
      await this.client.runCancel(this.runId);
    } catch {
      // the connection is gone: the daemon cancels the runs of a client that disconnects
    }
  }

  private onEvent(event: RunEvent): void {
    if (event.runId !== this.runId) {
      return;
    }
    if (event.kind === 'RUN_FINISHED') {
      this.runDuration = event.durationMillis;
    }
    this.write(this.renderer.event(event));
  }

  private describeFailure(error: unknown): string {
    if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
      const { message, data } = error as { message: string; data?: unknown };
      const context = Array.isArray(data) ? data.map(String) : [];
      return this.renderer.error(message, context);
    }
    const message = error instanceof Error ? error.message : String(error);
    return this.renderer.error(this.cancelled ? 'cancelled' : message);
  }
}

/**
 * Waits until the connection is up; a daemon that is stopped (or failed to start) is started, since the user
 * asked for a run.
 */
export async function daemonFor(connection: DaemonConnection): Promise<void> {
  const kind = connection.state.kind;
  if (kind === 'stopped' || kind === 'failed' || kind === 'idle') {
    await connection.start();
  }
  await connection.whenConnected();
}

/**
 * The variables a run request carries from its caller, as the CLI sends them (`CallerEnvironment.SENT` in the
 * protocol module): those tasks get, and the remote cache's settings, which configure the run and never reach tasks.
 */
export const CALLER_ENVIRONMENT: readonly string[] = [
  'HOME', 'TERM', 'USER', 'PATH', 'SAME_REMOTE_CACHE_URL', 'SAME_REMOTE_CACHE_READ_ONLY', 'SAME_REMOTE_CACHE_TOKEN',
];

/**
 * What `RunParams.environment` carries of the caller's environment (the extension host's: VS Code's, with the
 * login shell's variables): the variables of {@link CALLER_ENVIRONMENT} that are set, no others.
 */
export function environmentOf(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of CALLER_ENVIRONMENT) {
    const value = env[name];
    if (value !== undefined) {
      result[name] = value;
    }
  }
  return result;
}

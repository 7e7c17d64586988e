import type * as net from 'node:net';
import { Emitter, Event, MessageConnection, ResponseError, createMessageConnection } from 'vscode-jsonrpc';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { Backoff } from './backoff';
import { UnsafeSocketError, daemonLogFile, socketPath } from './daemonAddress';
import { DaemonStartError, LauncherNotFoundError, startDaemon } from './launcher';
import type { LauncherProbe, LauncherSearch } from './launcherSearch';
import { AfterLoss, RespawnPolicy } from './respawnPolicy';
import {
  ErrorCodes,
  GraphInvalidated,
  HashesChanged,
  Health,
  InitializeParams,
  InitializeResult,
  Methods,
  Notifications,
  PROTOCOL_VERSION,
  RunEvent,
  RunOutput,
  Subscription,
} from './protocol';
import { QuietMessageWriter } from './quietWriter';
import { connectSocket, isNobodyListening } from './socketConnect';
import { decodeHashesChanged, decodeRunEvent } from './wire';

export type ConnectionState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'connecting' }
  | { readonly kind: 'starting'; readonly launcher: string }
  | { readonly kind: 'connected'; readonly serverVersion: string; readonly pid: number }
  | { readonly kind: 'reconnecting'; readonly attempt: number; readonly delayMillis: number; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string; readonly logFile: string; readonly probes?: readonly LauncherProbe[] }
  /** The daemon was stopped on purpose (or kept crashing): nothing starts it until the user does. */
  | { readonly kind: 'stopped'; readonly reason: string }
  | { readonly kind: 'disposed' };

/** A launcher as a path, or the result of a search that says where it looked. */
export type LauncherAnswer = string | undefined | LauncherSearch;

export interface ConnectionOptions {
  /** The workspace root (a real path). */
  readonly root: string;
  /** The `same` launcher used to start the daemon; undefined when none was found. */
  readonly launcher: () => LauncherAnswer | Promise<LauncherAnswer>;
  /** Decides whether a lost daemon is started again (default: a RespawnPolicy on the real clock). */
  readonly respawn?: RespawnPolicy;
  readonly clientVersion: string;
  /** Environment used to find the socket and to start the daemon. */
  readonly env?: NodeJS.ProcessEnv;
  readonly subscriptions?: Subscription[] | null;
  readonly initialBackoffMillis?: number;
  readonly maxBackoffMillis?: number;
  /** How long `initialize` may take before the link is dropped and tried again (default 10 s). */
  readonly handshakeTimeoutMillis?: number;
}

/** Something that sends requests to the daemon: the live connection, or a fake in tests. */
export interface Requester {
  request<R>(method: string, params?: unknown): Promise<R>;
}

export class NotConnectedError extends Error {
  constructor(state: ConnectionState) {
    super(`not connected to the same daemon (${state.kind})`);
    this.name = 'NotConnectedError';
  }
}

/**
 * The extension's link to the workspace's daemon: finds its socket, starts it with the launcher when
 * nobody answers, performs the `initialize` handshake and re-establishes the link by itself (with
 * backoff, starting the daemon again if needed) whenever it drops.
 */
export class DaemonConnection implements Requester {
  private readonly stateEmitter = new Emitter<ConnectionState>();
  private readonly connectedEmitter = new Emitter<InitializeResult>();
  private readonly runEventEmitter = new Emitter<RunEvent>();
  private readonly runOutputEmitter = new Emitter<RunOutput>();
  private readonly hashesChangedEmitter = new Emitter<HashesChanged>();
  private readonly graphInvalidatedEmitter = new Emitter<GraphInvalidated>();
  private readonly healthEmitter = new Emitter<Health>();

  readonly onDidChangeState: Event<ConnectionState> = this.stateEmitter.event;
  /** Fires after every successful handshake, the first one and each reconnection. */
  readonly onDidConnect: Event<InitializeResult> = this.connectedEmitter.event;
  readonly onRunEvent: Event<RunEvent> = this.runEventEmitter.event;
  readonly onRunOutput: Event<RunOutput> = this.runOutputEmitter.event;
  readonly onHashesChanged: Event<HashesChanged> = this.hashesChangedEmitter.event;
  readonly onGraphInvalidated: Event<GraphInvalidated> = this.graphInvalidatedEmitter.event;
  readonly onHealth: Event<Health> = this.healthEmitter.event;

  private currentState: ConnectionState = { kind: 'idle' };
  private rpc: MessageConnection | undefined;
  private socket: net.Socket | undefined;
  private readonly backoff: Backoff;
  private retryTimer: NodeJS.Timeout | undefined;
  private connecting: Promise<void> | undefined;
  private waiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private readonly respawn: RespawnPolicy;
  /** Whether the next attempt may start a daemon when nobody answers. */
  private mayStart = true;

  constructor(private readonly options: ConnectionOptions) {
    this.backoff = new Backoff(options.initialBackoffMillis ?? 250, options.maxBackoffMillis ?? 10_000);
    this.respawn = options.respawn ?? new RespawnPolicy();
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  get root(): string {
    return this.options.root;
  }

  get socketFile(): string {
    return socketPath(this.options.root, this.env);
  }

  get logFile(): string {
    return daemonLogFile(this.options.root);
  }

  /**
   * Connects (starting the daemon if needed); resolves when connected, rejects if the daemon cannot start.
   * Counts as the user's wish for a daemon: a stopped one is started again.
   */
  start(): Promise<void> {
    if (this.currentState.kind === 'connected') {
      return Promise.resolve();
    }
    this.cancelRetry();
    this.backoff.reset();
    this.respawn.userStarted();
    this.mayStart = true;
    return this.attempt();
  }

  /** Asks the daemon to stop and leaves it stopped (state `stopped`) until `start()`. */
  async stopDaemon(): Promise<void> {
    this.respawn.stopAsked();
    if (this.currentState.kind !== 'connected') {
      this.cancelRetry();
      this.setState({ kind: 'stopped', reason: 'the daemon was stopped from VS Code' });
      this.settleWaiters(new NotConnectedError(this.currentState));
      return;
    }
    const closed = new Promise<void>((resolve) => {
      const subscription = this.onDidChangeState((state) => {
        if (state.kind !== 'connected') {
          subscription.dispose();
          resolve();
        }
      });
    });
    await this.request(Methods.daemonStop).catch(() => undefined);
    await closed;
  }

  /** Stops the daemon, then starts a new one and connects to it. */
  async restartDaemon(): Promise<void> {
    await this.stopDaemon();
    await this.start();
  }

  /** Resolves once connected (now or later); rejects when the connection fails for good or is disposed. */
  whenConnected(): Promise<void> {
    if (this.currentState.kind === 'connected') {
      return Promise.resolve();
    }
    if (this.currentState.kind === 'failed' || this.currentState.kind === 'stopped' || this.currentState.kind === 'disposed') {
      return Promise.reject(new NotConnectedError(this.currentState));
    }
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  async request<R>(method: string, params?: unknown): Promise<R> {
    const rpc = this.rpc;
    if (!rpc || this.currentState.kind !== 'connected' || this.socket?.destroyed !== false) {
      throw new NotConnectedError(this.currentState);
    }
    return params === undefined ? rpc.sendRequest<R>(method) : rpc.sendRequest<R>(method, params);
  }

  /** Drops the current link (if any) and connects again at once (starting a daemon if none answers). */
  async reconnect(): Promise<void> {
    this.closeLink();
    this.setState({ kind: 'connecting' });
    await this.start();
  }

  dispose(): void {
    this.cancelRetry();
    this.closeLink();
    this.setState({ kind: 'disposed' });
    this.settleWaiters(new NotConnectedError(this.currentState));
    for (const emitter of [
      this.stateEmitter,
      this.connectedEmitter,
      this.runEventEmitter,
      this.runOutputEmitter,
      this.hashesChangedEmitter,
      this.graphInvalidatedEmitter,
      this.healthEmitter,
    ]) {
      emitter.dispose();
    }
  }

  private get env(): NodeJS.ProcessEnv {
    return this.options.env ?? process.env;
  }

  private attempt(): Promise<void> {
    if (!this.connecting) {
      this.connecting = this.connectOrStart().finally(() => {
        this.connecting = undefined;
      });
    }
    return this.connecting;
  }

  private async connectOrStart(): Promise<void> {
    if (this.currentState.kind !== 'reconnecting') {
      this.setState({ kind: 'connecting' });
    }
    try {
      const socket = await this.openSocket();
      await this.handshake(socket);
    } catch (error) {
      if (this.currentState.kind === 'disposed') {
        return;
      }
      if (error instanceof DaemonStartError || error instanceof UnsafeSocketError || isVersionMismatch(error)) {
        this.fail(error.message, error instanceof LauncherNotFoundError ? error.probes : undefined);
        throw error;
      }
      if (error instanceof NobodyListeningError && this.mayStart) {
        return this.connectOrStart(); // start() was called while this attempt only looked: start one now
      }
      if (error instanceof NobodyListeningError) {
        this.after(this.respawn.nobodyListening(), describe(error));
      } else {
        this.scheduleRetry(describe(error));
      }
      throw error;
    }
  }

  private async openSocket(): Promise<net.Socket> {
    const file = this.socketFile;
    try {
      return await connectSocket(file);
    } catch (error) {
      if (!isNobodyListening(error)) {
        throw error;
      }
    }
    if (!this.mayStart) {
      throw new NobodyListeningError();
    }
    const answer = await this.options.launcher();
    const search: LauncherSearch = typeof answer === 'object' ? answer : { launcher: answer, probes: [] };
    const launcher = search.launcher;
    if (!launcher) {
      throw new LauncherNotFoundError(search.probes);
    }
    this.setState({ kind: 'starting', launcher });
    await startDaemon(launcher, this.options.root, this.env);
    return await connectSocket(file);
  }

  private async handshake(socket: net.Socket): Promise<void> {
    const rpc = createMessageConnection(readerOf(socket), new QuietMessageWriter(new StreamMessageWriter(socket)));
    rpc.onNotification(Notifications.runEvent, (event: RunEvent) => this.runEventEmitter.fire(decodeRunEvent(event)));
    rpc.onNotification(Notifications.runOutput, (output: RunOutput) => this.runOutputEmitter.fire(output));
    rpc.onNotification(Notifications.hashesChanged, (change: HashesChanged) => this.hashesChangedEmitter.fire(decodeHashesChanged(change)));
    rpc.onNotification(Notifications.graphInvalidated, (change: GraphInvalidated) => this.graphInvalidatedEmitter.fire(change));
    rpc.onNotification(Notifications.health, (health: Health) => {
      if (health.status === 'SHUTTING_DOWN') {
        this.respawn.shutdownAnnounced(health.reason ?? 'the daemon stopped');
      }
      this.healthEmitter.fire(health);
    });
    // after the messages that arrived before the end: the daemon's last push says whether it stopped on purpose
    rpc.onClose(() => setImmediate(() => this.linkLost(rpc, 'the daemon closed the connection')));
    rpc.onError(([error]) => this.linkLost(rpc, error.message));
    rpc.listen();
    this.rpc = rpc;
    this.socket = socket;
    const params: InitializeParams = {
      protocolVersion: PROTOCOL_VERSION,
      clientName: 'vscode',
      clientVersion: this.options.clientVersion,
      root: this.options.root,
      subscriptions: this.options.subscriptions === undefined ? null : this.options.subscriptions,
    };
    let result: InitializeResult;
    try {
      result = await withTimeout(
        rpc.sendRequest<InitializeResult>(Methods.initialize, params),
        this.options.handshakeTimeoutMillis ?? 10_000,
        'the daemon did not answer the handshake',
      );
    } catch (error) {
      this.closeLink();
      throw error;
    }
    if (this.rpc !== rpc) {
      throw new Error('the connection closed during the handshake');
    }
    this.backoff.reset();
    this.respawn.connected();
    this.mayStart = true;
    this.setState({ kind: 'connected', serverVersion: result.serverVersion, pid: result.pid });
    this.settleWaiters();
    this.connectedEmitter.fire(result);
  }

  private linkLost(rpc: MessageConnection, reason: string): void {
    if (this.rpc !== rpc) {
      return;
    }
    this.closeLink();
    if (this.currentState.kind === 'disposed' || this.currentState.kind === 'failed' || this.currentState.kind === 'stopped') {
      return;
    }
    this.after(this.respawn.linkLost(), reason);
  }

  private after(decision: AfterLoss, reason: string): void {
    if (decision.kind === 'wait') {
      this.cancelRetry();
      this.setState({ kind: 'stopped', reason: decision.reason });
      this.settleWaiters(new NotConnectedError(this.currentState));
      return;
    }
    this.mayStart = decision.kind === 'respawn';
    this.scheduleRetry(reason);
  }

  private scheduleRetry(reason: string): void {
    this.cancelRetry();
    const delayMillis = this.backoff.next();
    this.setState({ kind: 'reconnecting', attempt: this.backoff.attempts, delayMillis, reason });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.attempt().catch(() => {
        // the failure is reflected in the state; another attempt is scheduled unless it failed for good
      });
    }, delayMillis);
  }

  private fail(reason: string, probes?: readonly LauncherProbe[]): void {
    this.closeLink();
    this.setState(probes ? { kind: 'failed', reason, logFile: this.logFile, probes } : { kind: 'failed', reason, logFile: this.logFile });
    this.settleWaiters(new NotConnectedError(this.currentState));
  }

  private closeLink(): void {
    const rpc = this.rpc;
    const socket = this.socket;
    this.rpc = undefined;
    this.socket = undefined;
    rpc?.dispose();
    socket?.destroy();
  }

  private cancelRetry(): void {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
  }

  private settleWaiters(error?: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) {
      if (error) {
        waiter.reject(error);
      } else {
        waiter.resolve();
      }
    }
  }

  private setState(state: ConnectionState): void {
    if (this.currentState.kind === 'disposed') {
      return;
    }
    this.currentState = state;
    this.stateEmitter.fire(state);
  }
}

/** Nobody answers at the socket, and this attempt may not start a daemon. */
class NobodyListeningError extends Error {
  constructor() {
    super('no daemon is running');
    this.name = 'NobodyListeningError';
  }
}

function isVersionMismatch(error: unknown): error is ResponseError<unknown> {
  return error instanceof ResponseError && error.code === ErrorCodes.versionMismatch;
}

/**
 * Reads messages from the socket, without vscode-jsonrpc's watch for partial messages: that timer re-arms itself
 * every 10 s for as long as an incomplete message is buffered, and disposing the connection does not stop it. A link
 * that ended in the middle of a message (the daemon stopping or killed as it wrote) kept one alive for good: a leak
 * in the editor, a process that never exits in tests.
 */
function readerOf(socket: net.Socket): StreamMessageReader {
  const reader = new StreamMessageReader(socket);
  reader.partialMessageTimeout = 0;
  return reader;
}

function withTimeout<T>(promise: Promise<T>, millis: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${millis} ms`)), millis);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

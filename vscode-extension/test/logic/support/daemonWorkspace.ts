import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DaemonConnection, ConnectionOptions } from '../../../src/core/connection';
import { SameClient } from '../../../src/core/sameClient';
import { DEMO_WORKSPACE, LAUNCHER } from './paths';

/**
 * A copy of examples/demo in a temporary directory with its own XDG_RUNTIME_DIR, so each test gets its
 * own daemon; `dispose()` stops that daemon and removes both directories.
 */
export class DaemonWorkspace {
  readonly root: string;
  readonly runtimeDir: string;
  readonly env: NodeJS.ProcessEnv;
  private readonly connections: DaemonConnection[] = [];

  constructor() {
    if (!fs.existsSync(LAUNCHER)) {
      throw new Error(`no same launcher at ${LAUNCHER}: build it with 'mvn -B -q package -DskipTests' in the repository root, or set SAME_LAUNCHER`);
    }
    this.root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'same-vscode-ws-')));
    // only the sources: a developer's local .same cache or built outputs would turn first runs into cache hits
    const generated = new Set(['.same', 'dist', 'out', 'node_modules']);
    fs.cpSync(DEMO_WORKSPACE, this.root, {
      recursive: true,
      filter: (source) => !generated.has(path.basename(source)),
    });
    this.runtimeDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sx-')));
    fs.chmodSync(this.runtimeDir, 0o700);
    this.env = { ...process.env, XDG_RUNTIME_DIR: this.runtimeDir };
  }

  connect(options: Partial<ConnectionOptions> = {}): DaemonConnection {
    const connection = new DaemonConnection({
      root: this.root,
      launcher: () => LAUNCHER,
      clientVersion: 'test',
      env: this.env,
      initialBackoffMillis: 100,
      maxBackoffMillis: 1_000,
      ...options,
    });
    this.connections.push(connection);
    return connection;
  }

  client(connection: DaemonConnection): SameClient {
    return new SameClient(connection, this.root);
  }

  same(...args: string[]): string {
    return execFileSync(LAUNCHER, args, { cwd: this.root, env: this.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  file(relative: string): string {
    return path.join(this.root, relative);
  }

  append(relative: string, text: string): void {
    fs.appendFileSync(this.file(relative), text);
  }

  daemonPid(): number {
    const info = JSON.parse(fs.readFileSync(this.file('.same/daemon/daemon.json'), 'utf8')) as { pid: number };
    return info.pid;
  }

  /**
   * Closes every connection opened so far. Tests keep at most one open at a time: the daemon's socket
   * poller (junixsocket's naive virtual-thread poller) serves only about one idle connection per CPU, and
   * a connection beyond that is never read.
   */
  closeConnections(): void {
    this.connections.splice(0).forEach((connection) => connection.dispose());
  }

  dispose(): void {
    this.closeConnections();
    try {
      this.same('daemon', 'stop');
    } catch {
      // already stopped
    }
    fs.rmSync(this.root, { recursive: true, force: true });
    fs.rmSync(this.runtimeDir, { recursive: true, force: true });
  }
}

/** Polls `condition` until it holds; fails with `what` after `timeoutMillis`. */
export async function eventually(what: string, condition: () => boolean, timeoutMillis = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMillis;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting until ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

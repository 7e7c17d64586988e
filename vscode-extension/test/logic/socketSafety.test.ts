import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DaemonConnection } from '../../src/core/connection';
import { socketPath } from '../../src/core/daemonAddress';

const OTHER_UID = 65534;
const asRoot = process.getuid?.() === 0;

/**
 * Another local user got to the socket directory first and listens there (a real second user's directory and
 * socket, given away with chown, so this runs as root, as in CI): the extension never talks to it.
 */
describe('a socket another user could control', { skip: !asRoot && 'needs root to act as a second user' }, () => {
  let runtime: string;
  let root: string;
  let env: NodeJS.ProcessEnv;
  let file: string;
  let server: net.Server;
  let firstLines: string[];

  beforeEach(() => {
    runtime = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'same-unsafe-')));
    fs.chmodSync(runtime, 0o711);
    root = path.join(runtime, 'workspace');
    fs.mkdirSync(root);
    env = { ...process.env, XDG_RUNTIME_DIR: runtime };
    file = socketPath(root, env);
    fs.mkdirSync(path.dirname(file), { mode: 0o700 });
    firstLines = [];
  });

  afterEach(() => {
    server?.close();
    fs.rmSync(runtime, { recursive: true, force: true });
  });

  /** A fake daemon that records the first line of every client and never answers. */
  async function listen(): Promise<void> {
    server = net.createServer((socket) => {
      socket.once('data', (data) => firstLines.push(data.toString('utf8').split('\n')[0] ?? ''));
    });
    await new Promise<void>((resolve) => server.listen(file, resolve));
  }

  /** The first lines of the clients before a probe sent now; they were accepted before it, in order. */
  async function contacts(): Promise<string[]> {
    const probe = net.createConnection({ path: file });
    probe.end('probe\n');
    while (!firstLines.includes('probe')) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    return firstLines.slice(0, firstLines.indexOf('probe'));
  }

  function connect(): DaemonConnection {
    return new DaemonConnection({ root, env, launcher: () => undefined, clientVersion: 'test', handshakeTimeoutMillis: 1_000 });
  }

  it('refuses a directory of another user with its daemon, says how to fix it, and never connects', async () => {
    await listen();
    const dir = path.dirname(file);
    fs.chownSync(dir, OTHER_UID, OTHER_UID);
    fs.chownSync(file, OTHER_UID, OTHER_UID);
    const connection = connect();
    try {
      const refusal = `refusing to use ${dir}: owned by uid ${OTHER_UID}, not you (uid 0); remove it or set XDG_RUNTIME_DIR to a private directory`;
      await assert.rejects(connection.start(), { name: 'UnsafeSocketError', message: refusal });
      assert.deepEqual(connection.state, { kind: 'failed', reason: refusal, logFile: connection.logFile });
      assert.deepEqual(await contacts(), []);
    } finally {
      connection.dispose();
    }
  });

  it('refuses a socket of another user in its own directory', async () => {
    await listen();
    fs.chownSync(file, OTHER_UID, OTHER_UID);
    const connection = connect();
    try {
      await assert.rejects(connection.start(), new RegExp(`^UnsafeSocketError: refusing to use ${file}: owned by uid ${OTHER_UID}`));
      assert.deepEqual(await contacts(), []);
    } finally {
      connection.dispose();
    }
  });

  it('refuses its own directory when others may use it, saying to chmod it', async () => {
    await listen();
    const dir = path.dirname(file);
    fs.chmodSync(dir, 0o777);
    const connection = connect();
    try {
      await assert.rejects(connection.start(), { message: new RegExp(`its mode is 0777, not 0700; run 'chmod 700 ${dir}'`) });
      assert.deepEqual(await contacts(), []);
    } finally {
      connection.dispose();
    }
  });
});

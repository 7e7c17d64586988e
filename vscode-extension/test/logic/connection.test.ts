import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, MessageConnection } from 'vscode-jsonrpc';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { DaemonConnection } from '../../src/core/connection';
import { socketPath } from '../../src/core/daemonAddress';
import { InitializeResult, Methods, PROTOCOL_VERSION } from '../../src/core/protocol';

/**
 * The link itself, against a minimal JSON-RPC peer on a real Unix socket: what happens to requests in flight
 * when the link is dropped. (Against the real daemon: daemon.test.ts.)
 */
describe('the link to the daemon', () => {
  let dir: string;
  let root: string;
  let env: NodeJS.ProcessEnv;
  let server: net.Server;
  const peers: MessageConnection[] = [];
  const sockets: net.Socket[] = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-link-'));
    root = fs.realpathSync(dir);
    env = { ...process.env, XDG_RUNTIME_DIR: root };
    const file = socketPath(root, env);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    server = net.createServer((socket) => {
      const peer = createMessageConnection(new StreamMessageReader(socket), new StreamMessageWriter(socket));
      peer.onRequest(Methods.initialize, (): InitializeResult => ({ protocolVersion: PROTOCOL_VERSION, serverVersion: 'test', pid: 1, root }));
      peer.onRequest('test/never', () => new Promise(() => {}));
      peer.listen();
      peers.push(peer);
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => server.listen(file, resolve));
  });

  after(() => {
    peers.forEach((peer) => peer.dispose());
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a request whose link is dropped while it is being written, without an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    const connection = new DaemonConnection({ root, env, launcher: () => undefined, clientVersion: 'test', maxBackoffMillis: 50 });
    try {
      await connection.start();
      const inFlight = connection.request('test/never');
      const dropped = connection.reconnect(); // destroys the socket before the request's bytes are written
      await assert.rejects(inFlight, /disposed|closed|not connected/i);
      await dropped;
      assert.equal(connection.state.kind, 'connected');
      await new Promise((resolve) => setImmediate(resolve)); // rejections of the last turn are reported by now
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', record);
      connection.dispose();
    }
  });

  it('refuses a request at once after the link is gone', async () => {
    const connection = new DaemonConnection({ root, env, launcher: () => undefined, clientVersion: 'test' });
    await connection.start();
    connection.dispose();
    await assert.rejects(connection.request('test/never'), /not connected to the same daemon \(disposed\)/);
  });

  it('leaves no timer behind when the link ends in the middle of a message', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const connection = new DaemonConnection({ root, env, launcher: () => undefined, clientVersion: 'test' });
    let before: number;
    try {
      await connection.start();
      before = timers();
      const lost = new Promise<void>((resolve) => connection.onDidChangeState((state) => state.kind !== 'connected' && resolve()));
      sockets[sockets.length - 1]?.end('Content-Length: 100\r\n\r\n{"jsonrpc":"2.0",');
      await lost;
    } finally {
      connection.dispose();
    }
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(timers(), before, 'a timer outlives the link: it would keep the process alive');
  });
});

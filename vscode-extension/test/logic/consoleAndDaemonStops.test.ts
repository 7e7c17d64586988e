import * as assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { ConnectionState } from '../../src/core/connection';
import { CLEAR, ConsolePool, TaskConsole } from '../../src/core/taskConsole';
import { RespawnPolicy } from '../../src/core/respawnPolicy';
import { TaskModel } from '../../src/core/taskModel';
import { TaskRun, daemonFor, environmentOf } from '../../src/core/taskRun';
import { WorkspaceSync } from '../../src/core/workspaceSync';
import { DaemonWorkspace, eventually } from './support/daemonWorkspace';

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

describe('task consoles and daemon stops, against a real daemon', () => {
  let ws: DaemonWorkspace;

  before(() => {
    ws = new DaemonWorkspace();
  });

  afterEach(() => ws.closeConnections());
  after(() => ws.dispose());

  it('shows every run of a target in one console, keeps a stopped run\'s output, and stops only the run', async () => {
    const connection = ws.connect();
    const model = new TaskModel();
    const sync = new WorkspaceSync(connection, ws.client(connection), model);
    const screens = new Map<string, string>();
    const pool = new ConsolePool((key) => new TaskConsole(key, (text) => screens.set(key, (screens.get(key) ?? '') + text)));
    const runIn = (console: TaskConsole, target: string, noCache = false) =>
      console.run(`> same run ${target}\r\n`, (write) => new TaskRun(
        ws.client(connection),
        connection,
        { targets: [target], root: ws.root, environment: environmentOf(ws.env), noCache },
        write,
        false,
        () => daemonFor(connection),
      ));
    const screen = (key: string) => (screens.get(key) ?? '').replace(ANSI, '');
    try {
      const first = pool.acquire('docs:site');
      assert.equal(first.reused, false);
      first.console.open();
      const slow = runIn(first.console, 'docs:site', true);
      await eventually('the slow task prints', () => screen('docs:site').includes('rendering pages/guide.md'), 60_000);
      assert.ok(first.console.busy);
      await assert.rejects(runIn(first.console, 'docs:site'), /docs:site is still running/);
      await eventually('the model knows its run', () => model.task('docs:site')?.runId === first.console.runId);

      await ws.client(connection).runCancel(model.task('docs:site')?.runId ?? '');

      assert.notEqual(await slow, 0);
      assert.equal(first.console.closed, false, 'stopping a run leaves its terminal open');
      assert.match(screen('docs:site'), /> same run docs:site\r\n[\s\S]*rendering pages\/guide\.md[\s\S]*\[docs:site\] ✗ Cancelled after/);

      const again = pool.acquire('docs:site');
      assert.equal(again.reused, true);
      assert.equal(again.console, first.console);
      assert.equal(await runIn(again.console, 'docs:site'), 0);
      assert.ok((screens.get('docs:site') ?? '').includes(CLEAR), 'the rerun starts on a cleared page');
      assert.equal(first.console.runCount, 2);
      assert.equal(pool.size, 1);

      const other = pool.acquire('lib:build');
      assert.equal(other.reused, false);
      assert.equal(pool.size, 2);
      other.console.close();
      assert.equal(pool.acquire('lib:build').reused, false, 'a closed terminal is not reused');
    } finally {
      sync.dispose();
    }
  });

  it('keeps what a console is told before its terminal opens', () => {
    const seen: string[] = [];
    const console = new TaskConsole('x', (text) => seen.push(text));
    console.write('early\r\n');
    assert.deepEqual(seen, []);
    console.open();
    console.write('late\r\n');
    assert.deepEqual(seen, ['early\r\n', 'late\r\n']);
  });

  it('after `same daemon stop` waits for the user instead of starting a daemon, and starts one when asked', async () => {
    // looks for a replacement daemon for 1 s rather than the default 15 s before it waits for the user
    const connection = ws.connect({ initialBackoffMillis: 50, maxBackoffMillis: 200, respawn: new RespawnPolicy(Date.now, 1_000) });
    const states: ConnectionState[] = [];
    connection.onDidChangeState((state) => states.push(state));
    await connection.start();

    ws.same('daemon', 'stop');

    await eventually('the connection is stopped', () => connection.state.kind === 'stopped', 60_000);
    assert.match(connection.state.kind === 'stopped' ? connection.state.reason : '', /the daemon is stopping: daemon\/stop/);
    assert.ok(!states.some((state) => state.kind === 'starting' && states.indexOf(state) > 1), 'no daemon was started after the stop');
    assert.throws(() => ws.daemonPid(), 'no daemon runs');

    await connection.start();
    assert.equal(connection.state.kind, 'connected');
    assert.ok(ws.daemonPid() > 0);
  });

  it('Stop daemon leaves it stopped; Restart daemon starts a new one', async () => {
    const connection = ws.connect();
    await connection.start();
    const firstPid = ws.daemonPid();

    await connection.stopDaemon();

    assert.deepEqual(connection.state, { kind: 'stopped', reason: 'the daemon was stopped from VS Code' });
    await assert.rejects(connection.whenConnected(), /stopped/);

    await connection.restartDaemon();
    assert.equal((connection.state as ConnectionState).kind, 'connected');
    const secondPid = ws.daemonPid();
    assert.notEqual(secondPid, firstPid);
    await connection.restartDaemon();
    assert.equal((connection.state as ConnectionState).kind, 'connected');
    assert.notEqual(ws.daemonPid(), secondPid);
  });

  it('a run asked for while the daemon is stopped starts it', async () => {
    const connection = ws.connect();
    await connection.start();
    await connection.stopDaemon();
    let text = '';
    const run = new TaskRun(ws.client(connection), connection,
      { targets: ['lib:build'], root: ws.root, environment: environmentOf(ws.env) }, (chunk) => (text += chunk), false,
      () => daemonFor(connection));
    assert.equal(await run.start(), 0, text);
    assert.equal(connection.state.kind, 'connected');
  });
});

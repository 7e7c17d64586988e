import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import type { ConnectionState, DaemonConnection } from '../../src/core/connection';
import { socketPath } from '../../src/core/daemonAddress';
import { TaskModel } from '../../src/core/taskModel';
import { TaskRun, environmentOf } from '../../src/core/taskRun';
import { WorkspaceSync } from '../../src/core/workspaceSync';
import { DaemonWorkspace, eventually } from './support/daemonWorkspace';

const ANSI = /\u001b\[[0-9;]*m/g;

async function runTask(ws: DaemonWorkspace, connection: DaemonConnection, target: string, noCache = false) {
  await connection.start();
  let text = '';
  const run = new TaskRun(
    ws.client(connection),
    connection,
    { targets: [target], root: ws.root, environment: environmentOf(ws.env), noCache },
    (chunk) => (text += chunk),
  );
  return { run, output: () => text.replace(ANSI, ''), raw: () => text };
}

describe('against a real daemon', () => {
  let ws: DaemonWorkspace;

  before(() => {
    ws = new DaemonWorkspace();
  });

  afterEach(() => ws.closeConnections());
  after(() => ws.dispose());

  it('starts the daemon when nobody answers and connects at the socket the daemon uses', async () => {
    const connection = ws.connect();
    const states: ConnectionState['kind'][] = [];
    connection.onDidChangeState((state) => states.push(state.kind));
    await connection.start();
    assert.deepEqual(states, ['connecting', 'starting', 'connected']);
    const info = JSON.parse(fs.readFileSync(ws.file('.same/daemon/daemon.json'), 'utf8')) as { socket: string };
    assert.equal(info.socket, socketPath(ws.root, ws.env));
    const graph = await ws.client(connection).graph();
    assert.deepEqual(graph.tasks.map((task) => task.id).sort(), ['app:build', 'docs:site', 'lib:build', 'lib:test']);
    const app = graph.tasks.find((task) => task.id === 'app:build');
    assert.equal(app?.file, 'packages/app/same.yaml');
    assert.equal(app?.line, 4);
  });

  it('streams a run as the CLI linear mode prints it, then reports a cache hit', async () => {
    const connection = ws.connect();
    const { run, output, raw } = await runTask(ws, connection, 'app:build');
    const exitCode = await run.start();
    assert.equal(exitCode, 0, output());
    assert.match(output(), /^\[lib:build\] Starting\.\.\.\r\n/);
    assert.match(output(), /\[lib:build\] built lib from 2 files\r\n/);
    assert.match(output(), /\[app:build\] app bundled:\r\n\[app:build\] greeting = "Hello"\r\n/);
    assert.match(output(), /\[app:build\] ✓ Completed in (\d+µs|\d+ms|\d+\.\ds)\r\n/);
    assert.ok(raw().includes('\u001b[32m✓\u001b[0m'), 'the tick is green');
    assert.ok(!/[^\r]\n/.test(raw()), 'every line ends in \\r\\n');

    const again = await runTask(ws, connection, 'app:build');
    assert.equal(await again.run.start(), 0);
    assert.match(again.output(), /\[app:build\] ~ Cached \(skipped in (\d+µs|\d+ms|\d+\.\ds)\)\r\n/);
  });

  it('reports a failing run with exit code 1 and an unknown task as the CLI error', async () => {
    const connection = ws.connect();
    const unknown = await runTask(ws, connection, 'nope:build');
    assert.equal(await unknown.run.start(), 1);
    assert.match(unknown.output(), /✗ Error: task not found: nope:build/);

    const greeting = fs.readFileSync(ws.file('packages/lib/src/greeting.txt'));
    fs.writeFileSync(ws.file('packages/lib/src/greeting.txt'), 'no hello here\n');
    const failing = await runTask(ws, connection, 'lib:test');
    assert.equal(await failing.run.start(), 1);
    assert.match(failing.output(), /\[lib:test\] ✗ Failed after (\d+µs|\d+ms|\d+\.\ds): /);
    fs.writeFileSync(ws.file('packages/lib/src/greeting.txt'), greeting);
  });

  it('cancels a run', async () => {
    const { run, output } = await runTask(ws, ws.connect(), 'docs:site', true);
    const exit = run.start();
    await eventually('the slow task prints its first page', () => output().includes('rendering pages/guide.md'));
    await run.cancel();
    assert.notEqual(await exit, 0);
    assert.match(output(), /\[docs:site\] ✗ Cancelled after/);
  });

  it('turns a task dirty in the model when one of its inputs changes (pushed by the daemon)', async () => {
    const connection = ws.connect();
    const model = new TaskModel();
    const sync = new WorkspaceSync(connection, ws.client(connection), model);
    try {
      await connection.start();
      const { run } = await runTask(ws, connection, 'lib:build');
      assert.equal(await run.start(), 0);
      await eventually('lib:build is clean', () => model.task('lib:build')?.state === 'CLEAN');
      ws.append('packages/lib/src/name.txt', 'x = 1\n');
      await eventually('lib:build is dirty', () => model.task('lib:build')?.state === 'DIRTY');
      assert.ok(model.task('lib:build')?.reasons.includes('input changed: packages/lib/src/name.txt'));
      assert.ok(model.dirtyInputs().get('packages/lib/src/name.txt')?.includes('lib:build'));
      assert.ok(model.counts().dirty >= 1);
    } finally {
      sync.dispose();
    }
  });

  it('turns a task dirty through a status refresh on save when it takes no pushes', async () => {
    const connection = ws.connect({ subscriptions: [] });
    const model = new TaskModel();
    const sync = new WorkspaceSync(connection, ws.client(connection), model);
    try {
      await connection.start();
      const { run } = await runTask(ws, connection, 'docs:site');
      assert.equal(await run.start(), 0);
      await eventually('docs:site is clean', () => model.task('docs:site')?.state === 'CLEAN');
      let pushes = 0;
      connection.onHashesChanged(() => pushes++);
      ws.append('packages/docs/pages/index.md', 'more\n');
      sync.fileSaved();
      await eventually('docs:site is dirty', () => model.task('docs:site')?.state === 'DIRTY');
      assert.equal(pushes, 0, 'no pushes without a subscription');
    } finally {
      sync.dispose();
    }
  });

  it('shows a configuration error at its file and line, and clears it when fixed', async () => {
    const connection = ws.connect();
    const model = new TaskModel();
    const sync = new WorkspaceSync(connection, ws.client(connection), model);
    const file = 'packages/app/same.yaml';
    const good = fs.readFileSync(ws.file(file), 'utf8');
    try {
      await connection.start();
      await eventually('the graph is loaded', () => model.hasGraph);
      fs.writeFileSync(ws.file(file), good.replace('dependsOn: ["lib:build"]', 'dependsOn: ["lib:nope"]'));
      sync.fileSaved();
      await eventually('the error shows', () => model.configError !== null);
      assert.equal(model.configError?.file, file);
      assert.equal(model.configError?.line, 8);
      assert.match(model.configError?.message ?? '', /lib:nope/);
      assert.equal(model.tasks().length, 4, 'the last valid graph stays');
      fs.writeFileSync(ws.file(file), good);
      sync.fileSaved();
      await eventually('the error clears', () => model.configError === null);
    } finally {
      sync.dispose();
    }
  });

  it('reconnects by itself after the daemon is killed, and again after a restart', async () => {
    const connection = ws.connect();
    const model = new TaskModel();
    const sync = new WorkspaceSync(connection, ws.client(connection), model);
    const states: ConnectionState[] = [];
    connection.onDidChangeState((state) => states.push(state));
    const connectedPid = () => (connection.state.kind === 'connected' ? connection.state.pid : undefined);
    try {
      await connection.start();
      const firstPid = ws.daemonPid();
      process.kill(firstPid, 'SIGKILL');
      await eventually('the connection notices', () => states.some((state) => state.kind === 'reconnecting'));
      await eventually('a new daemon is connected', () => connectedPid() !== undefined && connectedPid() !== firstPid, 60_000);
      const secondPid = ws.daemonPid();
      assert.equal(connectedPid(), secondPid);
      await eventually('the model is reloaded', () => model.tasks().length === 4 && model.task('lib:build')?.state !== 'UNKNOWN');

      ws.same('daemon', 'restart');
      await eventually('connected to the restarted daemon', () => connectedPid() !== undefined && connectedPid() !== secondPid, 60_000);
      const status = await ws.client(connection).status();
      assert.equal(status.tasks.length, 4);
      assert.ok(states.filter((state) => state.kind === 'connected').length >= 3);
    } finally {
      sync.dispose();
    }
  });

  it('fails with the launcher\'s reason when the daemon cannot start', async () => {
    const script = ws.file('broken-same');
    fs.writeFileSync(script, '#!/bin/sh\necho "✗ Error: no Java runtime found" >&2\nexit 1\n', { mode: 0o755 });
    const runtime = fs.mkdtempSync(ws.runtimeDir + '/other-');
    const connection = ws.connect({ launcher: () => script, env: { ...ws.env, XDG_RUNTIME_DIR: runtime } });
    await assert.rejects(connection.start(), /no Java runtime found/);
    assert.equal(connection.state.kind, 'failed');
    if (connection.state.kind === 'failed') {
      assert.match(connection.state.reason, /no Java runtime found/);
      assert.equal(connection.state.logFile, ws.file('.same/daemon/daemon.log'));
    }
  });
});

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectionNotice } from '../../src/core/connectionNotice';
import { DIRTY_BADGE, dirtyBadge } from '../../src/core/dirtyBadge';
import { layoutGraph } from '../../src/core/graphLayout';
import type { GraphResult, TaskInfo } from '../../src/core/protocol';
import { runTargets } from '../../src/core/runTargets';
import { TaskModel } from '../../src/core/taskModel';

function task(project: string, name: string, dependsOn: string[] = []): TaskInfo {
  return {
    id: `${project}:${name}`, project, name, cmd: ['make', name], inputs: [], targets: [], dependsOn, tools: [],
    environment: {}, workingDir: project, rebuild: 'on-change', file: `packages/${project}/same.yaml`, line: 4,
  };
}

describe('what the views show', () => {
  it('marks a file that makes tasks dirty with a badge unlike VS Code\'s unsaved dot, naming the tasks', () => {
    assert.notEqual(DIRTY_BADGE, '●');
    assert.ok(!/^[A-Za-z0-9]+$/.test(DIRTY_BADGE), 'no letter (git) nor digit (Problems)');
    assert.ok([...DIRTY_BADGE].length <= 2, 'VS Code shows at most 2 characters');
    assert.deepEqual(dirtyBadge(['lib:build']), { badge: DIRTY_BADGE, tooltip: 'same: this change makes lib:build dirty' });
    assert.equal(dirtyBadge(['lib:build', 'lib:test', 'app:build']).tooltip, 'same: this change makes lib:build, lib:test and app:build dirty');
  });

  it('says where same was looked for when it was not found, with Set path… and Retry', () => {
    const rows = connectionNotice({
      kind: 'failed',
      reason: 'could not find the `same` launcher',
      logFile: '/ws/.same/daemon/daemon.log',
      probes: [
        { place: 'setting same.path', missing: 'not set' },
        { place: 'login shell PATH (/bin/zsh)', missing: 'not on it' },
      ],
    }, false);
    assert.deepEqual(rows.map((row) => [row.label, row.command]), [
      ['Could not find `same`', undefined],
      ['Set path…', 'same.setPath'],
      ['Retry', 'same.reconnect'],
    ]);
    assert.deepEqual(rows[0]?.children?.map((row) => row.label), ['setting same.path: not set', 'login shell PATH (/bin/zsh): not on it']);
  });

  it('offers the log for a daemon that failed to start, Start daemon for a stopped one, and progress meanwhile', () => {
    const failed = connectionNotice({ kind: 'failed', reason: 'no Java runtime found', logFile: '/l' }, false);
    assert.deepEqual(failed.map((row) => row.command), [undefined, 'same.openDaemonLog', 'same.reconnect']);
    assert.equal(failed[0]?.detail, 'no Java runtime found');
    const stopped = connectionNotice({ kind: 'stopped', reason: 'the daemon is stopping: daemon/stop' }, true);
    assert.deepEqual(stopped.map((row) => [row.label, row.command]), [
      ['The same daemon is stopped', undefined],
      ['Start daemon', 'same.startDaemon'],
    ]);
    assert.deepEqual(connectionNotice({ kind: 'starting', launcher: '/bin/same' }, false).map((row) => row.icon), ['loading~spin']);
    assert.deepEqual(connectionNotice({ kind: 'connected', serverVersion: 'v', pid: 1 }, false).map((row) => row.label), ['Loading the task graph…']);
    assert.deepEqual(connectionNotice({ kind: 'connected', serverVersion: 'v', pid: 1 }, true), []);
  });

  it('offers all, each project and each task to run', () => {
    const model = new TaskModel();
    const graph: GraphResult = {
      root: '/ws', standalone: false, order: [], warnings: [],
      projects: [{ name: 'lib', dir: 'packages/lib', file: 'packages/lib/same.yaml' }, { name: 'app', dir: 'packages/app', file: 'packages/app/same.yaml' }],
      tasks: [task('lib', 'build'), task('lib', 'test', ['lib:build']), task('app', 'build', ['lib:build'])],
    };
    model.setGraph(graph);
    assert.deepEqual(runTargets(model).map((target) => [target.label, target.targets.join(' ')]), [
      ['all', 'all'],
      ['app (every task)', 'app:build'],
      ['lib (every task)', 'lib:build lib:test'],
      ['lib:build', 'lib:build'],
      ['lib:test', 'lib:test'],
      ['app:build', 'app:build'],
    ]);
  });

  it('lays the graph out with every dependency left of its dependents', () => {
    const layout = layoutGraph([
      { id: 'app:build', dependsOn: ['lib:build', 'lib:test'] },
      { id: 'lib:test', dependsOn: ['lib:build'] },
      { id: 'lib:build', dependsOn: [] },
      { id: 'docs:site', dependsOn: ['gone:task'] },
    ]);
    const at = new Map(layout.tasks.map((t) => [t.id, t]));
    assert.deepEqual([...at].map(([id, t]) => [id, t.column, t.row]), [
      ['app:build', 2, 0],
      ['lib:test', 1, 0],
      ['lib:build', 0, 0],
      ['docs:site', 0, 1],
    ]);
    assert.deepEqual(layout.edges, [
      { from: 'lib:build', to: 'app:build' },
      { from: 'lib:test', to: 'app:build' },
      { from: 'lib:build', to: 'lib:test' },
    ]);
    assert.equal(layout.columns, 3);
    assert.equal(layout.rows, 2);
    const cycle = layoutGraph([{ id: 'a', dependsOn: ['b'] }, { id: 'b', dependsOn: ['a'] }]);
    assert.equal(cycle.tasks.length, 2, 'a cycle does not loop');
  });
});

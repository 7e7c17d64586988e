import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GraphResult, TaskInfo } from '../../src/core/protocol';
import { TaskModel } from '../../src/core/taskModel';

function task(project: string, name: string, line = 4): TaskInfo {
  return {
    id: `${project}:${name}`, project, name, cmd: [], inputs: [], targets: [], dependsOn: [], tools: [], environment: {},
    workingDir: project, rebuild: 'on-change', file: `packages/${project}/same.yaml`, line,
  };
}

const GRAPH: GraphResult = {
  root: '/ws',
  standalone: false,
  projects: [
    { name: 'lib', dir: 'packages/lib', file: 'packages/lib/same.yaml' },
    { name: 'app', dir: 'packages/app', file: 'packages/app/same.yaml' },
  ],
  tasks: [task('lib', 'test', 11), task('lib', 'build'), task('app', 'build')],
  order: [],
  warnings: [],
};

describe('TaskModel', () => {
  it('groups tasks by project, sorted, unknown until a status arrives', () => {
    const model = new TaskModel();
    model.setGraph(GRAPH);
    const projects = model.projects();
    assert.deepEqual(projects.map((project) => project.info.name), ['app', 'lib']);
    assert.deepEqual(projects[1]?.tasks.map((t) => t.id), ['lib:build', 'lib:test']);
    assert.ok(model.tasks().every((t) => t.state === 'UNKNOWN'));
    assert.deepEqual(model.tasksInFile('packages/lib/same.yaml').map((t) => t.info.line), [11, 4]);
  });

  it('applies status and pushes by epoch, ignoring older answers', () => {
    const model = new TaskModel();
    model.setGraph(GRAPH);
    let changes = 0;
    model.onDidChange(() => changes++);
    assert.ok(model.applyStatus({ epoch: 5, configError: null, tasks: [{ id: 'lib:build', state: 'CLEAN', hash: 'h1', reasons: [] }] }));
    assert.ok(model.applyHashesChanged({
      epoch: 6,
      changedFiles: ['packages/lib/src/a.txt'],
      tasks: [{ id: 'lib:build', state: 'DIRTY', hash: 'h2', reasons: ['input changed: packages/lib/src/a.txt'] }],
    }));
    assert.equal(model.applyStatus({ epoch: 5, configError: null, tasks: [{ id: 'lib:build', state: 'CLEAN', hash: 'h1', reasons: [] }] }), false);
    assert.equal(model.task('lib:build')?.state, 'DIRTY');
    assert.equal(model.task('lib:build')?.hash, 'h2');
    assert.equal(changes, 2);
    assert.deepEqual([...model.dirtyInputs()], [['packages/lib/src/a.txt', ['lib:build']]]);
    assert.deepEqual(model.counts(), { clean: 0, dirty: 1, running: 0, failed: 0, unknown: 2 });
    model.resetEpoch();
    assert.ok(model.applyStatus({ epoch: 1, configError: null, tasks: [] }), 'a new daemon starts at a low epoch');
  });

  it('shows running tasks from run events and their outcome after', () => {
    const model = new TaskModel();
    model.setGraph(GRAPH);
    model.applyRunEvent({ runId: 'r', kind: 'TASK_STARTED', task: 'app:build', hash: 'h' });
    assert.equal(model.task('app:build')?.state, 'RUNNING');
    assert.equal(model.counts().running, 1);
    model.applyRunEvent({ runId: 'r', kind: 'TASK_FINISHED', task: 'app:build', status: 'FAILED', reason: 'exit status 1', hash: 'h' });
    assert.equal(model.task('app:build')?.state, 'FAILED');
    assert.deepEqual(model.task('app:build')?.reasons, ['exit status 1']);
    model.applyRunEvent({ runId: 'r', kind: 'TASK_FINISHED', task: 'lib:build', status: 'CACHED', hash: 'h' });
    assert.equal(model.task('lib:build')?.state, 'CLEAN');
  });

  it('keeps the configuration error of the last status', () => {
    const model = new TaskModel();
    const error = { file: 'packages/app/same.yaml', line: 8, message: 'missing dependency', context: [] };
    model.applyStatus({ epoch: 1, configError: error, tasks: [] });
    assert.deepEqual(model.configError, error);
    model.applyStatus({ epoch: 2, configError: null, tasks: [] });
    assert.equal(model.configError, null);
  });

  it('says a task is pending until its first state arrives, and runs stay with their run id', () => {
    const model = new TaskModel();
    model.setGraph(GRAPH);
    assert.ok(model.tasks().every((t) => t.pending));
    model.applyStatus({ epoch: 1, configError: null, tasks: [{ id: 'lib:build', state: 'CLEAN', hash: 'h', reasons: [] }] });
    assert.equal(model.task('lib:build')?.pending, false);
    assert.equal(model.task('lib:test')?.pending, true);
    model.applyRunEvent({ runId: 'r1', kind: 'TASK_STARTED', task: 'lib:build', hash: 'h' });
    assert.equal(model.task('lib:build')?.runId, 'r1');
    assert.deepEqual(model.task('lib:build')?.reasons, [], 'no "running" reason beside the running state');
    model.applyRunEvent({ runId: 'other', kind: 'RUN_FINISHED', success: true });
    assert.equal(model.task('lib:build')?.state, 'RUNNING', 'another run ending does not end this one');
    model.applyRunEvent({ runId: 'r1', kind: 'RUN_FINISHED', success: false });
    assert.equal(model.task('lib:build')?.state, 'CLEAN');
    assert.equal(model.task('lib:build')?.runId, undefined);
  });

  it('reads every state as unknown while the configuration is broken, and as before once it is fixed', () => {
    const model = new TaskModel();
    model.setGraph(GRAPH);
    const clean = { epoch: 1, configError: null, tasks: GRAPH.tasks.map((t) => ({ id: t.id, state: 'CLEAN' as const, hash: 'h', reasons: [] })) };
    model.applyStatus(clean);
    const error = { file: 'packages/app/same.yaml', line: 8, message: "task 'app:build' depends on unknown task 'lib:nope'", context: [] };
    model.setConfigError(error);
    assert.ok(model.tasks().every((t) => t.state === 'UNKNOWN'));
    assert.deepEqual(model.task('lib:build')?.reasons, [
      "configuration error: packages/app/same.yaml:8: task 'app:build' depends on unknown task 'lib:nope'",
    ]);
    assert.equal(model.counts().clean, 0);
    assert.equal(model.dirtyInputs().size, 0);
    model.applyStatus({ ...clean, epoch: 2 });
    assert.ok(model.tasks().every((t) => t.state === 'CLEAN'));
  });
});

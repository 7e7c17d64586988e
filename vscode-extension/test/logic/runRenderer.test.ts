import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LinearRunRenderer } from '../../src/core/runRenderer';

describe('LinearRunRenderer', () => {
  it('prints the lines of the CLI linear mode with terminal line ends', () => {
    const renderer = new LinearRunRenderer(false);
    assert.equal(renderer.event({ runId: 'r', kind: 'PLANNED', tasks: ['lib:build'], warnings: ['w'] }), '⚠ Warning: w\r\n');
    assert.equal(renderer.event({ runId: 'r', kind: 'TASK_STARTED', task: 'lib:build' }), '[lib:build] Starting...\r\n');
    assert.equal(renderer.output({ runId: 'r', task: 'lib:build', offset: 0, text: 'one\ntwo\r\n', replay: false }), '[lib:build] one\r\n[lib:build] two\r\n');
    assert.equal(renderer.event({ runId: 'r', kind: 'TASK_FINISHED', task: 'lib:build', status: 'OK', durationMillis: 1234 }), '[lib:build] ✓ Completed in 1.2s\r\n');
    assert.equal(renderer.event({ runId: 'r', kind: 'TASK_FINISHED', task: 'lib:build', status: 'CACHED', durationMillis: 3 }), '[lib:build] ~ Cached (skipped in 3ms)\r\n');
    assert.equal(
      renderer.event({ runId: 'r', kind: 'TASK_FINISHED', task: 'lib:build', status: 'FAILED', durationMillis: 125_000, reason: 'exit status 2' }),
      '[lib:build] ✗ Failed after 125.0s: exit status 2\r\n',
    );
    assert.equal(renderer.event({ runId: 'r', kind: 'TASK_FINISHED', task: 'x:y', status: 'SKIPPED', reason: 'lib:build failed' }), '[x:y] - Skipped: lib:build failed\r\n');
  });

  it('prints a task\'s time as the CLI does, to the microsecond when the daemon sends it', () => {
    const renderer = new LinearRunRenderer(false);
    const finished = (durationMicros: number) => renderer.event({ runId: 'r', kind: 'TASK_FINISHED', task: 't', status: 'CACHED', durationMillis: Math.floor(durationMicros / 1000), durationMicros });
    assert.equal(finished(783), '[t] ~ Cached (skipped in 783µs)\r\n');
    assert.equal(finished(1_500), '[t] ~ Cached (skipped in 2ms)\r\n');
    assert.equal(finished(999_499), '[t] ~ Cached (skipped in 999ms)\r\n');
    assert.equal(finished(1_250_000), '[t] ~ Cached (skipped in 1.3s)\r\n');
  });

  it('colours each task in planned order, and the marks', () => {
    const renderer = new LinearRunRenderer(true);
    renderer.event({ runId: 'r', kind: 'PLANNED', tasks: ['a:x', 'b:y'], warnings: [] });
    assert.equal(renderer.event({ runId: 'r', kind: 'TASK_STARTED', task: 'b:y' }), '[\u001b[35mb:y\u001b[0m] Starting...\r\n');
    assert.match(renderer.event({ runId: 'r', kind: 'TASK_FINISHED', task: 'a:x', status: 'OK', durationMillis: 1 }), /\[\u001b\[36ma:x\u001b\[0m\] \u001b\[32m✓\u001b\[0m Completed in 1ms/);
  });
});

import { describeChange, renderExplain } from '../../src/core/explainDocument';

describe('the why document', () => {
  it('lists what changed without repeating the daemon\'s detail line', () => {
    assert.equal(describeChange({ kind: 'FILE_CHANGED', subject: 'packages/lib/src/name.txt', detail: 'input changed: packages/lib/src/name.txt' }), 'file changed: `packages/lib/src/name.txt`');
    assert.equal(describeChange({ kind: 'ENVIRONMENT_CHANGED', subject: 'PATH', detail: 'was /bin' }), 'environment changed: `PATH` — was /bin');
    assert.equal(describeChange({ kind: 'ENVIRONMENT_CHANGED', subject: '@platform', detail: 'platform changed: x86_64-linux → aarch64-darwin' }), 'platform changed: x86_64-linux → aarch64-darwin');
    assert.equal(describeChange({ kind: 'ENVIRONMENT_CHANGED', subject: '@tools', detail: 'tool environment changed' }), 'tool environment changed');
    assert.equal(describeChange({ kind: 'NEVER_RUN', subject: null, detail: null }), 'never run');
    const text = renderExplain(
      { epoch: 4, task: 'lib:build', state: 'DIRTY', hash: 'abc', previousHash: 'def', previousFinishedAtMillis: 1_000, changes: [] },
      61_000,
    );
    assert.match(text, /^# Why is `lib:build` dirty\?/);
    assert.match(text, /\*\*Last successful run:\*\* 1m ago/);
    assert.match(text, /Nothing changed since the last successful run\./);
  });
});

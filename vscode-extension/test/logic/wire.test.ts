import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeHashesChanged, decodeRunEvent, decodeStatusResult } from '../../src/core/wire';
import type { HashesChanged, RunEvent, StatusResult } from '../../src/core/protocol';

describe('decoding what the daemon sends', () => {
  it('turns ordinals into names and accepts names as they are', () => {
    const raw = { epoch: 3, tasks: [{ id: 'a:b', state: 1, hash: 'h', reasons: ['never run'] }, { id: 'c:d', state: 'FAILED' }] };
    const decoded = decodeStatusResult(raw as unknown as StatusResult);
    assert.deepEqual(decoded.tasks.map((task) => task.state), ['DIRTY', 'FAILED']);
    assert.deepEqual(decoded.tasks[1]?.reasons, []);
    assert.equal(decoded.configError, null);
  });

  it('decodes run events and their status', () => {
    const event = decodeRunEvent({ runId: 'r', kind: 2, task: 'a:b', status: 1, durationMillis: 3 } as unknown as RunEvent);
    assert.equal(event.kind, 'TASK_FINISHED');
    assert.equal(event.status, 'CACHED');
    assert.equal(decodeRunEvent({ runId: 'r', kind: 3, success: true } as unknown as RunEvent).status, undefined);
  });

  it('fills absent lists of a push', () => {
    const change = decodeHashesChanged({ epoch: 9 } as unknown as HashesChanged);
    assert.deepEqual(change, { epoch: 9, tasks: [], changedFiles: [] });
  });
});

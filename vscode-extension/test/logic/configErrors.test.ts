import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configErrorFromResponse, describeConfigError, isUserError } from '../../src/core/configErrors';

describe('configuration errors from USER_ERROR answers', () => {
  it('reads the location from an "at file:line" context line', () => {
    const error = { code: -32001, message: "missing dependency: task 'app:build' depends on 'lib:nope'", data: ['at packages/app/same.yaml:8'] };
    assert.ok(isUserError(error));
    assert.deepEqual(configErrorFromResponse(error), { file: 'packages/app/same.yaml', line: 8, message: error.message, context: error.data });
  });

  it('reads the location from a YAML parse message', () => {
    const error = { code: -32001, message: "invalid YAML in packages/app/same.yaml at line 5, column 1: expected ','", data: ['while parsing a flow sequence'] };
    const parsed = configErrorFromResponse(error);
    assert.equal(parsed?.file, 'packages/app/same.yaml');
    assert.equal(parsed?.line, 5);
    assert.equal(describeConfigError(parsed!), `${error.message} (while parsing a flow sequence)`);
  });

  it('has nothing to place for errors without a file', () => {
    assert.equal(configErrorFromResponse({ code: -32001, message: "unknown task 'x'", data: ["run 'same graph' to list every task"] }), null);
    assert.equal(isUserError({ code: -32603, message: 'bug' }), false);
  });
});

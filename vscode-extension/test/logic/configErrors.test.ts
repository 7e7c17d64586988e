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

  it('reads the file from an "at file" context line without a line, as line 0', () => {
    const error = { code: -32001, message: 'missing project name', data: ['at packages/lib/same.yaml', "add 'project: <name>'"] };
    assert.deepEqual(configErrorFromResponse(error), { file: 'packages/lib/same.yaml', line: 0, message: error.message, context: error.data });
  });

  it('prefers a context line with a line number to one without', () => {
    const error = { code: -32001, message: 'duplicate task', data: ['at packages/lib/same.yaml', 'at packages/lib/same.yaml:12'] };
    assert.equal(configErrorFromResponse(error)?.line, 12);
  });

  it('has nothing to place for errors without a file', () => {
    assert.equal(configErrorFromResponse({ code: -32001, message: "unknown task 'x'", data: ["run 'same graph' to list every task"] }), null);
    assert.equal(isUserError({ code: -32603, message: 'bug' }), false);
  });
});

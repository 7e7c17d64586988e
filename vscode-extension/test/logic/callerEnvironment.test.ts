import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { environmentOf } from '../../src/core/taskRun';

describe('a run request from the extension', () => {
  it("carries the editor's remote cache settings as the CLI carries the shell's, and no other of its variables", () => {
    const editor = {
      PATH: '/usr/bin', HOME: '/home/me', EDITOR_SECRET: 'x', UNSET: undefined,
      SAME_REMOTE_CACHE_URL: 'https://cache.example/same', SAME_REMOTE_CACHE_TOKEN: 't0ken', SAME_REMOTE_CACHE_READ_ONLY: '1',
    };
    assert.deepEqual(environmentOf(editor), {
      PATH: '/usr/bin', HOME: '/home/me',
      SAME_REMOTE_CACHE_URL: 'https://cache.example/same', SAME_REMOTE_CACHE_TOKEN: 't0ken', SAME_REMOTE_CACHE_READ_ONLY: '1',
    });
  });
});

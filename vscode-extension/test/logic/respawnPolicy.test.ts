import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RespawnPolicy } from '../../src/core/respawnPolicy';

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (millis: number) => (now += millis) };
}

describe('RespawnPolicy', () => {
  it('starts a daemon again after an unannounced loss (a crash)', () => {
    const policy = new RespawnPolicy(clock().now);
    assert.deepEqual(policy.linkLost(), { kind: 'respawn' });
  });

  it('after an announced stop, looks for a replacement during the grace time and then waits for the user', () => {
    const time = clock();
    const policy = new RespawnPolicy(time.now, 15_000);
    policy.shutdownAnnounced('the daemon is stopping: daemon/stop');
    assert.deepEqual(policy.linkLost(), { kind: 'reconnectOnly' });
    time.advance(14_999);
    assert.deepEqual(policy.nobodyListening(), { kind: 'reconnectOnly' });
    time.advance(1);
    assert.deepEqual(policy.nobodyListening(), { kind: 'wait', reason: 'the daemon is stopping: daemon/stop' });
  });

  it('waits at once after a stop asked for here, until the user starts one', () => {
    const policy = new RespawnPolicy(clock().now);
    policy.stopAsked();
    policy.shutdownAnnounced('the daemon is stopping: daemon/stop');
    assert.deepEqual(policy.linkLost(), { kind: 'wait', reason: 'the daemon was stopped from VS Code' });
    policy.userStarted();
    assert.deepEqual(policy.linkLost(), { kind: 'respawn' });
  });

  it('a replacement that answers ends the announced stop: its own loss is judged afresh', () => {
    const policy = new RespawnPolicy(clock().now);
    policy.shutdownAnnounced('restart');
    assert.deepEqual(policy.linkLost(), { kind: 'reconnectOnly' });
    policy.connected();
    assert.deepEqual(policy.linkLost(), { kind: 'respawn' });
  });

  it('stops respawning a daemon that keeps crashing, and forgives old crashes', () => {
    const time = clock();
    const policy = new RespawnPolicy(time.now, 15_000, 3, 600_000);
    assert.equal(policy.linkLost().kind, 'respawn');
    time.advance(600_000);
    assert.equal(policy.linkLost().kind, 'respawn', 'the first crash is older than the window');
    time.advance(1_000);
    assert.equal(policy.linkLost().kind, 'respawn');
    time.advance(1_000);
    assert.deepEqual(policy.linkLost(), { kind: 'wait', reason: 'the daemon stopped unexpectedly 3 times in 10 minutes (see its log)' });
    policy.userStarted();
    assert.equal(policy.linkLost().kind, 'respawn');
  });
});

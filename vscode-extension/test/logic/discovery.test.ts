import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { rootHash, socketDirectory, socketPath } from '../../src/core/daemonAddress';
import { findWorkspaceRoot } from '../../src/core/workspaceRoot';

const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'same-discovery-')));
after(() => fs.rmSync(base, { recursive: true, force: true }));

function write(relative: string, text = '', mode = 0o644): string {
  const file = path.join(base, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode });
  return file;
}

describe('finding the workspace and its daemon', () => {
  it('prefers the nearest same.work.yaml over a nearer same.yaml', () => {
    write('repo/same.work.yaml');
    write('repo/packages/app/same.yaml');
    fs.mkdirSync(path.join(base, 'repo/packages/app/src'), { recursive: true });
    assert.equal(findWorkspaceRoot(path.join(base, 'repo/packages/app/src')), path.join(base, 'repo'));
  });

  it('takes the nearest same.yaml without a workfile, and nothing without either', () => {
    write('solo/same.yaml');
    fs.mkdirSync(path.join(base, 'solo/src'), { recursive: true });
    assert.equal(findWorkspaceRoot(path.join(base, 'solo/src')), path.join(base, 'solo'));
    fs.mkdirSync(path.join(base, 'none'), { recursive: true });
    assert.equal(findWorkspaceRoot(path.join(base, 'none')), undefined);
  });

  it('returns the real path through a symlink', () => {
    fs.symlinkSync(path.join(base, 'solo'), path.join(base, 'link'));
    assert.equal(findWorkspaceRoot(path.join(base, 'link')), path.join(base, 'solo'));
  });

  it('names the socket as DaemonAddress.java does', () => {
    assert.equal(rootHash('/tmp/demo1'), '50a0ebe2c74cdec6', 'the name a real daemon chose for /tmp/demo1');
    assert.equal(rootHash(''), 'cbf29ce484222325', 'FNV-1a 64 of nothing is its offset basis');
    assert.equal(rootHash('foobar'), '85944171f73967e8', 'the published FNV-1a 64 test vector');
    assert.equal(rootHash('/tmp/résumé'), '57f24b76e7d11fa5', 'UTF-8 bytes, as Fnv1a64Test.java');
    assert.match(rootHash('/tmp/x'), /^[0-9a-f]{16}$/);
    assert.equal(socketPath('/r', { XDG_RUNTIME_DIR: base }), path.join(base, 'same', `${rootHash('/r')}.sock`));
    assert.equal(socketDirectory({ XDG_RUNTIME_DIR: path.join(base, 'missing') }), `/tmp/same-${os.userInfo().uid}`);
    assert.equal(socketDirectory({}), `/tmp/same-${os.userInfo().uid}`);
  });
});

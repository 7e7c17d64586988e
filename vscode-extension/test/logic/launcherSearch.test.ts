import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { LauncherNotFoundError } from '../../src/core/launcher';
import { describeProbes, findLauncher, loginShellLookup } from '../../src/core/launcherSearch';

const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'same-launcher-')));
after(() => fs.rmSync(base, { recursive: true, force: true }));

function write(relative: string, text = '#!/bin/sh\n', mode = 0o755): string {
  const file = path.join(base, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode });
  return file;
}

const noLoginShell = async () => ({ missing: 'not asked' });

describe('finding the same launcher', () => {
  it('takes the setting when it names an executable, and says so when it does not (without looking further)', async () => {
    const launcher = write('setting/bin/same');
    const root = path.join(base, 'setting');
    const found = await findLauncher({ root, configured: launcher, env: { PATH: '' }, loginShell: noLoginShell });
    assert.equal(found.launcher, launcher);
    const relative = await findLauncher({ root, configured: 'bin/same', env: { PATH: '' }, loginShell: noLoginShell });
    assert.equal(relative.launcher, launcher, 'a relative setting is relative to the workspace root');
    const bad = await findLauncher({ root, configured: '/nowhere/same', env: { PATH: path.dirname(launcher) }, loginShell: noLoginShell });
    assert.equal(bad.launcher, undefined);
    assert.deepEqual(describeProbes(bad.probes), ['setting same.path: /nowhere/same is not an executable file']);
  });

  it('prefers the workspace\'s ./same, then a built distribution, to anything on a PATH', async () => {
    const root = path.join(base, 'repo/examples/demo');
    fs.mkdirSync(root, { recursive: true });
    const onPath = write('path/same');
    const built = write('repo/cli/target/same/bin/same');
    const env = { PATH: path.dirname(onPath) };
    assert.equal((await findLauncher({ root, configured: '', env, loginShell: noLoginShell })).launcher, built);
    const script = write('repo/same');
    assert.equal((await findLauncher({ root, configured: undefined, env, loginShell: noLoginShell })).launcher, script);
  });

  it('finds same on the PATH of the login shell when VS Code\'s own PATH lacks it', async () => {
    const home = path.join(base, 'home');
    const launcher = write('home/tools/bin/same');
    // an interactive bash reads ~/.bashrc, where people put PATH; a non-interactive one would not
    fs.writeFileSync(path.join(home, '.bashrc'), `export PATH="${path.dirname(launcher)}:$PATH"\necho "welcome to the shell"\n`);
    fs.writeFileSync(path.join(home, '.bash_profile'), '. ~/.bashrc\n');
    const root = path.join(base, 'plain');
    fs.mkdirSync(root, { recursive: true });
    const env = { HOME: home, SHELL: '/bin/bash', PATH: '/usr/bin:/bin' };

    const found = await findLauncher({ root, configured: '', env, installPlaces: [] });

    assert.equal(found.launcher, launcher);
    assert.deepEqual(describeProbes(found.probes), [
      'setting same.path: not set',
      `./same or cli/target/same/bin/same at or above ${root}: none`,
      `login shell PATH (/bin/bash): ${launcher}`,
    ]);
  });

  it('then the inherited PATH, then the usual install places, and lists every place when none has it', async () => {
    const root = path.join(base, 'bare');
    fs.mkdirSync(root, { recursive: true });
    const home = fs.mkdtempSync(path.join(base, 'emptyhome-'));
    const onPath = write('inherited/same');
    const installed = write('opt/bin/same');
    const env = { HOME: home, SHELL: '/bin/bash', PATH: `/usr/bin:/bin:${path.dirname(onPath)}` };
    assert.equal((await findLauncher({ root, configured: '', env, installPlaces: [installed] })).launcher, onPath);

    const withoutPath = { ...env, PATH: '/usr/bin:/bin' };
    assert.equal((await findLauncher({ root, configured: '', env: withoutPath, installPlaces: ['/nowhere/same', installed] })).launcher, installed);

    const none = await findLauncher({ root, configured: '', env: withoutPath, installPlaces: ['/nowhere/same'] });
    assert.equal(none.launcher, undefined);
    assert.deepEqual(describeProbes(none.probes), [
      'setting same.path: not set',
      `./same or cli/target/same/bin/same at or above ${root}: none`,
      'login shell PATH (/bin/bash): not on it',
      'PATH of VS Code: not on it',
      '/nowhere/same: not there',
    ]);
    assert.match(new LauncherNotFoundError(none.probes).message, /could not find the `same` launcher \(looked at: setting same.path: not set; .*\/nowhere\/same: not there\): set `same.path`/);
  });

  it('gets no answer from a login shell that fails, or when SHELL is not set', async () => {
    assert.deepEqual(await loginShellLookup({ PATH: '/usr/bin:/bin' }), { missing: 'no SHELL set' });
    const failing = write('failing-shell', '#!/bin/sh\necho "cannot start" >&2\nexit 3\n');
    const answer = await loginShellLookup({ SHELL: failing, PATH: '/usr/bin:/bin' });
    assert.ok('missing' in answer && /^the shell failed: /.test(answer.missing), JSON.stringify(answer));
  });
});

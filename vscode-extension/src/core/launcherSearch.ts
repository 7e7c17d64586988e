import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** One place looked at for the launcher, and what was there. */
export interface LauncherProbe {
  /** Where, in words: `setting same.path`, `login shell PATH (/bin/zsh)`, `/usr/local/bin/same`… */
  readonly place: string;
  /** The launcher found there, if any. */
  readonly found?: string;
  /** Why nothing usable was there. */
  readonly missing?: string;
}

export interface LauncherSearch {
  readonly launcher: string | undefined;
  /** Every place looked at, in order, up to the one that had it. */
  readonly probes: readonly LauncherProbe[];
}

export interface LauncherSearchOptions {
  readonly root: string;
  /** The `same.path` setting. */
  readonly configured: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
  /** Asks the user's login shell for `same` (see loginShellLookup); injectable for tests. */
  readonly loginShell?: (env: NodeJS.ProcessEnv) => Promise<LoginShellAnswer>;
  /** The usual install places, in order (default: INSTALL_PLACES under the home directory). */
  readonly installPlaces?: readonly string[];
}

export type LoginShellAnswer = { readonly found: string } | { readonly missing: string };

/**
 * Finds the `same` launcher as a user expects: the `same.path` setting (a bad one is an error, not skipped);
 * the workspace's `./same` and a built distribution at or above the root; the PATH of the user's login shell
 * (an editor started from a desktop launcher, code-server or a remote host does not inherit the PATH of the
 * user's terminal); the PATH the editor inherited; then the usual install places.
 */
export async function findLauncher(options: LauncherSearchOptions): Promise<LauncherSearch> {
  const env = options.env ?? process.env;
  const probes: LauncherProbe[] = [];
  const configured = options.configured?.trim() ?? '';
  if (configured !== '') {
    const file = expandHome(configured, env);
    const absolute = path.isAbsolute(file) ? file : path.resolve(options.root, file);
    const usable = isExecutableFile(absolute);
    probes.push(usable ? { place: 'setting same.path', found: absolute } : { place: 'setting same.path', missing: `${absolute} is not an executable file` });
    return { launcher: usable ? absolute : undefined, probes };
  }
  probes.push({ place: 'setting same.path', missing: 'not set' });

  const local =
    upwards(options.root, 'same', 'the workspace\'s ./same') ??
    upwards(options.root, path.join('cli', 'target', 'same', 'bin', 'same'), 'a built distribution (cli/target/same/bin/same)');
  probes.push(local ?? { place: `./same or cli/target/same/bin/same at or above ${options.root}`, missing: 'none' });
  if (local?.found) {
    return { launcher: local.found, probes };
  }

  const shell = env['SHELL'] ?? '/bin/sh';
  const login = await (options.loginShell ?? loginShellLookup)(env);
  const loginProbe: LauncherProbe = 'found' in login ? { place: `login shell PATH (${shell})`, found: login.found } : { place: `login shell PATH (${shell})`, missing: login.missing };
  probes.push(loginProbe);
  if (loginProbe.found) {
    return { launcher: loginProbe.found, probes };
  }

  const inherited = onPath('same', env['PATH'] ?? '');
  probes.push(inherited ? { place: 'PATH of VS Code', found: inherited } : { place: 'PATH of VS Code', missing: 'not on it' });
  if (inherited) {
    return { launcher: inherited, probes };
  }

  for (const place of options.installPlaces ?? installPlaces(env)) {
    if (isExecutableFile(place)) {
      probes.push({ place, found: place });
      return { launcher: place, probes };
    }
    probes.push({ place, missing: 'not there' });
  }
  return { launcher: undefined, probes };
}

/** Where installs usually put a command, for a user whose shells do not say. */
export function installPlaces(env: NodeJS.ProcessEnv = process.env): string[] {
  const home = env['HOME'] ?? os.homedir();
  return [
    path.join(home, '.local', 'bin', 'same'),
    path.join(home, 'bin', 'same'),
    '/usr/local/bin/same',
    '/opt/homebrew/bin/same',
    '/opt/same/bin/same',
  ];
}

const MARK = '__same_launcher__';

/**
 * Runs the user's login shell, interactive as a terminal would start it (so both ~/.profile and ~/.bashrc /
 * ~/.zshrc count), to print where `same` is. Bounded by `timeoutMillis`: a shell that waits for input or is slow
 * to start gives no answer rather than holding the editor up.
 */
export function loginShellLookup(env: NodeJS.ProcessEnv, timeoutMillis = 5_000): Promise<LoginShellAnswer> {
  const shell = env['SHELL'];
  if (!shell) {
    return Promise.resolve({ missing: 'no SHELL set' });
  }
  return new Promise((resolve) => {
    // the marks keep whatever a shell's start-up files print out of the answer
    const script = `printf '${MARK}%s${MARK}' "$(command -v same)"`;
    const child = execFile(shell, ['-ilc', script], { env, timeout: timeoutMillis, encoding: 'utf8' }, (error, stdout) => {
      const answer = new RegExp(`${MARK}(.*?)${MARK}`).exec(stdout)?.[1]?.trim() ?? '';
      if (answer !== '' && path.isAbsolute(answer) && isExecutableFile(answer)) {
        resolve({ found: answer });
      } else if (error && error.killed) {
        resolve({ missing: `no answer within ${timeoutMillis / 1000}s` });
      } else if (error && !stdout.includes(MARK)) {
        resolve({ missing: `the shell failed: ${error.message.split('\n')[0]}` });
      } else {
        resolve({ missing: 'not on it' });
      }
    });
    child.stdin?.end();
  });
}

export function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** One line per probe, as the view and the error show them. */
export function describeProbes(probes: readonly LauncherProbe[]): string[] {
  return probes.map((probe) => (probe.found ? `${probe.place}: ${probe.found}` : `${probe.place}: ${probe.missing ?? 'none'}`));
}

function onPath(name: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir !== '' && isExecutableFile(path.join(dir, name))) {
      return path.join(dir, name);
    }
  }
  return undefined;
}

function upwards(start: string, relative: string, place: string): LauncherProbe | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, relative);
    if (isExecutableFile(candidate)) {
      return { place, found: candidate };
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

function expandHome(file: string, env: NodeJS.ProcessEnv): string {
  return file === '~' || file.startsWith('~/') ? path.join(env['HOME'] ?? os.homedir(), file.slice(1)) : file;
}

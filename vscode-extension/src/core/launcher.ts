import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Which `same` launcher to run: the configured path, else `same` on PATH, else the nearest `same`
 * script at or above the workspace root (the repository's ./same), else a built distribution
 * `cli/target/same/bin/same` at or above the root.
 */
export function resolveLauncher(root: string, configured: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (configured && configured.trim() !== '') {
    return configured.trim();
  }
  return onPath('same', env) ?? upwards(root, 'same') ?? upwards(root, path.join('cli', 'target', 'same', 'bin', 'same'));
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    if (dir !== '' && isExecutableFile(path.join(dir, name))) {
      return path.join(dir, name);
    }
  }
  return undefined;
}

function upwards(start: string, relative: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, relative);
    if (isExecutableFile(candidate)) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

function isExecutableFile(file: string): boolean {
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

export class DaemonStartError extends Error {
  constructor(message: string, readonly output: string) {
    super(message);
    this.name = 'DaemonStartError';
  }
}

/** Runs `<launcher> daemon start` in the root; resolves once the launcher says the daemon runs. */
export function startDaemon(launcher: string, root: string, env: NodeJS.ProcessEnv = process.env, timeoutMillis = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(launcher, ['daemon', 'start'], { cwd: root, env, timeout: timeoutMillis }, (error, stdout, stderr) => {
      if (!error) {
        resolve();
        return;
      }
      const output = `${stdout}${stderr}`.trim();
      const reason = firstErrorLine(output) ?? error.message;
      reject(new DaemonStartError(`could not start the same daemon with ${launcher}: ${reason}`, output));
    });
  });
}

function firstErrorLine(output: string): string | undefined {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const error = lines.find((line) => line.includes('Error:'));
  return (error ?? lines[0])?.replace(/^✗ Error:\s*/, '');
}

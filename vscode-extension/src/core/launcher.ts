import { execFile } from 'node:child_process';
import { LauncherProbe, describeProbes } from './launcherSearch';

export class DaemonStartError extends Error {
  constructor(message: string, readonly output: string) {
    super(message);
    this.name = 'DaemonStartError';
  }
}

/** No `same` launcher anywhere it was looked for; `probes` says where that was. */
export class LauncherNotFoundError extends DaemonStartError {
  constructor(readonly probes: readonly LauncherProbe[]) {
    super(
      `could not find the \`same\` launcher (looked at: ${describeProbes(probes).join('; ')}): set \`same.path\``,
      '',
    );
    this.name = 'LauncherNotFoundError';
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

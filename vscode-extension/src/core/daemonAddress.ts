import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Linux's sun_path holds 108 bytes including the terminating NUL. */
export const MAX_SOCKET_PATH_BYTES = 107;

/** Where the daemon of `root` (a real path) listens; mirrors DaemonAddress.java. */
export function socketPath(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(socketDirectory(env), rootHash(root) + '.sock');
}

export function socketDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const runtime = env['XDG_RUNTIME_DIR'];
  if (runtime && isDirectory(runtime)) {
    return path.join(runtime, 'same');
  }
  return path.join('/tmp', `same-${os.userInfo().uid}`);
}

/** `.same/daemon/` of the workspace: lock, discovery file, log. */
export function daemonStateDirectory(root: string): string {
  return path.join(root, '.same', 'daemon');
}

export function daemonLogFile(root: string): string {
  return path.join(daemonStateDirectory(root), 'daemon.log');
}

/** The first 16 hex digits of SHA-256 over the UTF-8 of the root's real path. */
export function rootHash(root: string): string {
  return createHash('sha256').update(root, 'utf8').digest('hex').slice(0, 16);
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

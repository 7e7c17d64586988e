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

/** The 64-bit FNV-1a hash of the UTF-8 of the root's real path, as 16 hex digits; mirrors Fnv1a64.java. */
export function rootHash(root: string): string {
  const mask = (1n << 64n) - 1n;
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(root, 'utf8')) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

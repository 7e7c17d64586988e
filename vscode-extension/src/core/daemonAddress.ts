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

/** A socket or socket directory that another user could control; the message says what to do. */
export class UnsafeSocketError extends Error {
  constructor(file: string, problemAndFix: string) {
    super(`refusing to use ${file}: ${problemAndFix} set XDG_RUNTIME_DIR to a private directory`);
    this.name = 'UnsafeSocketError';
  }
}

/**
 * Checks, without changing anything, that a client may talk to `socketFile`; mirrors DaemonAddress.checkSocket:
 * its directory is a real directory of ours with mode 0700 and the socket is ours and no symlink. Whoever
 * controls that directory could serve a fake daemon there. Nothing is refused when the directory or the socket
 * does not exist: connecting fails anyway.
 */
export function checkSocket(socketFile: string): void {
  const uid = process.getuid?.();
  const dir = path.dirname(socketFile);
  const directory = lstatIfExists(dir);
  if (uid === undefined || !directory) {
    return;
  }
  if (directory.isSymbolicLink()) {
    throw new UnsafeSocketError(dir, 'it is a symbolic link, not a directory; remove it or');
  }
  if (!directory.isDirectory()) {
    throw new UnsafeSocketError(dir, 'it is not a directory; remove it or');
  }
  if (directory.uid !== uid) {
    throw new UnsafeSocketError(dir, `owned by uid ${directory.uid}, not you (uid ${uid}); remove it or`);
  }
  const mode = directory.mode & 0o7777;
  if (mode !== 0o700) {
    throw new UnsafeSocketError(dir, `its mode is ${mode.toString(8).padStart(4, '0')}, not 0700; run 'chmod 700 ${dir}' or`);
  }
  const socket = lstatIfExists(socketFile);
  if (socket?.isSymbolicLink()) {
    throw new UnsafeSocketError(socketFile, 'it is a symbolic link, not a socket; remove it or');
  }
  if (socket && socket.uid !== uid) {
    throw new UnsafeSocketError(socketFile, `owned by uid ${socket.uid}, not you (uid ${uid}); remove it or`);
  }
}

function lstatIfExists(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

import * as net from 'node:net';
import { checkSocket } from './daemonAddress';

/**
 * Connects to a Unix socket; resolves with the connected socket, rejects with the connect error, or with an
 * UnsafeSocketError before connecting when another user could control the socket.
 */
export function connectSocket(socketFile: string, timeoutMillis = 5_000): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    try {
      checkSocket(socketFile);
    } catch (error) {
      reject(error);
      return;
    }
    const socket = net.createConnection({ path: socketFile });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error(`timed out connecting to ${socketFile}`), { code: 'ETIMEDOUT' }));
    }, timeoutMillis);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}

/** True when the error means nobody listens on the socket (missing file or refused). */
export function isNobodyListening(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ECONNREFUSED' || code === 'ENOTSOCK';
}

import type { Event, Message, MessageWriter } from 'vscode-jsonrpc';

/**
 * A message writer whose failed writes never surface as rejected promises.
 *
 * vscode-jsonrpc 8.2 sends a request from inside an `async` promise executor and re-throws a failed write
 * there, so a request written to a socket that was just destroyed (the daemon killed, the link closed)
 * becomes an unhandled rejection that no caller can catch. The failure is still reported through
 * `onError`, which drops the link; dropping it disposes the connection, and that rejects every pending
 * request with a proper error.
 */
export class QuietMessageWriter implements MessageWriter {
  constructor(private readonly inner: MessageWriter) {}

  get onError(): Event<[Error, Message | undefined, number | undefined]> {
    return this.inner.onError;
  }

  get onClose(): Event<void> {
    return this.inner.onClose;
  }

  async write(message: Message): Promise<void> {
    try {
      await this.inner.write(message);
    } catch {
      // already reported through onError
    }
  }

  end(): void {
    this.inner.end();
  }

  dispose(): void {
    this.inner.dispose();
  }
}



import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { DaemonWorkspace } from './support/daemonWorkspace';
import { LAUNCHER } from './support/paths';

interface Diagnostic {
  range: { start: { line: number; character: number } };
  message: string;
}

/** `same lsp` as the extension starts it (the launcher with `lsp`, over stdio), on a copy of the demo. */
describe('same lsp, as the extension starts it', () => {
  let ws: DaemonWorkspace;
  let connection: MessageConnection;
  const published = new Map<string, Diagnostic[]>();
  const waiters: Array<() => void> = [];

  before(async () => {
    ws = new DaemonWorkspace();
    const server = spawn(LAUNCHER, ['lsp'], { cwd: ws.root, env: ws.env, stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      published.set(params.uri, params.diagnostics);
      waiters.splice(0).forEach((wake) => wake());
    });
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{ uri: pathToFileURL(ws.root).toString(), name: 'demo' }],
      capabilities: {},
    });
    connection.sendNotification('initialized', {});
  });

  after(async () => {
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    connection.dispose();
    ws.dispose();
  });

  async function diagnostics(uri: string, wanted: (found: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    for (;;) {
      const found = published.get(uri);
      if (found && wanted(found)) {
        return found;
      }
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  }

  it('validates the unsaved buffer, clears the error when fixed, and completes dependencies', async () => {
    const file = ws.file('packages/app/same.yaml');
    const uri = pathToFileURL(file).toString();
    const saved = fs.readFileSync(file, 'utf8');
    const broken = saved.replace('    input:', '    inptu:');
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: broken } });
    const [unknown] = await diagnostics(uri, (found) => found.length > 0);
    assert.match(unknown!.message, /^unknown key 'inptu' in task 'app:build'\ndid you mean 'input'\?/);
    assert.deepEqual(unknown!.range.start, { line: 5, character: 4 });

    connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: saved }] });
    await diagnostics(uri, (found) => found.length === 0);

    const line = saved.split('\n').findIndex((text) => text.includes('dependsOn'));
    const completion = (await connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: saved.split('\n')[line]!.indexOf('lib:build') },
    })) as Array<{ label: string }>;
    assert.ok(completion.some((item) => item.label === 'lib:build'), JSON.stringify(completion.map((item) => item.label)));
  });
});

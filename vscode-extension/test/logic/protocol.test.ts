import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as protocol from '../../src/core/protocol';
import { PROTOCOL_SOURCES } from './support/paths';

/** The Java sources are the contract; these tests fail when the TypeScript mirror drifts from them. */
function java(name: string): string {
  const source = fs.readFileSync(path.join(PROTOCOL_SOURCES, `${name}.java`), 'utf8');
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
}

function withoutGenerics(text: string): string {
  let previous;
  do {
    previous = text;
    text = text.replace(/<[^<>]*>/g, '');
  } while (text !== previous);
  return text;
}

/** The method names on the annotations of a service interface, resolved through the constants of Methods.java. */
function annotated(source: string, annotation: string): string[] {
  const constants = new Map(
    [...java('Methods').matchAll(/static final String (\w+) = "([^"]+)";/g)].map((match) => [match[1], match[2]]),
  );
  return [...source.matchAll(new RegExp(`@${annotation}\\(Methods\\.(\\w+)\\)`, 'g'))]
    .map((match) => constants.get(match[1] ?? '') ?? `unknown constant ${match[1]}`)
    .sort();
}

function enumConstants(name: string): string[] {
  const body = /enum \w+ \{([^}]*)\}/.exec(java(name))?.[1] ?? '';
  return body
    .split(/[,;]/)
    .map((constant) => constant.trim())
    .filter((constant) => /^[A-Z_]+$/.test(constant));
}

function recordComponents(name: string): string[] {
  const header = new RegExp(`record ${name}\\(([^)]*)\\)`).exec(withoutGenerics(java(name)).replace(/\s+/g, ' '))?.[1] ?? '';
  return header
    .split(',')
    .map((component) => component.trim().split(' ').pop() ?? '')
    .filter((component) => component !== '')
    .sort();
}

/** Exhaustive key lists: the compiler rejects a missing or extra key, the test compares them with Java. */
type Keys<T> = { [K in keyof Required<T>]: true };
const fields = <T>(keys: Keys<T>): string[] => Object.keys(keys).sort();

const RECORDS: Record<string, string[]> = {
  InitializeParams: fields<protocol.InitializeParams>({ protocolVersion: true, clientName: true, clientVersion: true, root: true, subscriptions: true }),
  InitializeResult: fields<protocol.InitializeResult>({ protocolVersion: true, serverVersion: true, pid: true, root: true }),
  GraphParams: fields<protocol.GraphParams>({ cwd: true }),
  GraphResult: fields<protocol.GraphResult>({ root: true, standalone: true, projects: true, tasks: true, order: true, warnings: true }),
  ProjectInfo: fields<protocol.ProjectInfo>({ name: true, dir: true, file: true }),
  TaskInfo: fields<protocol.TaskInfo>({
    id: true, project: true, name: true, cmd: true, inputs: true, targets: true, dependsOn: true, tools: true,
    environment: true, workingDir: true, rebuild: true, file: true, line: true,
  }),
  TaskStatusInfo: fields<protocol.TaskStatusInfo>({ id: true, state: true, hash: true, reasons: true }),
  ConfigError: fields<protocol.ConfigError>({ file: true, line: true, message: true, context: true }),
  StatusParams: fields<protocol.StatusParams>({ targets: true, cwd: true, includeWrites: true }),
  StatusResult: fields<protocol.StatusResult>({ epoch: true, tasks: true, configError: true }),
  ExplainParams: fields<protocol.ExplainParams>({ task: true, cwd: true, includeWrites: true }),
  ExplainResult: fields<protocol.ExplainResult>({
    epoch: true, task: true, state: true, hash: true, previousHash: true, previousFinishedAtMillis: true, changes: true,
  }),
  Change: fields<protocol.Change>({ kind: true, subject: true, detail: true }),
  EnvParams: fields<protocol.EnvParams>({ task: true, cwd: true, environment: true }),
  EnvResult: fields<protocol.EnvResult>({ task: true, hash: true, variables: true, source: true }),
  RunParams: fields<protocol.RunParams>({ runId: true, targets: true, cwd: true, environment: true, noCache: true, parallel: true }),
  RunResult: fields<protocol.RunResult>({ runId: true, success: true, exitCode: true, statuses: true }),
  CancelParams: fields<protocol.CancelParams>({ runId: true }),
  RunEvent: fields<protocol.RunEvent>({
    runId: true, kind: true, task: true, tasks: true, warnings: true, status: true, durationMillis: true, reason: true,
    restored: true, hash: true, success: true,
  }),
  RunOutput: fields<protocol.RunOutput>({ runId: true, task: true, offset: true, text: true, replay: true }),
  HashesChanged: fields<protocol.HashesChanged>({ epoch: true, tasks: true, changedFiles: true }),
  GraphInvalidated: fields<protocol.GraphInvalidated>({ epoch: true, error: true }),
  Health: fields<protocol.Health>({ epoch: true, status: true, reason: true, remedy: true }),
};

describe('the TypeScript protocol mirrors the Java sources', () => {
  it('has the same request methods', () => {
    assert.deepEqual(Object.values(protocol.Methods).sort(), annotated(java('SameServerApi'), 'JsonRequest'));
  });

  it('has the same notifications', () => {
    assert.deepEqual(Object.values(protocol.Notifications).sort(), annotated(java('SameClientApi'), 'JsonNotification'));
  });

  it('has the same protocol version and error codes', () => {
    assert.match(java('Protocol'), new RegExp(`VERSION = ${protocol.PROTOCOL_VERSION};`));
    const codes = java('ErrorCodes');
    assert.match(codes, new RegExp(`USER_ERROR = ${protocol.ErrorCodes.userError};`));
    assert.match(codes, new RegExp(`SHUTTING_DOWN = ${protocol.ErrorCodes.shuttingDown};`));
    assert.match(codes, new RegExp(`VERSION_MISMATCH = ${protocol.ErrorCodes.versionMismatch};`));
    assert.match(codes, new RegExp(`NOT_INITIALIZED = ${protocol.ErrorCodes.notInitialized};`));
  });

  it('lists enum constants in the Java declaration order (they travel as ordinals)', () => {
    assert.deepEqual([...protocol.TASK_STATES], enumConstants('TaskState'));
    assert.deepEqual([...protocol.TASK_STATUSES], enumConstants('TaskStatus'));
    assert.deepEqual([...protocol.RUN_EVENT_KINDS], enumConstants('RunEventKind'));
  });

  for (const [record, keys] of Object.entries(RECORDS)) {
    it(`has the fields of ${record}`, () => {
      assert.deepEqual(keys, recordComponents(record));
    });
  }
});

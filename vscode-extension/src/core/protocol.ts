/**
 * The wire contract with the same daemon, mirrored by hand from the Java definitions in
 * protocol/src/main/java/dev/same/protocol (the source of truth; protocol/PROTOCOL.md describes them).
 * test/logic/protocol.test.ts checks every method, error code, enum and interface here (fields, their types,
 * and which may be null or absent) against protocol/protocol.schema.json, which the Java side generates.
 */

export const PROTOCOL_VERSION = 1;

export const Methods = {
  initialize: 'initialize',
  graph: 'workspace/graph',
  status: 'workspace/status',
  explain: 'task/explain',
  environment: 'task/environment',
  runStart: 'run/start',
  runCancel: 'run/cancel',
  runAttach: 'run/attach',
  clean: 'workspace/clean',
  daemonStatus: 'daemon/status',
  daemonStop: 'daemon/stop',
} as const;

export const Notifications = {
  runEvent: 'run/event',
  runOutput: 'run/output',
  hashesChanged: 'workspace/hashesChanged',
  graphInvalidated: 'workspace/graphInvalidated',
  health: 'daemon/health',
} as const;

export const ErrorCodes = {
  userError: -32001,
  shuttingDown: -32002,
  versionMismatch: -32003,
  notInitialized: -32004,
  internalError: -32603,
} as const;

export const SUBSCRIPTIONS = ['hashes', 'graph', 'health'] as const;
export type Subscription = (typeof SUBSCRIPTIONS)[number];

export interface InitializeParams {
  protocolVersion: number;
  clientName: string;
  clientVersion: string;
  root: string;
  subscriptions: Subscription[] | null;
}

export interface InitializeResult {
  protocolVersion: number;
  serverVersion: string;
  pid: number;
  root: string;
}

export interface GraphParams {
  cwd: string;
}

export interface ProjectInfo {
  name: string;
  dir: string;
  file: string;
}

export interface TaskInfo {
  id: string;
  project: string;
  name: string;
  cmd: string[];
  inputs: string[];
  targets: string[];
  dependsOn: string[];
  tools: string[];
  environment: Record<string, string>;
  workingDir: string;
  rebuild: string;
  file: string;
  line: number;
}

export interface GraphResult {
  root: string;
  standalone: boolean;
  projects: ProjectInfo[];
  tasks: TaskInfo[];
  order: string[];
  warnings: string[];
}

/**
 * Enum constants in their Java declaration order. The daemon sends enums by name (`"state": "DIRTY"`);
 * ./wire.ts also reads the ordinals older daemons sent.
 */
export const TASK_STATES = ['CLEAN', 'DIRTY', 'RUNNING', 'FAILED', 'UNKNOWN'] as const;
export const TASK_STATUSES = ['OK', 'CACHED', 'FAILED', 'SKIPPED', 'CANCELLED'] as const;
export const RUN_EVENT_KINDS = ['PLANNED', 'TASK_STARTED', 'TASK_FINISHED', 'RUN_FINISHED'] as const;
export const HEALTH_STATUSES = ['OK', 'DEGRADED', 'SHUTTING_DOWN'] as const;

export type TaskState = (typeof TASK_STATES)[number];

/** The first reason of a DIRTY task whose result the remote cache holds (TaskStatusInfo.REMOTE_HIT_AVAILABLE). */
export const REMOTE_HIT_AVAILABLE = "remote hit available";

export interface TaskStatusInfo {
  id: string;
  state: TaskState;
  hash: string | null;
  reasons: string[];
}

export interface ConfigError {
  file: string | null;
  line: number;
  message: string;
  context: string[] | null;
}

export interface StatusParams {
  targets: string[];
  cwd: string;
  includeWrites: boolean;
}

export interface StatusResult {
  epoch: number;
  tasks: TaskStatusInfo[];
  configError: ConfigError | null;
}

export interface ExplainParams {
  task: string;
  cwd: string;
  includeWrites: boolean;
}

export type ChangeKind =
  | 'FILE_ADDED'
  | 'FILE_REMOVED'
  | 'FILE_CHANGED'
  | 'UPSTREAM_CHANGED'
  | 'ENVIRONMENT_CHANGED'
  | 'DEFINITION_CHANGED'
  | 'NEVER_RUN'
  | 'ALWAYS_REBUILD'
  | 'FAILED'
  | 'UNKNOWN'
  | 'RUNNING';

export interface Change {
  kind: ChangeKind | string;
  subject: string | null;
  detail: string | null;
}

export interface ExplainResult {
  epoch: number;
  task: string;
  state: TaskState;
  hash: string | null;
  previousHash: string | null;
  previousFinishedAtMillis: number | null;
  changes: Change[];
}

export interface EnvParams {
  task: string;
  cwd: string;
  environment: Record<string, string>;
}

/** The variables a task runs with, the hash of its tool environment, and where that comes from. */
export interface EnvResult {
  task: string;
  hash: string;
  variables: Record<string, string>;
  source: string;
}

export interface RunParams {
  runId: string;
  targets: string[];
  cwd: string;
  environment: Record<string, string>;
  noCache: boolean;
  parallel: number;
}

export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface RunResult {
  runId: string;
  success: boolean;
  exitCode: number;
  statuses: Record<string, TaskStatus>;
}

export interface CancelParams {
  runId: string;
}

export interface AttachParams {
  runId: string;
  fromMessage: number;
}

export interface CleanParams {
  cache: boolean;
  tools: boolean;
}

export interface CleanResult {
  removed: string[];
  bytes: number;
}

export type RunEventKind = (typeof RUN_EVENT_KINDS)[number];

export interface RunEvent {
  runId: string;
  kind: RunEventKind;
  task?: string;
  tasks?: string[];
  warnings?: string[];
  status?: TaskStatus;
  durationMillis?: number;
  durationMicros?: number;
  reason?: string;
  restored?: boolean;
  hash?: string;
  success?: boolean;
  remoteBytes?: number;
}

export interface RunOutput {
  runId: string;
  task: string;
  offset: number;
  text: string;
  replay: boolean;
}

export interface HashesChanged {
  epoch: number;
  tasks: TaskStatusInfo[];
  changedFiles: string[];
}

export interface GraphInvalidated {
  epoch: number;
  error: ConfigError | null;
}

export type HealthStatus = (typeof HEALTH_STATUSES)[number];

export interface Health {
  epoch: number;
  status: HealthStatus;
  reason: string | null;
  remedy: string | null;
}

export interface DaemonStatus {
  pid: number;
  version: string;
  root: string;
  socket: string;
  startedAtMillis: number;
  uptimeMillis: number;
  idleTimeoutMillis: number;
  idleRemainingMillis: number;
  heapUsedBytes: number;
  rssBytes: number;
  clients: string[];
  activeRuns: string[];
  cacheHits: number;
  cacheMisses: number;
  epoch: number;
  health: string;
  watchedDirectories: number;
  watchEvents: number;
  rescans: number;
  envCacheHits: number;
  envCacheMisses: number;
  remoteCache?: RemoteCacheStatus | null;
}

export interface RemoteCacheStatus {
  url: string;
  readOnly: boolean;
  hits: number;
  misses: number;
  bytesDown: number;
  bytesUp: number;
  errors: number;
  pendingUploads: number;
  failedUploads: number;
  lastError?: string | null;
}

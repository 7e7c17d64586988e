import {
  ExplainResult,
  HashesChanged,
  RUN_EVENT_KINDS,
  RunEvent,
  RunResult,
  StatusResult,
  TASK_STATES,
  TASK_STATUSES,
  TaskStatusInfo,
} from './protocol';

/**
 * Normalises what arrives from the daemon: enum values come as names (or as ordinals from older daemons)
 * and become names; absent lists become empty ones.
 */
export function decodeEnum<T extends string>(values: readonly T[], raw: unknown, fallback: T): T {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw < values.length) {
    return values[raw] as T;
  }
  if (typeof raw === 'string' && (values as readonly string[]).includes(raw)) {
    return raw as T;
  }
  return fallback;
}

export function decodeTaskStatusInfo(raw: TaskStatusInfo): TaskStatusInfo {
  return {
    id: raw.id,
    state: decodeEnum(TASK_STATES, raw.state, 'UNKNOWN'),
    hash: raw.hash ?? null,
    reasons: raw.reasons ?? [],
  };
}

export function decodeStatusResult(raw: StatusResult): StatusResult {
  return {
    epoch: raw.epoch,
    tasks: (raw.tasks ?? []).map(decodeTaskStatusInfo),
    configError: raw.configError ?? null,
  };
}

export function decodeHashesChanged(raw: HashesChanged): HashesChanged {
  return {
    epoch: raw.epoch,
    tasks: (raw.tasks ?? []).map(decodeTaskStatusInfo),
    changedFiles: raw.changedFiles ?? [],
  };
}

export function decodeExplainResult(raw: ExplainResult): ExplainResult {
  return {
    ...raw,
    state: decodeEnum(TASK_STATES, raw.state, 'UNKNOWN'),
    hash: raw.hash ?? null,
    previousHash: raw.previousHash ?? null,
    previousFinishedAtMillis: raw.previousFinishedAtMillis ?? null,
    changes: raw.changes ?? [],
  };
}

export function decodeRunEvent(raw: RunEvent): RunEvent {
  const event: RunEvent = { ...raw, kind: decodeEnum(RUN_EVENT_KINDS, raw.kind, 'PLANNED') };
  if (raw.status !== undefined && raw.status !== null) {
    event.status = decodeEnum(TASK_STATUSES, raw.status, 'FAILED');
  }
  return event;
}

export function decodeRunResult(raw: RunResult): RunResult {
  const statuses: RunResult['statuses'] = {};
  for (const [task, status] of Object.entries(raw.statuses ?? {})) {
    statuses[task] = decodeEnum(TASK_STATUSES, status, 'FAILED');
  }
  return { ...raw, statuses };
}

import { Change, ExplainResult, TaskState } from './protocol';

const STATE_WORDS: Record<TaskState, string> = {
  CLEAN: 'clean — its outputs match the cache',
  DIRTY: 'dirty — it would run',
  RUNNING: 'running',
  FAILED: 'failed — its last run at this hash failed',
  UNKNOWN: 'unknown — its hash cannot be computed',
};

/** `task/explain` as a Markdown document: the state, the hashes, and what changed since the last good run. */
export function renderExplain(result: ExplainResult, now: number = Date.now()): string {
  const lines = [`# Why is \`${result.task}\` ${result.state.toLowerCase()}?`, ''];
  lines.push(`**State:** ${STATE_WORDS[result.state] ?? result.state}`, '');
  if (result.previousFinishedAtMillis !== null) {
    lines.push(`**Last successful run:** ${ago(now - result.previousFinishedAtMillis)} (${new Date(result.previousFinishedAtMillis).toISOString()})`, '');
  } else {
    lines.push('**Last successful run:** never', '');
  }
  lines.push(`**Hash now:** \`${result.hash ?? '—'}\``, '');
  lines.push(`**Hash then:** \`${result.previousHash ?? '—'}\``, '');
  lines.push('## Changes', '');
  if (result.changes.length === 0) {
    lines.push('Nothing changed since the last successful run.');
  } else {
    for (const change of result.changes) {
      lines.push(`- ${describeChange(change)}`);
    }
  }
  lines.push('', `_workspace epoch ${result.epoch}_`, '');
  return lines.join('\n');
}

export function describeChange(change: Change): string {
  if (change.kind === 'ENVIRONMENT_CHANGED' && change.subject?.startsWith('@') && change.detail) {
    return change.detail; // @tools, @platform: the daemon's words say it all ("platform changed: x86_64-linux → …")
  }
  const subject = change.subject ? `\`${change.subject}\`` : '';
  const title = CHANGE_TITLES[change.kind] ?? change.kind.toLowerCase().replace(/_/g, ' ');
  const head = subject ? `${title}: ${subject}` : title;
  const detail = change.detail ?? '';
  const redundant = detail === '' || (change.subject !== null && detail.endsWith(change.subject));
  return redundant ? head : `${head} — ${detail}`;
}

const CHANGE_TITLES: Record<string, string> = {
  FILE_ADDED: 'file added',
  FILE_REMOVED: 'file removed',
  FILE_CHANGED: 'file changed',
  UPSTREAM_CHANGED: 'upstream changed',
  ENVIRONMENT_CHANGED: 'environment changed',
  DEFINITION_CHANGED: 'definition changed',
  NEVER_RUN: 'never run',
  ALWAYS_REBUILD: 'always rebuilds (rebuild: always)',
  FAILED: 'failed',
  UNKNOWN: 'unknown',
  RUNNING: 'running',
};

function ago(millis: number): string {
  const seconds = Math.max(0, Math.round(millis / 1000));
  if (seconds < 60) {
    return `${seconds}s ago`;
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return `${minutes}m ago`;
  }
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours}h ago` : `${Math.round(hours / 24)}d ago`;
}

import type { ConnectionState } from './connection';
import { describeProbes } from './launcherSearch';

/** A line the tasks view shows about the daemon: what is happening, or what to do (then `command` does it). */
export interface NoticeRow {
  readonly label: string;
  readonly detail?: string;
  /** A codicon name. */
  readonly icon: string;
  readonly command?: string;
  readonly children?: readonly NoticeRow[];
}

/**
 * What the tasks view says, above the projects (or instead of them), while the daemon is not simply connected:
 * starting, reconnecting, not found (with where `same` was looked for and "Set path…"), failed (with the log),
 * stopped (with "Start daemon"). Nothing when connected and the graph is known.
 */
export function connectionNotice(state: ConnectionState, hasGraph: boolean): NoticeRow[] {
  switch (state.kind) {
    case 'idle':
    case 'connecting':
      return [{ label: 'Connecting to the same daemon…', icon: 'loading~spin' }];
    case 'starting':
      return [{ label: 'Starting the same daemon…', detail: state.launcher, icon: 'loading~spin' }];
    case 'connected':
      return hasGraph ? [] : [{ label: 'Loading the task graph…', icon: 'loading~spin' }];
    case 'reconnecting':
      return [{ label: 'Reconnecting to the daemon…', detail: state.reason, icon: 'loading~spin' }];
    case 'stopped':
      return [
        { label: 'The same daemon is stopped', detail: state.reason, icon: 'debug-stop' },
        { label: 'Start daemon', icon: 'play', command: 'same.startDaemon' },
      ];
    case 'failed':
      if (state.probes) {
        return [
          {
            label: 'Could not find `same`',
            detail: 'looked at:',
            icon: 'error',
            children: describeProbes(state.probes).map((line) => ({ label: line, icon: 'circle-small' })),
          },
          { label: 'Set path…', detail: 'the same.path setting', icon: 'gear', command: 'same.setPath' },
          { label: 'Retry', icon: 'refresh', command: 'same.reconnect' },
        ];
      }
      return [
        { label: 'The daemon could not start', detail: state.reason, icon: 'error' },
        { label: 'Open daemon log', icon: 'output', command: 'same.openDaemonLog' },
        { label: 'Retry', icon: 'refresh', command: 'same.reconnect' },
      ];
    case 'disposed':
      return [];
  }
}

import type { Requester } from './connection';
import {
  DaemonStatus,
  ExplainResult,
  GraphResult,
  Methods,
  RunParams,
  RunResult,
  StatusResult,
} from './protocol';
import { decodeExplainResult, decodeRunResult, decodeStatusResult } from './wire';

/** Typed requests of the same protocol, for one workspace root. */
export class SameClient {
  constructor(private readonly requester: Requester, private readonly root: string) {}

  graph(): Promise<GraphResult> {
    return this.requester.request(Methods.graph, { cwd: this.root });
  }

  status(includeWrites = false, targets: string[] = []): Promise<StatusResult> {
    return this.requester
      .request<StatusResult>(Methods.status, { targets, cwd: this.root, includeWrites })
      .then(decodeStatusResult);
  }

  explain(task: string, includeWrites = true): Promise<ExplainResult> {
    return this.requester
      .request<ExplainResult>(Methods.explain, { task, cwd: this.root, includeWrites })
      .then(decodeExplainResult);
  }

  runStart(params: RunParams): Promise<RunResult> {
    return this.requester.request<RunResult>(Methods.runStart, params).then(decodeRunResult);
  }

  runCancel(runId: string): Promise<boolean> {
    return this.requester.request(Methods.runCancel, { runId });
  }

  daemonStatus(): Promise<DaemonStatus> {
    return this.requester.request(Methods.daemonStatus);
  }

  daemonStop(): Promise<boolean> {
    return this.requester.request(Methods.daemonStop);
  }
}

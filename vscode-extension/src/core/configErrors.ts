import { ConfigError, ErrorCodes } from './protocol';

/** A JSON-RPC error as vscode-jsonrpc hands it over (ResponseError), reduced to what is read here. */
export interface RpcErrorLike {
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
}

const CONTEXT_LOCATION = /^at (.+?):(\d+)(?::\d+)?$/;
const CONTEXT_FILE = /^at (\S.*\.ya?ml)$/;
const MESSAGE_LOCATION = /\bin (\S+\.ya?ml) at line (\d+)/;

export function isUserError(error: unknown): error is RpcErrorLike {
  return typeof error === 'object' && error !== null && (error as RpcErrorLike).code === ErrorCodes.userError;
}

/**
 * The configuration error a USER_ERROR (-32001) answer describes, when it names a file: in a context line
 * (`at packages/app/same.yaml:8`, or `at packages/lib/same.yaml` without a line, as "missing project name" says:
 * line 0) or in the message (`invalid YAML in packages/app/same.yaml at line 5`).
 */
export function configErrorFromResponse(error: RpcErrorLike): ConfigError | null {
  const context = Array.isArray(error.data) ? error.data.filter((line): line is string => typeof line === 'string') : [];
  for (const line of context) {
    const match = CONTEXT_LOCATION.exec(line.trim());
    if (match?.[1] && match[2]) {
      return { file: match[1], line: Number(match[2]), message: error.message, context };
    }
  }
  for (const line of context) {
    const match = CONTEXT_FILE.exec(line.trim());
    if (match?.[1]) {
      return { file: match[1], line: 0, message: error.message, context };
    }
  }
  const match = MESSAGE_LOCATION.exec(error.message);
  if (match?.[1] && match[2]) {
    return { file: match[1], line: Number(match[2]), message: error.message, context };
  }
  return null;
}

/** One line of text for a configuration error, with its context. */
export function describeConfigError(error: ConfigError): string {
  const context = (error.context ?? []).filter((line) => !line.startsWith('at '));
  return context.length > 0 ? `${error.message} (${context.join('; ')})` : error.message;
}

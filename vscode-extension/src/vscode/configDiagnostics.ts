import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeConfigError } from '../core/configErrors';
import type { ConfigError } from '../core/protocol';
import type { TaskModel } from '../core/taskModel';
import { SAMEFILE, WORKFILE } from '../core/workspaceRoot';

/** The configuration error, if any, in the Problems panel at its file and line. */
export class ConfigDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('same');
  private readonly subscription: { dispose(): void };
  private shown = '';

  constructor(private readonly model: TaskModel, private readonly root: string) {
    this.subscription = model.onDidChange(() => this.update());
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }

  private update(): void {
    const error = this.model.configError;
    const key = JSON.stringify(error);
    if (key === this.shown) {
      return;
    }
    this.shown = key;
    this.collection.clear();
    if (error) {
      this.collection.set(vscode.Uri.file(this.fileOf(error)), [diagnosticOf(error)]);
    }
  }

  private fileOf(error: ConfigError): string {
    if (error.file) {
      return path.resolve(this.root, error.file);
    }
    const workfile = path.join(this.root, WORKFILE);
    return fs.existsSync(workfile) ? workfile : path.join(this.root, SAMEFILE);
  }
}

function diagnosticOf(error: ConfigError): vscode.Diagnostic {
  const line = Math.max(0, error.line - 1);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
    describeConfigError(error),
    vscode.DiagnosticSeverity.Error,
  );
  diagnostic.source = 'same';
  return diagnostic;
}

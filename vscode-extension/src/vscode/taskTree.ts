import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeConfigError } from '../core/configErrors';
import type { DaemonConnection } from '../core/connection';
import { NoticeRow, connectionNotice } from '../core/connectionNotice';
import type { ConfigError } from '../core/protocol';
import type { ProjectView, TaskModel, TaskView } from '../core/taskModel';
import { lookOf, taskIcon } from './stateIcons';

export type TreeNode =
  | { readonly kind: 'project'; readonly project: ProjectView }
  | { readonly kind: 'task'; readonly task: TaskView }
  | { readonly kind: 'configError'; readonly error: ConfigError }
  | { readonly kind: 'notice'; readonly row: NoticeRow; readonly index: string };

/**
 * The "same" view: what the daemon connection is doing when that matters (with the action that helps), a
 * configuration error, then projects → tasks, each with its live state.
 */
export class TaskTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscriptions: Array<{ dispose(): void }>;

  constructor(private readonly model: TaskModel, private readonly connection: DaemonConnection, private readonly root: string) {
    this.subscriptions = [
      model.onDidChange(() => this.changeEmitter.fire(undefined)),
      connection.onDidChangeState(() => this.changeEmitter.fire(undefined)),
    ];
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      const notices: TreeNode[] = connectionNotice(this.connection.state, this.model.hasGraph).map((row, index) => ({
        kind: 'notice',
        row,
        index: String(index),
      }));
      const error = this.model.configError;
      const projects: TreeNode[] = this.model.projects().map((project) => ({ kind: 'project', project }));
      return [...notices, ...(error ? [{ kind: 'configError', error } as TreeNode] : []), ...projects];
    }
    if (node.kind === 'notice') {
      return (node.row.children ?? []).map((row, index) => ({ kind: 'notice', row, index: `${node.index}.${index}` }));
    }
    return node.kind === 'project' ? node.project.tasks.map((task) => ({ kind: 'task', task })) : [];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'project':
        return this.projectItem(node.project);
      case 'task':
        return this.taskItem(node.task);
      case 'configError':
        return this.errorItem(node.error);
      case 'notice':
        return noticeItem(node.row, node.index);
    }
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changeEmitter.dispose();
  }

  private projectItem(project: ProjectView): vscode.TreeItem {
    const item = new vscode.TreeItem(project.info.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `project:${project.info.name}`;
    item.iconPath = new vscode.ThemeIcon('folder-library');
    const dirty = project.tasks.filter((task) => task.state === 'DIRTY').length;
    const running = project.tasks.filter((task) => task.state === 'RUNNING').length;
    item.description = running > 0 ? `${running} running` : dirty > 0 ? `${dirty} dirty` : project.info.dir;
    item.contextValue = 'project';
    item.resourceUri = vscode.Uri.file(path.join(this.root, project.info.file));
    item.tooltip = project.info.file;
    return item;
  }

  private taskItem(task: TaskView): vscode.TreeItem {
    const item = new vscode.TreeItem(task.name, vscode.TreeItemCollapsibleState.None);
    item.id = `task:${task.id}`;
    item.iconPath = taskIcon(task);
    const word = lookOf(task).word;
    const reason = task.reasons[0];
    item.description = word + (reason && task.state !== 'CLEAN' && task.state !== 'RUNNING' ? ` · ${reason}` : '');
    item.tooltip = taskTooltip(task);
    item.contextValue = task.state === 'RUNNING' ? 'task.running' : `task.${task.state.toLowerCase()}`;
    item.accessibilityInformation = { label: `${task.id}, ${word}` };
    item.command = { command: 'same.revealTask', title: 'Open Definition', arguments: [task.id] };
    return item;
  }

  private errorItem(error: ConfigError): vscode.TreeItem {
    const item = new vscode.TreeItem('configuration error', vscode.TreeItemCollapsibleState.None);
    item.id = 'configError';
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'));
    item.description = `${describeConfigError(error)} — task states unknown until it is fixed`;
    item.accessibilityInformation = { label: `configuration error: ${describeConfigError(error)}` };
    item.tooltip = `${error.file ?? ''}${error.file && error.line > 0 ? `:${error.line}` : ''}\n${describeConfigError(error)}`;
    if (error.file) {
      item.command = {
        command: 'vscode.open',
        title: 'Open',
        arguments: [
          vscode.Uri.file(path.join(this.root, error.file)),
          { selection: new vscode.Range(Math.max(0, error.line - 1), 0, Math.max(0, error.line - 1), 0) },
        ],
      };
    }
    return item;
  }
}

function noticeItem(row: NoticeRow, index: string): vscode.TreeItem {
  const item = new vscode.TreeItem(
    row.label,
    row.children && row.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  item.id = `notice:${index}:${row.label}`;
  item.iconPath = new vscode.ThemeIcon(row.icon);
  item.description = row.detail;
  item.tooltip = row.detail ? `${row.label}\n${row.detail}` : row.label;
  item.contextValue = 'notice';
  if (row.command) {
    item.command = { command: row.command, title: row.label };
  }
  return item;
}

export function taskTooltip(task: TaskView): vscode.MarkdownString {
  const lines = [
    `**${task.id}** — ${lookOf(task).word}`,
    '',
    `hash: \`${task.hash ? task.hash.slice(0, 16) : '—'}\``,
  ];
  if (task.reasons.length > 0) {
    lines.push('', ...task.reasons.map((reason) => `- ${reason}`));
  }
  if (task.info.cmd.length > 0) {
    lines.push('', '```sh', task.info.cmd.join(' '), '```');
  }
  lines.push('', `_${task.info.file}:${task.info.line}_ — click to open`);
  return new vscode.MarkdownString(lines.join('\n'));
}

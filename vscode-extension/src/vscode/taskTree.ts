import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeConfigError } from '../core/configErrors';
import type { ConfigError } from '../core/protocol';
import type { ProjectView, TaskModel, TaskView } from '../core/taskModel';
import { STATE_LOOK, stateIcon } from './stateIcons';

export type TreeNode =
  | { readonly kind: 'project'; readonly project: ProjectView }
  | { readonly kind: 'task'; readonly task: TaskView }
  | { readonly kind: 'configError'; readonly error: ConfigError };

/** The "same" view: projects → tasks, each with its live state; a configuration error on top. */
export class TaskTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly model: TaskModel, private readonly root: string) {
    this.subscription = model.onDidChange(() => this.changeEmitter.fire(undefined));
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      const error = this.model.configError;
      const projects: TreeNode[] = this.model.projects().map((project) => ({ kind: 'project', project }));
      return error ? [{ kind: 'configError', error }, ...projects] : projects;
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
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private projectItem(project: ProjectView): vscode.TreeItem {
    const item = new vscode.TreeItem(project.info.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `project:${project.info.name}`;
    item.iconPath = new vscode.ThemeIcon('folder-library');
    const dirty = project.tasks.filter((task) => task.state === 'DIRTY').length;
    item.description = dirty > 0 ? `${dirty} dirty` : project.info.dir;
    item.contextValue = 'project';
    item.resourceUri = vscode.Uri.file(path.join(this.root, project.info.file));
    item.tooltip = project.info.file;
    return item;
  }

  private taskItem(task: TaskView): vscode.TreeItem {
    const item = new vscode.TreeItem(task.name, vscode.TreeItemCollapsibleState.None);
    item.id = `task:${task.id}`;
    item.iconPath = stateIcon(task.state);
    const reason = task.reasons[0];
    item.description = STATE_LOOK[task.state].word + (reason && task.state !== 'CLEAN' ? ` · ${reason}` : '');
    item.tooltip = taskTooltip(task);
    item.contextValue = `task.${task.state.toLowerCase()}`;
    item.accessibilityInformation = { label: `${task.id}, ${STATE_LOOK[task.state].word}` };
    return item;
  }

  private errorItem(error: ConfigError): vscode.TreeItem {
    const item = new vscode.TreeItem('configuration error', vscode.TreeItemCollapsibleState.None);
    item.id = 'configError';
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'));
    item.description = describeConfigError(error);
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

export function taskTooltip(task: TaskView): vscode.MarkdownString {
  const lines = [
    `**${task.id}** — ${STATE_LOOK[task.state].word}`,
    '',
    `hash: \`${task.hash ? task.hash.slice(0, 16) : '—'}\``,
  ];
  if (task.reasons.length > 0) {
    lines.push('', ...task.reasons.map((reason) => `- ${reason}`));
  }
  if (task.info.cmd.length > 0) {
    lines.push('', '```sh', task.info.cmd.join(' '), '```');
  }
  return new vscode.MarkdownString(lines.join('\n'));
}

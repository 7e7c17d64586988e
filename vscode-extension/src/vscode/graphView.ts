import * as vscode from 'vscode';
import { layoutGraph } from '../core/graphLayout';
import type { TaskModel } from '../core/taskModel';
import { lookOf } from './stateIcons';

/** What the webview draws: the layout and each task's state word and reason. */
interface GraphMessage {
  readonly layout: ReturnType<typeof layoutGraph>;
  readonly states: Record<string, { readonly word: string; readonly reason: string }>;
}

/**
 * The task graph in a webview: tasks in columns (dependencies to the left), coloured by their live state and
 * redrawn on every change; its ▶ button runs a task (■ stops it), ? explains it, a click on it opens its definition.
 */
export class GraphView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly subscription: { dispose(): void };

  constructor(private readonly model: TaskModel) {
    this.subscription = model.onDidChange(() => this.post());
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel('same.graph', 'same: task graph', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
    });
    this.panel = panel;
    panel.webview.html = page(panel.webview.cspSource, nonce());
    panel.webview.onDidReceiveMessage((message: { command: string; task: string }) => {
      const commands: Record<string, string> = { run: 'same.runTask', open: 'same.revealTask', why: 'same.explainTask', stop: 'same.stopTask' };
      const command = commands[message.command];
      if (command && typeof message.task === 'string') {
        void vscode.commands.executeCommand(command, message.task);
      }
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
    });
    this.post();
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }

  private post(): void {
    if (!this.panel) {
      return;
    }
    const tasks = this.model.tasks();
    const states: GraphMessage['states'] = {};
    for (const task of tasks) {
      states[task.id] = { word: lookOf(task).word, reason: task.reasons[0] ?? '' };
    }
    const message: GraphMessage = { layout: layoutGraph(tasks.map((task) => ({ id: task.id, dependsOn: task.info.dependsOn }))), states };
    void this.panel.webview.postMessage(message);
  }
}

function nonce(): string {
  return Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
}

function page(cspSource: string, scriptNonce: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${scriptNonce}';">
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 12px; }
  .task rect { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-editorWidget-border, #888); stroke-width: 1.5; rx: 6; cursor: pointer; }
  .task:hover rect { stroke: var(--vscode-focusBorder); }
  .task text { fill: var(--vscode-foreground); font-size: 13px; pointer-events: none; }
  .task .state { font-size: 11px; opacity: .85; }
  .task.clean rect { stroke: var(--vscode-testing-iconPassed, #3a3); }
  .task.dirty rect { stroke: var(--vscode-list-warningForeground, #c80); }
  .task.running rect { stroke: var(--vscode-charts-blue, #38f); stroke-dasharray: 4 3; }
  .task.failed rect { stroke: var(--vscode-testing-iconFailed, #d33); }
  .edge { stroke: var(--vscode-descriptionForeground, #888); fill: none; marker-end: url(#arrow); }
    .button { cursor: pointer; } .button rect { stroke: none !important; fill: transparent !important; } .button text { font-size: 12px; fill: var(--vscode-textLink-foreground); }
  p.help { color: var(--vscode-descriptionForeground); margin: 0 0 8px; }
</style></head>
<body>
<p class="help">▶ runs a task (■ stops it), ? explains its state, a click elsewhere on it opens its definition.</p>
<svg id="graph" xmlns="http://www.w3.org/2000/svg"></svg>
<script nonce="${scriptNonce}">
const vscode = acquireVsCodeApi();
const W = 190, H = 46, GX = 70, GY = 22, NS = 'http://www.w3.org/2000/svg';
const svg = document.getElementById('graph');
function el(name, attrs, parent) { const e = document.createElementNS(NS, name); for (const k in attrs) e.setAttribute(k, attrs[k]); parent.appendChild(e); return e; }
function draw(message) {
  const { layout, states } = message;
  svg.textContent = '';
  svg.setAttribute('width', String(Math.max(1, layout.columns) * (W + GX)));
  svg.setAttribute('height', String(Math.max(1, layout.rows) * (H + GY) + 10));
  const defs = el('defs', {}, svg);
  const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto' }, defs);
  el('path', { d: 'M0,0 L10,5 L0,10 z', fill: 'currentColor' }, marker);
  const at = new Map(layout.tasks.map((t) => [t.id, { x: t.column * (W + GX) + 2, y: t.row * (H + GY) + 2 }]));
  for (const edge of layout.edges) {
    const a = at.get(edge.from), b = at.get(edge.to);
    const x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x, y2 = b.y + H / 2, mx = (x1 + x2) / 2;
    el('path', { class: 'edge', d: 'M' + x1 + ',' + y1 + ' C' + mx + ',' + y1 + ' ' + mx + ',' + y2 + ' ' + x2 + ',' + y2 }, svg);
  }
  for (const task of layout.tasks) {
    const p = at.get(task.id), state = states[task.id] || { word: 'unknown', reason: '' };
    const g = el('g', { class: 'task ' + state.word, transform: 'translate(' + p.x + ',' + p.y + ')', 'data-task': task.id, 'data-state': state.word }, svg);
    el('rect', { width: W, height: H, rx: 6 }, g);
    el('title', {}, g).textContent = task.id + ': ' + state.word + (state.reason ? ' — ' + state.reason : '');
    el('text', { x: 10, y: 19 }, g).textContent = task.id;
    el('text', { x: 10, y: 36, class: 'state' }, g).textContent = state.word + (state.reason && state.word !== 'clean' ? ' · ' + state.reason.slice(0, 24) : '');
    button(g, W - 40, state.word === 'running' ? '\u25A0' : '\u25B6', state.word === 'running' ? 'stop' : 'run', task.id);
    button(g, W - 20, '?', 'why', task.id);
    g.addEventListener('click', () => vscode.postMessage({ command: 'open', task: task.id }));
  }
}
function button(g, x, label, command, task) {
  const b = el('g', { class: 'button', transform: 'translate(' + x + ',6)', 'data-command': command }, g);
  el('rect', { x: -4, y: -2, width: 18, height: 18, fill: 'transparent', stroke: 'none' }, b);
  el('text', { x: 0, y: 12 }, b).textContent = label;
  el('title', {}, b).textContent = command === 'why' ? 'Why?' : command === 'run' ? 'Run' : 'Stop';
  b.addEventListener('click', (e) => { e.stopPropagation(); vscode.postMessage({ command, task }); });
}
window.addEventListener('message', (event) => draw(event.data));
</script></body></html>`;
}

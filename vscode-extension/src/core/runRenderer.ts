import { seconds, taskDuration } from './durations';
import { RunEvent, RunOutput } from './protocol';

const TASK_COLOURS = ['36', '35', '33', '34', '96', '95', '93', '94'];
const EOL = '\r\n';

/**
 * Renders a run as the CLI's linear mode does (`[task] line`, `[task] ✓ Completed in 1.2s`…), with ANSI
 * colours and terminal line ends, for a pseudoterminal. Each task keeps one colour, assigned in planned order.
 */
export class LinearRunRenderer {
  private readonly colours = new Map<string, string>();

  constructor(private readonly colour = true) {}

  event(event: RunEvent): string {
    switch (event.kind) {
      case 'PLANNED':
        for (const task of event.tasks ?? []) {
          this.colourOf(task);
        }
        return (event.warnings ?? []).map((warning) => this.paint('33', '⚠ Warning: ') + warning + EOL).join('');
      case 'TASK_STARTED':
        return `${this.prefix(event.task)} Starting...${EOL}`;
      case 'TASK_FINISHED':
        return `${this.prefix(event.task)} ${this.finished(event)}${EOL}`;
      case 'RUN_FINISHED':
        return '';
    }
  }

  output(output: RunOutput): string {
    const prefix = this.prefix(output.task) + ' ';
    const text = output.text.endsWith('\n') ? output.text.slice(0, -1) : output.text;
    return text
      .split('\n')
      .map((line) => prefix + line.replace(/\r$/, '') + EOL)
      .join('');
  }

  /** The closing line of a run, after the daemon's answer. */
  summary(success: boolean, durationMillis: number | undefined): string {
    const took = durationMillis === undefined ? '' : ` in ${seconds(durationMillis)}`;
    return success ? `${this.paint('32', '✓')} Run succeeded${took}${EOL}` : `${this.paint('31', '✗')} Run failed${took}${EOL}`;
  }

  error(message: string, context: readonly string[] = []): string {
    return `${this.paint('31', '✗ Error:')} ${message}${EOL}` + context.map((line) => `  ${line}${EOL}`).join('');
  }

  private finished(event: RunEvent): string {
    const took = taskDuration(event.durationMillis, event.durationMicros);
    switch (event.status) {
      case 'OK':
        return `${this.paint('32', '✓')} Completed in ${took}`;
      case 'CACHED':
        return `${this.paint('2', '~')} Cached (skipped in ${took})`;
      case 'FAILED':
        return `${this.paint('31', '✗')} Failed after ${took}: ${event.reason ?? 'failed'}`;
      case 'SKIPPED':
        return `${this.paint('33', '-')} Skipped: ${event.reason ?? ''}`;
      case 'CANCELLED':
        return `${this.paint('31', '✗')} Cancelled after ${took}`;
      default:
        return 'finished';
    }
  }

  private prefix(task: string | undefined): string {
    const name = task ?? '?';
    return `[${this.paint(this.colourOf(name), name)}]`;
  }

  private colourOf(task: string): string {
    let colour = this.colours.get(task);
    if (!colour) {
      colour = TASK_COLOURS[this.colours.size % TASK_COLOURS.length] ?? '36';
      this.colours.set(task, colour);
    }
    return colour;
  }

  private paint(code: string, text: string): string {
    return this.colour ? `\u001b[${code}m${text}\u001b[0m` : text;
  }
}

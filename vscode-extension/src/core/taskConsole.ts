/** Clears the screen and the scrollback, then homes the cursor: a rerun starts on a clean page. */
export const CLEAR = '\u001b[2J\u001b[3J\u001b[H';

/** A run a console can show: started once, cancellable; `start` resolves with the exit code. */
export interface ConsoleRun {
  readonly runId: string;
  start(): Promise<number>;
  cancel(): Promise<void>;
}

/**
 * The text side of one task's terminal, kept for the terminal's whole life: runs of the same targets are shown
 * one after another in it (each on a cleared page), the output of a finished or stopped run stays readable, and
 * what is written before the terminal opens is kept until it does. Closing it cancels the run it shows.
 */
export class TaskConsole {
  private opened = false;
  private pending: string[] = [];
  private current: ConsoleRun | undefined;
  private isClosed = false;
  private runs = 0;

  constructor(
    readonly key: string,
    private readonly sink: (text: string) => void,
  ) {}

  get busy(): boolean {
    return this.current !== undefined;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  get runId(): string | undefined {
    return this.current?.runId;
  }

  /** How many runs this console has shown. */
  get runCount(): number {
    return this.runs;
  }

  /** The terminal is ready: what was written meanwhile goes out now. */
  open(): void {
    this.opened = true;
    const pending = this.pending;
    this.pending = [];
    pending.forEach((text) => this.sink(text));
  }

  write(text: string): void {
    if (this.isClosed || text === '') {
      return;
    }
    if (this.opened) {
      this.sink(text);
    } else {
      this.pending.push(text);
    }
  }

  /**
   * Shows a new run (`create` builds it with this console's writer); throws when one is still running here.
   * Resolves with the run's exit code.
   */
  async run(heading: string, create: (write: (text: string) => void) => ConsoleRun): Promise<number> {
    if (this.current) {
      throw new Error(`${this.key} is still running`);
    }
    if (this.isClosed) {
      throw new Error(`the terminal of ${this.key} is closed`);
    }
    const run = create((text) => this.write(text));
    this.current = run;
    this.write((this.runs > 0 ? CLEAR : '') + heading);
    this.runs++;
    try {
      return await run.start();
    } finally {
      if (this.current === run) {
        this.current = undefined;
      }
    }
  }

  /** Cancels the run shown here, if any; the console and its text stay. */
  async stop(): Promise<void> {
    await this.current?.cancel();
  }

  /** The terminal was closed by the user: the run it showed is cancelled. */
  close(): void {
    this.isClosed = true;
    void this.current?.cancel();
  }
}

/** One console per key (the run's targets), reused while its terminal is open. */
export class ConsolePool<C extends { readonly closed: boolean }> {
  private readonly consoles = new Map<string, C>();

  constructor(private readonly create: (key: string) => C) {}

  /** The console of `key`: the open one, else a new one. */
  acquire(key: string): { readonly console: C; readonly reused: boolean } {
    const existing = this.consoles.get(key);
    if (existing && !existing.closed) {
      return { console: existing, reused: true };
    }
    const console = this.create(key);
    this.consoles.set(key, console);
    return { console, reused: false };
  }

  get(key: string): C | undefined {
    const existing = this.consoles.get(key);
    return existing && !existing.closed ? existing : undefined;
  }

  all(): C[] {
    return [...this.consoles.values()].filter((console) => !console.closed);
  }

  get size(): number {
    return this.all().length;
  }
}

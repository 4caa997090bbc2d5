// How long stages tell the user where they are: a redrawn bar on a terminal, plain lines in CI and in
// files (one per 10% or per 10 s, whichever comes first), JSON lines with --json, nothing with --quiet.
// Everything goes to stderr: stdout is for data.

export interface LogOptions {
  quiet?: boolean;
  json?: boolean;
}

type Mode = 'bar' | 'lines' | 'json' | 'quiet';

export function logMode(o: LogOptions, stream: { isTTY?: boolean } = process.stderr): Mode {
  if (o.quiet) return 'quiet';
  if (o.json) return 'json';
  return stream.isTTY && !process.env.CI ? 'bar' : 'lines';
}

export function logLine(o: LogOptions, message: string, fields: Record<string, unknown> = {}): void {
  const mode = logMode(o);
  if (mode === 'quiet') return;
  if (mode === 'json') process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', message, ...fields })}\n`);
  else process.stderr.write(`${message}\n`);
}

const WIDTH = 24;

export class Progress {
  private done = 0;
  private lastLine = 0;
  private lastStep = -1;
  private readonly mode: Mode;
  private readonly started = Date.now();

  constructor(
    private o: LogOptions,
    private stage: string,
    private total: number | null,
    private unit: string,
  ) {
    this.mode = logMode(o);
  }

  /** One more `unit` done; `note` says which (a site id, a URL). */
  tick(note = ''): void {
    this.done++;
    const now = Date.now();
    if (this.mode === 'json') {
      process.stderr.write(
        `${JSON.stringify({ time: new Date(now).toISOString(), level: 'progress', stage: this.stage, done: this.done, total: this.total, unit: this.unit, note })}\n`,
      );
    } else if (this.mode === 'bar') {
      if (now - this.lastLine < 100 && this.done !== this.total) return;
      this.lastLine = now;
      process.stderr.write(`\r\u001b[K${this.barText(note)}`);
    } else if (this.mode === 'lines') {
      const step = this.total ? Math.floor((this.done / this.total) * 10) : -1;
      if (step === this.lastStep && now - this.lastLine < 10_000) return;
      this.lastStep = step;
      this.lastLine = now;
      process.stderr.write(
        `${this.stage}: ${this.done}${this.total ? `/${this.total} ${this.unit} (${Math.round((this.done / this.total) * 100)}%)` : ` ${this.unit}`}${note ? ` ${note}` : ''}\n`,
      );
    }
  }

  /** The stage's closing line; a bar is cleared first. */
  finish(summary: string, fields: Record<string, unknown> = {}): void {
    if (this.mode === 'bar') process.stderr.write('\r\u001b[K');
    logLine(this.o, summary, { stage: this.stage, seconds: Math.round((Date.now() - this.started) / 100) / 10, ...fields });
  }

  private barText(note: string): string {
    const share = this.total ? Math.min(1, this.done / this.total) : 0;
    const filled = Math.round(share * WIDTH);
    const bar = this.total ? `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${this.done}/${this.total}` : `${this.done}`;
    return `${this.stage} ${bar} ${this.unit} ${note}`.slice(0, (process.stderr.columns ?? 100) - 1);
  }
}

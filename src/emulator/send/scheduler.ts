/**
 * Holds scheduled sends until they are due: a poller that asks the send service to deliver due jobs.
 * Ticks never overlap; the timer is unref'd so it never keeps a test process alive.
 */
export interface SchedulerOptions {
  runDue: () => Promise<number>;
  intervalMs: number;
  log: (line: string) => void;
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly o: SchedulerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.o.intervalMs);
    this.timer.unref();
  }

  /** Run one pass now (tests call this after moving an injected clock). */
  async tick(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.o.runDue().catch((error: unknown) => {
      this.o.log(`scheduler tick failed: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    });
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}

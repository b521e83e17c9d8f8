import type { Logger } from "probot";
import { errorMessage } from "../../errors/error-message.ts";
import {
  type RecoveryDeps,
  type RecoveryReport,
  recoverMissedDeliveries,
} from "./recover-missed-deliveries.ts";

/** Runs the missed-delivery recovery at start and then every `intervalMs`, never two at once. */
export class RecoverySchedule {
  readonly #deps: RecoveryDeps;
  readonly #intervalMs: number;
  readonly #log: Logger;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #last: RecoveryReport | { at: string; error: string } | undefined;

  constructor(deps: RecoveryDeps, intervalMs: number) {
    this.#deps = deps;
    this.#intervalMs = intervalMs;
    this.#log = deps.log;
  }

  start(): void {
    this.#run();
    this.#timer = setInterval(() => this.#run(), this.#intervalMs).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }

  /** The last run's report (or its error), for `/healthz`. */
  last(): RecoveryReport | { at: string; error: string } | undefined {
    return this.#last;
  }

  #run(): void {
    if (this.#running) return;
    this.#running = recoverMissedDeliveries(this.#deps)
      .then(
        (report) => {
          this.#last = report;
        },
        (error: unknown) => {
          const message = errorMessage(error);
          this.#last = { at: new Date().toISOString(), error: message };
          this.#log.warn(
            { err: error },
            "missed-delivery recovery failed; it runs again at the next interval",
          );
        },
      )
      .finally(() => {
        this.#running = undefined;
      });
  }
}

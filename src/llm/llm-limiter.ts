import PQueue from "p-queue";

/**
 * Bounds LLM concurrency globally and per installation, so one busy org cannot take every slot
 * and starve the others.
 */
export class LlmLimiter {
  readonly #global: PQueue;
  readonly #perInstallation = new Map<number, PQueue>();
  readonly #perInstallationLimit: number;

  constructor(globalLimit = 4, perInstallationLimit = 2) {
    this.#global = new PQueue({ concurrency: globalLimit });
    this.#perInstallationLimit = perInstallationLimit;
  }

  /** Runs `task` once both this installation and the process have a free slot. */
  run<T>(installationId: number, task: () => Promise<T>): Promise<T> {
    let queue = this.#perInstallation.get(installationId);
    if (!queue) {
      queue = new PQueue({ concurrency: this.#perInstallationLimit });
      this.#perInstallation.set(installationId, queue);
    }
    // The installation slot is taken first, so a busy installation waits in its own line.
    return queue.add(() => this.#global.add(task)) as Promise<T>;
  }

  /** Runs `task` in a process slot only: for work outside any installation (the CLI). */
  runOutsideInstallations<T>(task: () => Promise<T>): Promise<T> {
    return this.#global.add(task) as Promise<T>;
  }
}

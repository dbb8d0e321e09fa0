/**
 * The demo's history is written as stories (one report, one hazard, one task),
 * each a few steps days apart. Played in time order across all stories, the
 * audit log reads as one plausible month, with instants that only move forward.
 */
export interface SimulatedClock {
  at: Date;
}

interface Step {
  readonly at: Date;
  readonly seq: number;
  readonly run: () => Promise<void>;
}

export class Timeline {
  private readonly steps: Step[] = [];

  constructor(private readonly clock: SimulatedClock) {}

  /** Schedules `run` at `at`; steps at the same instant keep the order they were added in. */
  add(at: Date, run: () => Promise<void>): void {
    this.steps.push({ at, seq: this.steps.length, run });
  }

  get size(): number {
    return this.steps.length;
  }

  async play(): Promise<void> {
    const ordered = [...this.steps].sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
    for (const step of ordered) {
      // Never step the clock back: a same-instant step runs at the current instant.
      if (step.at.getTime() > this.clock.at.getTime()) this.clock.at = step.at;
      await step.run();
    }
  }
}

// Running one operation (rollout or rollback) over the entities of a ring: bounded concurrency, a
// progress bar, and the failure-rate threshold. When too many entities fail, something is wrong
// beyond one entity (a bad library version, revoked access, an outage), so the ring stops starting
// new entities instead of spreading the damage; the ones in flight finish.
import { type EntityOutcome, type FleetContext, emptyOutcome } from './fleet-context';
import { runPool } from './pool';
import { createProgress } from './progress';
import type { Ring } from './registry';

export interface ThresholdOptions {
  /** Stop when failed / finished goes above this (0.2 = 20 %). */
  maxFailureRate: number;
  /** ...once at least this many entities have finished in this run. */
  minFinished: number;
}

export interface RingTarget {
  scriptId: string;
  entity: string;
  ring: Ring;
}

export interface RingRunResult {
  outcomes: EntityOutcome[];
  stopped: boolean;
  stopReason: string | null;
  interrupted: boolean;
  durationMs: number;
}

export async function runOverRing(
  label: string,
  targets: readonly RingTarget[],
  ctx: FleetContext,
  threshold: ThresholdOptions,
  runEntity: (target: RingTarget) => Promise<EntityOutcome>,
): Promise<RingRunResult> {
  const started = Date.now();
  const outcomes: EntityOutcome[] = new Array(targets.length);
  let finished = 0;
  let failed = 0;
  let stopReason: string | null = null;
  const progress = createProgress(label, targets.length, ctx.progress);

  const notStarted = await runPool(
    targets,
    { concurrency: ctx.concurrency, shouldStop: () => stopReason !== null || ctx.interrupted() },
    async (target, index) => {
      const outcome = await runEntity(target);
      outcomes[index] = outcome;
      if (outcome.status !== 'skipped') {
        finished++;
        if (outcome.status === 'failed') failed++;
      }
      progress.tick(
        outcome.status === 'failed' ? 'failed' : outcome.status === 'ok' ? 'ok' : 'skipped',
      );
      const rate = finished === 0 ? 0 : failed / finished;
      if (
        stopReason === null &&
        finished >= threshold.minFinished &&
        rate > threshold.maxFailureRate
      ) {
        stopReason =
          `fallaron ${failed} de ${finished} entidades (${percent(rate)}), por encima del umbral ` +
          `de ${percent(threshold.maxFailureRate)} (--max-failure-rate)`;
      }
    },
  );
  progress.finish();
  for (const index of notStarted) {
    const t = targets[index] as RingTarget;
    const outcome = emptyOutcome(t.scriptId, t.entity, t.ring, 'not-attempted');
    outcome.note =
      stopReason !== null ? 'el anillo se detuvo antes de llegar a ella' : 'ejecución interrumpida';
    outcomes[index] = outcome;
  }
  return {
    outcomes,
    stopped: stopReason !== null,
    stopReason,
    interrupted: stopReason === null && notStarted.length > 0,
    durationMs: Date.now() - started,
  };
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(rate < 0.1 ? 1 : 0)} %`;
}

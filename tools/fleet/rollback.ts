// `rollback`: put every entity the latest rollout of the ring touched back where the journal says
// it was before: the manifest pins the previous version again (same textual edit, verified) and
// each web app deployment runs the entity version it ran before. Those old versions already pin
// the old library, so no new version is created. Only the pin is restored: other files go back as
// they are now, never rewritten from memory, and a difference from the journal's hashes is
// reported for a person to look at. Journaled like a rollout: safe to rerun, resumable. An entity
// the rollout moved off the previous library project gets that library's ID back in the same
// entry, with its old version (the journal's `started` record names both).
import { describeBaselineMismatch } from './content-baseline';
import { writeContentVerified } from './content-write';
import { type EntityOutcome, type FleetContext, emptyOutcome } from './fleet-context';
import { loadRingTargets, saveRingTargets } from './fleet-config';
import { FleetError, toFleetError } from './fleet-errors';
import { type Journal, attemptBaseline } from './journal';
import { findManifest, resolveLibraryPin, setPinInFiles } from './manifest-pin';
import { shortId } from './plan';
import type { FleetEntity, Ring } from './registry';
import {
  type RingRunResult,
  type RingTarget,
  type ThresholdOptions,
  runOverRing,
} from './ring-run';

export interface RollbackOptions extends ThresholdOptions {
  ring: Ring;
  journal: Journal;
  ringsFile: string;
}

export interface RollbackReport extends RingRunResult {
  op: 'rollback';
  ring: Ring;
  target: { from: string | null; to: string | null; changed: boolean };
}

export async function rollbackEntity(
  target: RingTarget,
  ctx: FleetContext,
  journal: Journal,
): Promise<EntityOutcome> {
  const { scriptId, entity, ring } = target;
  const outcome = emptyOutcome(scriptId, entity, ring, 'ok');
  const state = journal.stateOf(scriptId);
  const attempt = state?.rollout;
  if (!attempt) {
    outcome.status = 'skipped';
    outcome.note = 'nada que revertir según el diario';
    return outcome;
  }
  const restore = attempt.from;
  // The library the rollout moved the entity to, and the one it named before (the same library
  // unless the rollout moved it off the previous project). An older journal names neither: ours.
  const rolloutLibrary = attempt.toLibrary ?? ctx.libraryId;
  const restoreLibrary = attempt.fromLibrary ?? ctx.libraryId;
  const switched = restoreLibrary !== rolloutLibrary;
  outcome.from = attempt.to;
  outcome.to = restore;
  if (switched) outcome.library = { from: rolloutLibrary, to: restoreLibrary };
  const base = { op: 'rollback' as const, ring, scriptId, entity };
  try {
    if (!state.rollback) {
      await journal.append({
        ...base,
        step: 'started',
        from: attempt.to,
        to: restore,
        ...(switched ? { fromLibrary: rolloutLibrary, toLibrary: restoreLibrary } : {}),
        deployments: attempt.deployments,
      });
    }
    const files = await ctx.api.getContent(scriptId);
    // HEAD names the rollout's library, or already the one to restore (the rollout failed before
    // its write, or an earlier rollback wrote it back).
    const pin = resolveLibraryPin(
      findManifest(files).source,
      rolloutLibrary,
      switched ? restoreLibrary : undefined,
    );
    const baseline = attemptBaseline(attempt, ctx.libraryId);
    if (baseline && pin.version !== null) {
      // Compared with the baseline as set to what HEAD pins now: only the other files count.
      const mismatch = describeBaselineMismatch(files, baseline, {
        libraryId: pin.libraryId,
        version: pin.version,
      });
      if (mismatch) {
        outcome.warnings.push(
          `el contenido no es el que la entidad tenía antes del despliegue (${mismatch}); la reversión solo restaura la versión fijada en el manifiesto y no reescribe los demás archivos: revíselos a mano`,
        );
      }
    }
    if (restore === null) {
      outcome.warnings.push('el diario no guarda la versión anterior del manifiesto; no se cambió');
    } else if (pin.libraryId !== restoreLibrary || pin.version !== restore) {
      await writeContentVerified(
        ctx.api,
        scriptId,
        setPinInFiles(files, pin.libraryId, { libraryId: restoreLibrary, version: restore }),
        restoreLibrary,
        restore,
      );
      const moved = pin.libraryId !== restoreLibrary;
      await journal.append({
        ...base,
        step: 'content-written',
        from: pin.version,
        to: restore,
        ...(moved ? { fromLibrary: pin.libraryId, toLibrary: restoreLibrary } : {}),
      });
      outcome.changes.push(
        moved
          ? `manifiesto: librería ${shortId(pin.libraryId)} v${pin.version ?? '—'} → librería anterior ${shortId(restoreLibrary)} v${restore}`
          : `manifiesto ${pin.version ?? '—'} → ${restore}`,
      );
    }
    if (attempt.deployments.length > 0) {
      const current = await ctx.api.listDeployments(scriptId);
      for (const before of attempt.deployments) {
        const deployment = current.find((d) => d.deploymentId === before.deploymentId);
        if (!deployment) {
          outcome.warnings.push(`el despliegue ${before.deploymentId} ya no existe`);
          continue;
        }
        if (deployment.versionNumber === before.versionNumber) continue;
        const updated = await ctx.api.updateDeployment(scriptId, deployment, before.versionNumber);
        if (updated.versionNumber !== before.versionNumber) {
          throw new FleetError(
            'VERIFY_FAILED',
            `el despliegue ${before.deploymentId} quedó en la versión ${updated.versionNumber ?? 'HEAD'}, no en ${before.versionNumber}`,
          );
        }
        await journal.append({
          ...base,
          step: 'deployment-moved',
          deploymentId: before.deploymentId,
          fromVersion: deployment.versionNumber,
          toVersion: before.versionNumber,
        });
        outcome.changes.push(
          `despliegue ${shortId(before.deploymentId)} v${deployment.versionNumber ?? 'HEAD'} → v${before.versionNumber}`,
        );
      }
    }
    outcome.versionNumber = attempt.deployments[0]?.versionNumber ?? null;
    await journal.append({
      ...base,
      step: 'done',
      from: attempt.to,
      to: restore,
      ...(outcome.warnings.length > 0 ? { warnings: outcome.warnings } : {}),
    });
    return outcome;
  } catch (raw) {
    const error = toFleetError(raw);
    outcome.status = 'failed';
    outcome.error = error.toInfo();
    await journal.append({ ...base, step: 'failed', error: outcome.error });
    return outcome;
  }
}

/**
 * The entities the latest rollout of `ring` touched (a step journaled in one of its runs) and no
 * rollback has undone yet, registry order first. An entity an earlier rollout moved and the
 * latest one never reached stays where it is: it is already where the ring goes back to.
 */
export function rollbackTargets(
  entities: readonly FleetEntity[],
  journal: Journal,
  ring: Ring,
): RingTarget[] {
  const runs = journal.latestRolloutRuns(ring);
  const touched = journal
    .allStates()
    .filter((s) => s.rollout?.ring === ring && [...s.rollout.runs].some((r) => runs.has(r)));
  const byId = new Map(touched.map((s) => [s.scriptId, s]));
  const targets: RingTarget[] = [];
  for (const e of entities) {
    if (byId.has(e.scriptId)) {
      targets.push({ scriptId: e.scriptId, entity: e.entity, ring });
      byId.delete(e.scriptId);
    }
  }
  // Entities no longer in the registry are still rolled back: the journal names them.
  for (const s of byId.values()) {
    targets.push({ scriptId: s.scriptId, entity: s.rollout?.entity || s.scriptId, ring });
  }
  return targets;
}

export async function runRollback(
  entities: readonly FleetEntity[],
  options: RollbackOptions,
  ctx: FleetContext,
): Promise<RollbackReport> {
  const { journal, ring } = options;
  const targets = rollbackTargets(entities, journal, ring);
  await journal.append({ op: 'rollback', step: 'run-started', ring });
  const result = await runOverRing(`Reversión ${ring}`, targets, ctx, options, (t) =>
    rollbackEntity(t, ctx, journal),
  );
  const count = (status: EntityOutcome['status']): number =>
    result.outcomes.filter((o) => o.status === status).length;
  await journal.append({
    op: 'rollback',
    step: 'run-finished',
    ring,
    summary: {
      done: count('ok'),
      failed: count('failed'),
      skipped: count('skipped'),
      notAttempted: count('not-attempted'),
      stopped: result.stopped,
    },
  });
  const current = loadRingTargets(options.ringsFile)[ring] ?? null;
  const lastStart = journal.lastRolloutStart(ring);
  let changed = false;
  let restored = current;
  if (lastStart && !result.stopped && !result.interrupted) {
    restored = lastStart.previousTarget ?? null;
    if (restored !== current) {
      const all = loadRingTargets(options.ringsFile);
      if (restored === null) delete all[ring];
      else all[ring] = restored;
      saveRingTargets(options.ringsFile, all);
      changed = true;
    }
  }
  return { ...result, op: 'rollback', ring, target: { from: current, to: restored, changed } };
}

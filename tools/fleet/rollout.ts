// `rollout`: move every entity of a ring to a version of our library. Per entity: read the content,
// change only our library's version in the manifest, write it back and read it again; then create
// a version of the entity's script and point its web app deployments at it (a deployment runs a
// fixed version, so without that the citizen page and the desk would keep the old library while
// triggers run the new one). Every step is journaled before the next starts, so a rerun after a
// kill skips finished entities without a request and continues half-done ones without redoing
// what is done.
import { webAppDeployments, webAppsBehind, writeContentVerified } from './content-write';
import { type EntityOutcome, type FleetContext, emptyOutcome } from './fleet-context';
import { type RingTargets, loadRingTargets, saveRingTargets } from './fleet-config';
import { FleetError, toFleetError } from './fleet-errors';
import type { Journal, RolloutAttempt } from './journal';
import { findManifest, readLibraryPin, repinFiles } from './manifest-pin';
import { shortId } from './plan';
import type { ScriptDeployment } from './script-api';
import type { FleetEntity, Ring } from './registry';
import {
  type RingRunResult,
  type RingTarget,
  type ThresholdOptions,
  runOverRing,
} from './ring-run';

export interface RolloutOptions extends ThresholdOptions {
  ring: Ring;
  to: string;
  journal: Journal;
  ringsFile: string;
}

export interface RolloutReport extends RingRunResult {
  op: 'rollout';
  ring: Ring;
  to: string;
  /** The ring target before and after, when the run changed it. */
  target: { from: string | null; to: string | null; changed: boolean };
}

export function versionDescription(to: string, ring: Ring): string {
  return `PQRS ${to} (rollout ${ring})`;
}

export async function rolloutEntity(
  target: RingTarget,
  to: string,
  ctx: FleetContext,
  journal: Journal,
): Promise<EntityOutcome> {
  const { scriptId, entity, ring } = target;
  const outcome = emptyOutcome(scriptId, entity, ring, 'ok');
  outcome.to = to;
  const state = journal.stateOf(scriptId);
  const previous = state?.rollout ?? null;
  if (previous?.done && previous.to === to) {
    outcome.status = 'skipped';
    outcome.from = previous.from;
    outcome.versionNumber = previous.versionNumber;
    outcome.note = `ya completada según el diario`;
    return outcome;
  }
  const base = { op: 'rollout' as const, ring, scriptId, entity, to };
  try {
    const files = await ctx.api.getContent(scriptId);
    const pin = readLibraryPin(findManifest(files).source, ctx.libraryId);
    const webApps = webAppDeployments(await ctx.api.listDeployments(scriptId));

    let attempt: RolloutAttempt | null =
      previous && !previous.done && previous.to === to ? previous : null;
    if (!attempt) {
      // An unfinished attempt to another version keeps its baseline: the state before the first
      // attempt touched the entity is what a rollback must restore.
      const inherited = previous && !previous.done ? previous : null;
      await journal.append({
        ...base,
        step: 'started',
        from: inherited ? inherited.from : pin.version,
        deployments: inherited
          ? inherited.deployments
          : webApps.map((d) => ({
              deploymentId: d.deploymentId,
              versionNumber: d.versionNumber as number,
            })),
      });
      attempt = journal.stateOf(scriptId)?.rollout ?? null;
      if (!attempt) throw new FleetError('JOURNAL_MISMATCH', 'el diario no registró el inicio');
    }
    outcome.from = attempt.from;
    if (webApps.length === 0) {
      outcome.warnings.push(
        'sin despliegue de aplicación web con versión: se actualizó el manifiesto (activadores), no hay página que mover',
      );
    }
    if (pin.developmentMode) {
      outcome.warnings.push(
        'la librería está en modo desarrollo: la entidad usa el código más reciente, no la versión fijada',
      );
    }

    let wroteContent = false;
    if (pin.version !== to) {
      const next = repinFiles(files, ctx.libraryId, to);
      await writeContentVerified(ctx.api, scriptId, next, ctx.libraryId, to);
      await journal.append({ ...base, step: 'content-written', from: pin.version });
      outcome.changes.push(`manifiesto ${pin.version ?? '—'} → ${to}`);
      wroteContent = true;
    }

    let versionNumber = attempt.versionNumber;
    let moving: ScriptDeployment[];
    if (webApps.length === 0) moving = [];
    else if (versionNumber !== null)
      moving = webApps.filter((d) => d.versionNumber !== versionNumber);
    else if (wroteContent) moving = webApps;
    else moving = await webAppsBehind(ctx.api, scriptId, webApps, ctx.libraryId, to);

    if (moving.length > 0 && versionNumber === null) {
      versionNumber = await ctx.api.createVersion(scriptId, versionDescription(to, ring));
      await journal.append({ ...base, step: 'version-created', versionNumber });
      outcome.changes.push(`versión ${versionNumber} creada`);
    }
    for (const deployment of moving) {
      const newVersion = versionNumber as number;
      const updated = await ctx.api.updateDeployment(scriptId, deployment, newVersion);
      if (updated.versionNumber !== newVersion) {
        throw new FleetError(
          'VERIFY_FAILED',
          `el despliegue ${deployment.deploymentId} quedó en la versión ${updated.versionNumber ?? 'HEAD'}, no en ${newVersion}`,
        );
      }
      await journal.append({
        ...base,
        step: 'deployment-moved',
        deploymentId: deployment.deploymentId,
        fromVersion: deployment.versionNumber,
        toVersion: newVersion,
      });
      outcome.changes.push(
        `despliegue ${shortId(deployment.deploymentId)} v${deployment.versionNumber} → v${newVersion}`,
      );
    }
    outcome.versionNumber = versionNumber;
    await journal.append({
      ...base,
      step: 'done',
      from: attempt.from,
      versionNumber,
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

export async function runRollout(
  entities: readonly FleetEntity[],
  options: RolloutOptions,
  ctx: FleetContext,
): Promise<RolloutReport> {
  const { journal, ring, to } = options;
  const inRing = entities.filter((e) => e.ring === ring);
  const targets: RingTargets = loadRingTargets(options.ringsFile);
  const current = targets[ring] ?? null;
  // Rerunning a finished rollout must not record its own target as the one to restore.
  const previousTarget =
    current === to ? (journal.lastRolloutStart(ring, to)?.previousTarget ?? current) : current;
  await journal.append({ op: 'rollout', step: 'run-started', ring, to, previousTarget });

  const result = await runOverRing(`Despliegue ${ring}`, inRing, ctx, options, (t) =>
    rolloutEntity(t, to, ctx, journal),
  );
  const count = (status: EntityOutcome['status']): number =>
    result.outcomes.filter((o) => o.status === status).length;
  await journal.append({
    op: 'rollout',
    step: 'run-finished',
    ring,
    to,
    summary: {
      done: count('ok'),
      failed: count('failed'),
      skipped: count('skipped'),
      notAttempted: count('not-attempted'),
      stopped: result.stopped,
    },
  });
  // The ring's target moves once the run has gone through the whole ring; entities that failed
  // then show as drift in `status` until a rerun brings them along.
  let changed = false;
  if (!result.stopped && !result.interrupted && current !== to) {
    saveRingTargets(options.ringsFile, { ...loadRingTargets(options.ringsFile), [ring]: to });
    changed = true;
  }
  return {
    ...result,
    op: 'rollout',
    ring,
    to,
    target: { from: current, to: changed ? to : current, changed },
  };
}

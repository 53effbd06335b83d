// `rollout`: move every entity of a ring to a version of our library. Per entity: read the content,
// change only our library's version in the manifest, write it back and read it again; then create
// a version of the entity's script and point its web app deployments at it (a deployment runs a
// fixed version, so without that the citizen page and the desk would keep the old library while
// triggers run the new one). Every step is journaled before the next starts, so a rerun after a
// kill skips finished entities without a request and continues half-done ones without redoing
// what is done. The `started` record keeps what the entity had before (pin, deployments, a hash of
// every file, the highest version): what a rollback restores, what a rerun checks the content
// against before publishing it, and what tells a version this attempt cut from older ones.
// With --from-library, an entity whose manifest still names the previous library project (the old
// one ran out of versions) gets that entry's libraryId and version changed together, by the same
// textual edit; the `started` record keeps the library it named, so a rollback puts both back.
import { contentBaseline } from './content-baseline';
import { webAppDeployments, webAppsBehind, writeContentVerified } from './content-write';
import { cutEntityVersion } from './entity-version';
import { type EntityOutcome, type FleetContext, emptyOutcome } from './fleet-context';
import { type RingTargets, loadRingTargets, saveRingTargets } from './fleet-config';
import { FleetError, toFleetError } from './fleet-errors';
import {
  type Journal,
  type JournalEntry,
  type RolloutAttempt,
  checkResumedContent,
  isSameTarget,
  previousLibraryOf,
} from './journal';
import { type ResolvedPin, findManifest, resolveLibraryPin, setPinInFiles } from './manifest-pin';
import { shortId } from './plan';
import type { ScriptDeployment, ScriptFile } from './script-api';
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

type Baseline = Pick<
  JournalEntry,
  'from' | 'fromLibrary' | 'toLibrary' | 'deployments' | 'files' | 'manifest' | 'versionsBefore'
>;

/** The baseline fields of a `started` record: inherited from an earlier attempt, or read now. */
async function baselineOf(
  inherited: RolloutAttempt | null,
  files: readonly ScriptFile[],
  pin: ResolvedPin,
  webApps: readonly ScriptDeployment[],
  ctx: FleetContext,
  scriptId: string,
): Promise<Baseline> {
  if (inherited) {
    return {
      from: inherited.from,
      ...(inherited.fromLibrary !== null ? { fromLibrary: inherited.fromLibrary } : {}),
      toLibrary: ctx.libraryId,
      deployments: inherited.deployments,
      ...(inherited.files && inherited.manifest !== null
        ? { files: inherited.files, manifest: inherited.manifest }
        : {}),
      ...(inherited.versionsBefore !== null ? { versionsBefore: inherited.versionsBefore } : {}),
    };
  }
  const versions = await ctx.api.listVersions(scriptId);
  return {
    from: pin.version,
    fromLibrary: pin.libraryId,
    toLibrary: ctx.libraryId,
    deployments: webApps.map((d) => ({
      deploymentId: d.deploymentId,
      versionNumber: d.versionNumber as number,
    })),
    ...contentBaseline(files),
    versionsBefore: versions.reduce((max, v) => Math.max(max, v.versionNumber), 0),
  };
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
  // A rollback that began undoing the attempt and did not finish leaves it "done" in the journal
  // but not on the entity: it is redone, not skipped.
  const undoing = (state?.rollback ?? null) !== null;
  const sameTarget = previous !== null && isSameTarget(previous, to, ctx.libraryId);
  if (previous?.done && sameTarget && !undoing) {
    outcome.status = 'skipped';
    outcome.from = previous.from;
    outcome.library = libraryChange(previous.fromLibrary, ctx.libraryId);
    outcome.versionNumber = previous.versionNumber;
    outcome.note = `ya completada según el diario`;
    return outcome;
  }
  const base = { op: 'rollout' as const, ring, scriptId, entity, to };
  // Resumed: an unfinished attempt (to this or another version), or one a rollback has begun to
  // undo. The entity may hold what it did (a write, a version), and its baseline stays: the
  // state before the first attempt touched the entity is what a rollback must restore.
  const resumed = previous !== null && (!previous.done || undoing);
  // The previous library the entity may still name: the operator's --from-library or, for a
  // resumed attempt, the one its baseline named (a rerun without the flag still finds it).
  const previousLibraryId =
    ctx.previousLibraryId ?? (resumed ? previousLibraryOf(previous, ctx.libraryId) : undefined);
  try {
    const files = await ctx.api.getContent(scriptId);
    const pin = resolveLibraryPin(findManifest(files).source, ctx.libraryId, previousLibraryId);
    const onTarget = pin.library === 'current' && pin.version === to;
    const webApps = webAppDeployments(await ctx.api.listDeployments(scriptId));

    let attempt: RolloutAttempt | null =
      previous && !previous.done && sameTarget && !undoing ? previous : null;
    if (!attempt) {
      const inherited = resumed ? previous : null;
      const baseline = await baselineOf(inherited, files, pin, webApps, ctx, scriptId);
      await journal.append({ ...base, ...baseline, step: 'started' });
      attempt = journal.stateOf(scriptId)?.rollout ?? null;
      if (!attempt) throw new FleetError('JOURNAL_MISMATCH', 'el diario no registró el inicio');
    }
    outcome.from = attempt.from;
    outcome.library = libraryChange(attempt.fromLibrary, ctx.libraryId);
    if (resumed && onTarget && !checkResumedContent(files, attempt, ctx.libraryId, to)) {
      outcome.warnings.push(
        'el diario no guarda las huellas del contenido anterior: no se pudo comprobar que los demás archivos siguen intactos',
      );
    }
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
    if (!onTarget) {
      const next = setPinInFiles(files, pin.libraryId, { libraryId: ctx.libraryId, version: to });
      await writeContentVerified(ctx.api, scriptId, next, ctx.libraryId, to);
      const moved = pin.library === 'previous';
      await journal.append({
        ...base,
        step: 'content-written',
        from: pin.version,
        ...(moved ? { fromLibrary: pin.libraryId, toLibrary: ctx.libraryId } : {}),
      });
      outcome.changes.push(
        moved
          ? `manifiesto: librería anterior ${shortId(pin.libraryId)} v${pin.version ?? '—'} → librería ${shortId(ctx.libraryId)} v${to}`
          : `manifiesto ${pin.version ?? '—'} → ${to}`,
      );
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
      const cut = await cutEntityVersion(
        ctx.api,
        scriptId,
        ctx.libraryId,
        to,
        ring,
        attempt.versionsBefore,
        resumed,
      );
      const cutNumber = cut.versionNumber;
      versionNumber = cutNumber;
      await journal.append({ ...base, step: 'version-created', versionNumber: cutNumber });
      outcome.changes.push(
        cut.reused
          ? `versión ${cutNumber} reutilizada (la creó un intento anterior)`
          : `versión ${cutNumber} creada`,
      );
      moving = moving.filter((d) => d.versionNumber !== cutNumber);
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

/** The library change an attempt makes, when the entity named another library before it. */
function libraryChange(
  fromLibrary: string | null,
  libraryId: string,
): { from: string; to: string } | null {
  return fromLibrary !== null && fromLibrary !== libraryId
    ? { from: fromLibrary, to: libraryId }
    : null;
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
  // A rerun of the same rollout (the journal's last rollout of the ring went to `to` too) keeps
  // the target that rollout found: it must not record its own target as the one to restore.
  const last = journal.lastRolloutStart(ring);
  const rerun = last?.to === to && (last.toLibrary ?? ctx.libraryId) === ctx.libraryId;
  const previousTarget = rerun ? (last?.previousTarget ?? null) : current;
  await journal.append({
    op: 'rollout',
    step: 'run-started',
    ring,
    to,
    toLibrary: ctx.libraryId,
    ...(ctx.previousLibraryId ? { fromLibrary: ctx.previousLibraryId } : {}),
    previousTarget,
  });

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
  // then show as drift in `status` until a rerun brings them along. A run in which no entity got
  // there (every one it finished failed) leaves it: the ring is not on `to` in any sense.
  const reached = count('ok') + count('skipped');
  const allFailed = count('failed') > 0 && reached === 0;
  let changed = false;
  if (!result.stopped && !result.interrupted && !allFailed && current !== to) {
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

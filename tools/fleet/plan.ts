// `plan`: what a rollout of a ring would change, entity by entity, from reads only. It never sends
// a write, so it is safe to run at any time, even against the production fleet. With
// --from-library, an entity still on the previous library project is planned as moved to ours.
import { webAppDeployments, webAppsBehind } from './content-write';
import type { FleetContext } from './fleet-context';
import { type FleetErrorInfo, toFleetError } from './fleet-errors';
import {
  type EntityJournalState,
  checkResumedContent,
  isSameTarget,
  previousLibraryOf,
} from './journal';
import { findManifest, resolveLibraryPin } from './manifest-pin';
import { runPool } from './pool';
import { createProgress } from './progress';
import type { FleetEntity, Ring } from './registry';

export type PlanAction =
  /** Change the manifest, create a version, move the web app deployments to it. */
  | 'update'
  /** The manifest already pins the target; web apps still run an older version. */
  | 'redeploy'
  /** Already on the target, web apps included. */
  | 'none'
  /** The journal says this rollout finished for the entity (and no rollback began); a rollout skips it. */
  | 'done-in-journal'
  | 'error';

export interface PlanRow {
  scriptId: string;
  entity: string;
  ring: Ring;
  action: PlanAction;
  from: string | null;
  to: string;
  /**
   * With --from-library (or a resumed attempt that moved the entity off the previous library):
   * which library its manifest names now. "previous": the rollout changes its libraryId too.
   */
  library?: 'current' | 'previous';
  /** Web app deployments that would move, with the entity version each runs now. */
  deployments: { deploymentId: string; versionNumber: number }[];
  warnings: string[];
  error: FleetErrorInfo | null;
}

export async function planRollout(
  entities: readonly FleetEntity[],
  to: string,
  ctx: FleetContext,
  journalState?: (scriptId: string) => EntityJournalState | undefined,
): Promise<PlanRow[]> {
  const rows: PlanRow[] = new Array(entities.length);
  const progress = createProgress('Plan', entities.length, ctx.progress);
  await runPool(entities, { concurrency: ctx.concurrency }, async (e, index) => {
    const row: PlanRow = {
      scriptId: e.scriptId,
      entity: e.entity,
      ring: e.ring,
      action: 'none',
      from: null,
      to,
      deployments: [],
      warnings: [],
      error: null,
    };
    const state = journalState?.(e.scriptId);
    // As the rollout decides: a rollback that began undoing it sends the entity back to work.
    if (state?.rollout?.done && isSameTarget(state.rollout, to, ctx.libraryId) && !state.rollback) {
      row.action = 'done-in-journal';
      row.from = state.rollout.from;
    } else {
      try {
        const attempt = state?.rollout;
        const resumed =
          attempt !== null && attempt !== undefined && (!attempt.done || !!state?.rollback);
        const previousId =
          ctx.previousLibraryId ??
          (resumed ? previousLibraryOf(attempt, ctx.libraryId) : undefined);
        const files = await ctx.api.getContent(e.scriptId);
        const pin = resolveLibraryPin(findManifest(files).source, ctx.libraryId, previousId);
        row.from = pin.version;
        if (previousId !== undefined) row.library = pin.library;
        const onTarget = pin.library === 'current' && pin.version === to;
        // What the rollout will refuse: a resumed attempt's HEAD that is not its baseline repinned.
        if (resumed && onTarget) checkResumedContent(files, attempt, ctx.libraryId, to);
        const webApps = webAppDeployments(await ctx.api.listDeployments(e.scriptId));
        if (webApps.length === 0) {
          row.warnings.push('sin despliegue de aplicación web: solo cambiaría el manifiesto');
        }
        if (pin.developmentMode) {
          row.warnings.push('la librería está en modo desarrollo: la versión fijada no se usa');
        }
        const moving = onTarget
          ? await webAppsBehind(ctx.api, e.scriptId, webApps, ctx.libraryId, to)
          : webApps;
        row.deployments = moving.map((d) => ({
          deploymentId: d.deploymentId,
          versionNumber: d.versionNumber as number,
        }));
        row.action = !onTarget ? 'update' : moving.length > 0 ? 'redeploy' : 'none';
      } catch (error) {
        row.action = 'error';
        row.error = toFleetError(error).toInfo();
      }
    }
    rows[index] = row;
    progress.tick(row.action === 'error' ? 'failed' : row.action === 'update' ? 'ok' : 'skipped');
  });
  progress.finish();
  return rows;
}

export function formatPlan(rows: readonly PlanRow[], ring: Ring, to: string): string {
  const count = (action: PlanAction): number => rows.filter((r) => r.action === action).length;
  const moving = rows.filter((r) => r.action === 'update' && r.library === 'previous').length;
  const lines = [
    `Plan: anillo ${ring} a la versión ${to} (no se escribió nada)`,
    `  Entidades: ${rows.length} · por actualizar ${count('update')}` +
      (moving > 0 ? ` (${moving} desde la librería anterior)` : '') +
      ` · solo redesplegar ${count('redeploy')}` +
      ` · ya en ${to} ${count('none')} · completas según el diario ${count('done-in-journal')} · con error ${count('error')}`,
  ];
  const changing = rows.filter((r) => r.action === 'update' || r.action === 'redeploy');
  if (changing.length > 0) {
    lines.push('  Cambios:');
    for (const r of changing) {
      const deployments =
        r.deployments.length === 0
          ? 'sin aplicación web'
          : r.deployments
              .map(
                (d) => `despliegue ${shortId(d.deploymentId)} v${d.versionNumber} → nueva versión`,
              )
              .join(', ');
      const manifest =
        r.action !== 'update'
          ? 'manifiesto ya en ' + to
          : r.library === 'previous'
            ? `manifiesto: librería anterior v${r.from ?? '—'} → esta librería v${to}`
            : `manifiesto ${r.from ?? '—'} → ${to}`;
      lines.push(`    - ${r.entity}: ${manifest}; ${deployments}`);
    }
  }
  const errors = rows.filter((r) => r.error);
  if (errors.length > 0) {
    lines.push('  No se podrían actualizar:');
    for (const r of errors) {
      lines.push(`    - ${r.entity} (${r.scriptId}): ${r.error?.code}: ${r.error?.message}`);
    }
  }
  const warned = rows.filter((r) => r.warnings.length > 0);
  if (warned.length > 0) {
    lines.push('  Advertencias:');
    for (const r of warned) lines.push(`    - ${r.entity}: ${r.warnings.join('; ')}`);
  }
  return lines.join('\n');
}

export function shortId(id: string): string {
  return id.length > 20 ? `${id.slice(0, 18)}…` : id;
}

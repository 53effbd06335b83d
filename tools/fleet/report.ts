// The final report of a rollout or rollback: counts, time, API requests, the ring target, and every
// entity that could not be updated with the reason, so the operator knows whom to call.
import type { EntityOutcome } from './fleet-context';
import { percent } from './ring-run';
import type { RollbackReport } from './rollback';
import type { RolloutReport } from './rollout';
import type { RequestKind } from './script-api';

export function formatRunReport(
  report: RolloutReport | RollbackReport,
  requests: Record<RequestKind, number>,
  journalFile: string,
): string {
  const o = report.outcomes;
  const count = (status: EntityOutcome['status']): number =>
    o.filter((x) => x.status === status).length;
  const totalRequests = Object.values(requests).reduce((a, b) => a + b, 0);
  const worked = o.filter((x) => x.status === 'ok' || x.status === 'failed').length;
  const title =
    report.op === 'rollout'
      ? `Despliegue del anillo ${report.ring} a la versión ${report.to}`
      : `Reversión del anillo ${report.ring}`;
  const lines = [
    title,
    `  Entidades: ${o.length} · ${report.op === 'rollout' ? 'actualizadas' : 'revertidas'} ${count('ok')}` +
      ` · ya hechas según el diario ${count('skipped')} · fallidas ${count('failed')} · sin intentar ${count('not-attempted')}`,
    `  Tiempo: ${(report.durationMs / 1000).toFixed(1)} s · solicitudes a la API: ${totalRequests}` +
      (worked > 0 ? ` (${(totalRequests / worked).toFixed(1)} por entidad trabajada)` : ''),
  ];
  const moved = o.filter((x) => x.status === 'ok' && x.library !== null).length;
  if (moved > 0) {
    lines.push(
      report.op === 'rollout'
        ? `  Pasadas de la librería anterior a esta: ${moved}`
        : `  Devueltas a la librería anterior: ${moved}`,
    );
  }
  if (report.target.changed) {
    lines.push(
      `  Objetivo del anillo ${report.ring}: ${report.target.from ?? '—'} → ${report.target.to ?? '—'}`,
    );
  } else {
    lines.push(`  Objetivo del anillo ${report.ring}: ${report.target.to ?? '—'} (sin cambio)`);
  }
  if (report.stopped) {
    lines.push(
      `  ANILLO DETENIDO: ${report.stopReason}. No se empezaron ${count('not-attempted')} entidades.`,
      '  Revise los errores y vuelva a ejecutar el mismo comando: el diario retoma donde quedó.',
    );
  } else if (report.interrupted) {
    lines.push(
      `  Interrumpido: ${count('not-attempted')} entidades sin empezar; vuelva a ejecutar el mismo comando para continuar.`,
    );
  }
  const failed = o.filter((x) => x.status === 'failed');
  if (failed.length > 0) {
    lines.push(
      report.op === 'rollout' ? '  No se pudieron actualizar:' : '  No se pudieron revertir:',
    );
    for (const f of failed) {
      lines.push(`    - ${f.entity} (${f.scriptId}): ${f.error?.code}: ${f.error?.message}`);
    }
  }
  const warned = o.filter((x) => x.warnings.length > 0);
  if (warned.length > 0) {
    lines.push('  Advertencias:');
    for (const w of warned) lines.push(`    - ${w.entity}: ${w.warnings.join('; ')}`);
  }
  if (failed.length > 0 && worked > 0) {
    lines.push(`  Tasa de fallos: ${percent(failed.length / worked)}.`);
  }
  lines.push(`  Diario: ${journalFile}`);
  return lines.join('\n');
}

/** The report as JSON (stdout with --json). */
export function runReportJson(
  report: RolloutReport | RollbackReport,
  requests: Record<RequestKind, number>,
): unknown {
  return {
    op: report.op,
    ring: report.ring,
    to: report.op === 'rollout' ? report.to : null,
    stopped: report.stopped,
    stopReason: report.stopReason,
    interrupted: report.interrupted,
    durationMs: report.durationMs,
    target: report.target,
    requests,
    entities: report.outcomes.map((x) => ({
      scriptId: x.scriptId,
      entity: x.entity,
      ring: x.ring,
      status: x.status,
      from: x.from,
      to: x.to,
      ...(x.library !== null ? { library: x.library } : {}),
      versionNumber: x.versionNumber,
      changes: x.changes,
      warnings: x.warnings,
      error: x.error,
      note: x.note,
    })),
  };
}

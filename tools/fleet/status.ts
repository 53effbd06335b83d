// `status`: which version of our library each entity pins (read from its manifest), how far that
// is from its ring's target, and what kept us from reading it. One read per entity. With
// --from-library, an entity still on the previous library project is shown with the version it
// pins there and marked as such (no drift: versions of two projects do not compare).
import type { FleetContext } from './fleet-context';
import type { RingTargets } from './fleet-config';
import { type FleetErrorInfo, toFleetError } from './fleet-errors';
import { findManifest, pinnedVersionNumber, resolveLibraryPin } from './manifest-pin';
import { runPool } from './pool';
import { createProgress } from './progress';
import type { FleetEntity, Ring } from './registry';
import { RINGS } from './registry';

export interface StatusRow {
  scriptId: string;
  entity: string;
  ring: Ring;
  /** The pinned version when the manifest writes a decimal integer, otherwise null. */
  pinnedVersion: number | null;
  /** null, or why the entity could not be read. */
  error: FleetErrorInfo | null;
  /** The version text exactly as the manifest writes it. */
  pinnedText: string | null;
  /** The ring's target version, when one is set. */
  target: string | null;
  /** pinnedVersion minus the target (0: on target, negative: behind); null when unknown. */
  drift: number | null;
  /** The entity runs the library's latest code, whatever the version says. */
  developmentMode: boolean;
  daneCode: string;
  department: string;
  /**
   * Only with --from-library: "current" (ours), "previous" (still on the previous library project;
   * pinnedVersion is its version there), or null when the entity could not be read.
   */
  library?: 'current' | 'previous' | null;
}

export async function collectStatus(
  entities: readonly FleetEntity[],
  targets: RingTargets,
  ctx: FleetContext,
  targetOverride?: string,
): Promise<StatusRow[]> {
  const rows: StatusRow[] = new Array(entities.length);
  const progress = createProgress('Estado', entities.length, ctx.progress);
  await runPool(entities, { concurrency: ctx.concurrency }, async (e, index) => {
    const target = targetOverride ?? targets[e.ring] ?? null;
    const row: StatusRow = {
      scriptId: e.scriptId,
      entity: e.entity,
      ring: e.ring,
      pinnedVersion: null,
      error: null,
      pinnedText: null,
      target,
      drift: null,
      developmentMode: false,
      daneCode: e.daneCode,
      department: e.department,
      ...(ctx.previousLibraryId !== undefined ? { library: null } : {}),
    };
    try {
      const files = await ctx.api.getContent(e.scriptId);
      const pin = resolveLibraryPin(
        findManifest(files).source,
        ctx.libraryId,
        ctx.previousLibraryId,
      );
      row.pinnedText = pin.version;
      row.pinnedVersion = pinnedVersionNumber(pin.version);
      row.developmentMode = pin.developmentMode;
      if (ctx.previousLibraryId !== undefined) row.library = pin.library;
      const targetNumber = pinnedVersionNumber(target);
      if (pin.library === 'current' && row.pinnedVersion !== null && targetNumber !== null) {
        row.drift = row.pinnedVersion - targetNumber;
      }
    } catch (error) {
      row.error = toFleetError(error).toInfo();
    }
    rows[index] = row;
    progress.tick(row.error ? 'failed' : 'ok');
  });
  progress.finish();
  return rows;
}

function pad(text: string, width: number): string {
  const cut = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return cut + ' '.repeat(Math.max(0, width - cut.length));
}

function driftLabel(row: StatusRow): string {
  if (row.error) return 'error';
  if (row.library === 'previous') return 'lib. anterior';
  if (row.target === null) return 'sin objetivo';
  if (row.drift === null) return row.pinnedText === row.target ? 'al día' : 'distinta';
  if (row.drift === 0) return 'al día';
  return row.drift < 0 ? `atrasada ${-row.drift}` : `adelantada ${row.drift}`;
}

/**
 * The screen report: a summary per ring, then one row per entity. Without `all`, only the rows
 * that need attention (drift, errors, development mode) are listed, so a fleet of thousands
 * still fits on a screen.
 */
export function formatStatus(rows: readonly StatusRow[], all: boolean): string {
  const lines: string[] = [];
  lines.push('Anillo     Entidades  Al día  Con deriva  Con error  Objetivo');
  for (const ring of RINGS) {
    const inRing = rows.filter((r) => r.ring === ring);
    if (inRing.length === 0) continue;
    const errors = inRing.filter((r) => r.error).length;
    const onTarget = inRing.filter((r) => !r.error && driftLabel(r) === 'al día').length;
    const target = inRing[0]?.target ?? '—';
    lines.push(
      `${pad(ring, 11)}${pad(String(inRing.length), 11)}${pad(String(onTarget), 8)}` +
        `${pad(String(inRing.length - errors - onTarget), 12)}${pad(String(errors), 11)}${target}`,
    );
  }
  const previous = rows.filter((r) => r.library === 'previous').length;
  if (previous > 0) {
    lines.push(
      `En la librería anterior (--from-library): ${previous}; "Fijada" es su versión en ese proyecto. Se pasan con rollout --from-library.`,
    );
  }
  const listed = all
    ? rows
    : rows.filter((r) => r.error || driftLabel(r) !== 'al día' || r.developmentMode);
  lines.push('');
  if (listed.length === 0) {
    lines.push('Todas las entidades están en la versión objetivo de su anillo.');
    return lines.join('\n');
  }
  if (!all)
    lines.push(`Entidades que requieren atención (${listed.length}; --all las lista todas):`);
  lines.push(
    `${pad('Entidad', 38)} ${pad('Anillo', 9)} ${pad('Fijada', 7)} ${pad('Objetivo', 9)} ${pad('Deriva', 13)} Error`,
  );
  for (const r of listed) {
    const notes = [
      ...(r.library === 'previous' ? ['todavía en la librería anterior'] : []),
      ...(r.developmentMode ? ['librería en modo desarrollo'] : []),
    ];
    const error = r.error ? `${r.error.code}: ${r.error.message}` : notes.join('; ');
    lines.push(
      `${pad(r.entity, 38)} ${pad(r.ring, 9)} ${pad(r.pinnedText ?? '—', 7)} ${pad(r.target ?? '—', 9)} ${pad(driftLabel(r), 13)} ${error}`,
    );
  }
  return lines.join('\n');
}

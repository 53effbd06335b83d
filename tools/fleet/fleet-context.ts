// What every fleet command shares: the API, our library's ID, how many entities to work on at once,
// where to write human-facing lines (stderr) and the progress bar.
import type { FleetErrorInfo } from './fleet-errors';
import type { ProgressSink } from './progress';
import type { Ring } from './registry';
import type { ScriptApi } from './script-api';

export interface FleetContext {
  api: ScriptApi;
  /** Our library's script ID (config/library.json or PQRS_LIBRARY_ID). */
  libraryId: string;
  /**
   * --from-library: the previous library project (a new one is created when the old one runs out
   * of versions). An entity whose manifest still names it is moved to `libraryId`.
   */
  previousLibraryId?: string;
  concurrency: number;
  /** One line for the operator (stderr): retries, warnings. */
  log: (line: string) => void;
  progress: ProgressSink;
  /** True once the operator asked to stop (Ctrl+C): no new entity is started. */
  interrupted: () => boolean;
}

export type EntityStatus = 'ok' | 'failed' | 'skipped' | 'not-attempted';

export interface EntityOutcome {
  scriptId: string;
  entity: string;
  ring: Ring;
  status: EntityStatus;
  /** Version of our library before (rollout) or the one rolled back from (rollback). */
  from: string | null;
  to: string | null;
  /** The library the entry named before and after, when the operation changed it. */
  library: { from: string; to: string } | null;
  /** The entity version its web app deployments run after the operation. */
  versionNumber: number | null;
  /** What changed: "manifiesto 4 → 5", "despliegue AKfy… v3 → v4". */
  changes: string[];
  warnings: string[];
  error: FleetErrorInfo | null;
  /** Why it was skipped. */
  note: string | null;
}

export function emptyOutcome(
  scriptId: string,
  entity: string,
  ring: Ring,
  status: EntityStatus,
): EntityOutcome {
  return {
    scriptId,
    entity,
    ring,
    status,
    from: null,
    to: null,
    library: null,
    versionNumber: null,
    changes: [],
    warnings: [],
    error: null,
    note: null,
  };
}

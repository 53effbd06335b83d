// The rollout journal: an append-only JSON Lines file, one record per step, each on disk (written
// and fsynced) before the step after it starts. A process killed at any instant loses at
// most the step in flight; the next run reads the journal back, skips what is done and continues
// what is half done. A torn last line (the kill landed inside a write) is ignored on load.
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { type ContentBaseline, type FileHash, resumedContentError } from './content-baseline';
import type { FleetErrorInfo } from './fleet-errors';
import type { ScriptFile } from './script-api';
import type { Ring } from './registry';

export type JournalOp = 'rollout' | 'rollback';
export type JournalStep =
  | 'run-started'
  | 'run-finished'
  | 'started'
  | 'content-written'
  | 'version-created'
  | 'deployment-moved'
  | 'done'
  | 'failed';

export interface DeploymentPin {
  deploymentId: string;
  versionNumber: number;
}

export interface JournalRecord {
  v: 1;
  at: string;
  run: string;
  op: JournalOp;
  step: JournalStep;
  ring: Ring;
  scriptId?: string;
  entity?: string;
  /** Version of our library pinned before the step (started: before the whole attempt). */
  from?: string | null;
  /** Version of our library the attempt moves to. */
  to?: string | null;
  /**
   * started: the script ID of the library the entity's entry named before (rollout: before the
   * whole attempt; the previous library project for an entity moved off it); rollback: the one
   * it named when the rollback began. Absent in journals written before it was recorded.
   */
  fromLibrary?: string;
  /** started, run-started: the library the step moves the entry to (rollout: ours). */
  toLibrary?: string;
  /** started: the web app deployments and the entity versions they ran before the attempt. */
  deployments?: DeploymentPin[];
  /** started (rollout): a sha256 of every file's source before the attempt wrote anything. */
  files?: FileHash[];
  /** started (rollout): the manifest's source before the attempt. */
  manifest?: string;
  /** started (rollout): the highest entity version before the attempt (0: none). */
  versionsBefore?: number;
  /** version-created: the entity's new version; done: the version its web apps now run. */
  versionNumber?: number | null;
  /** deployment-moved */
  deploymentId?: string;
  fromVersion?: number | null;
  toVersion?: number;
  warnings?: string[];
  error?: FleetErrorInfo;
  /** run-started of a rollout: the ring's target before it, restored by a rollback. */
  previousTarget?: string | null;
  /** run-finished */
  summary?: {
    done: number;
    failed: number;
    skipped: number;
    notAttempted: number;
    stopped: boolean;
  };
}

export type JournalEntry = Omit<JournalRecord, 'v' | 'at' | 'run'>;

/** A rollout of one entity, from its `started` record on. */
export interface RolloutAttempt {
  ring: Ring;
  entity: string;
  to: string;
  from: string | null;
  /** The library the entity's entry named before the attempt; null in an older journal (ours). */
  fromLibrary: string | null;
  /** The library the attempt moves it to; null in an older journal (ours). */
  toLibrary: string | null;
  deployments: DeploymentPin[];
  /** The content before the attempt; null in a journal written before it was recorded. */
  files: FileHash[] | null;
  manifest: string | null;
  versionsBefore: number | null;
  contentWritten: boolean;
  versionNumber: number | null;
  moved: Map<string, number>;
  done: boolean;
  lastError: FleetErrorInfo | null;
  /** The runs that journaled a step of this attempt (which rollout a rollback undoes). */
  runs: Set<string>;
}

export interface RollbackAttempt {
  ring: Ring;
  to: string | null;
  /** The library the rollback puts back (the rollout's fromLibrary). */
  toLibrary: string | null;
  deployments: DeploymentPin[];
  contentWritten: boolean;
  moved: Map<string, number>;
  lastError: FleetErrorInfo | null;
}

export interface EntityJournalState {
  scriptId: string;
  /** The latest rollout not undone by a finished rollback. */
  rollout: RolloutAttempt | null;
  /** A rollback of `rollout` that started and has not finished (it may have undone part of it). */
  rollback: RollbackAttempt | null;
  /** The latest finished rollback (kept for the report). */
  rolledBack: { ring: Ring; to: string | null } | null;
}

/**
 * Whether an attempt went to `to` of the library `libraryId`. An attempt from an older journal
 * (no library recorded) went to ours: the journal was written with the same configuration.
 */
export function isSameTarget(attempt: RolloutAttempt, to: string, libraryId: string): boolean {
  return attempt.to === to && (attempt.toLibrary ?? libraryId) === libraryId;
}

/**
 * The previous library project an unfinished attempt moved the entity off (its baseline's
 * library, when it is not ours), so that a rerun without --from-library still finds the entity.
 */
export function previousLibraryOf(
  attempt: RolloutAttempt | null | undefined,
  libraryId: string,
): string | undefined {
  const from = attempt?.fromLibrary;
  return from && from !== libraryId ? from : undefined;
}

/** What the entity held before the attempt, or null in a journal written before it was recorded. */
export function attemptBaseline(
  attempt: RolloutAttempt,
  libraryId: string,
): ContentBaseline | null {
  if (!attempt.files || attempt.manifest === null) return null;
  return {
    files: attempt.files,
    manifest: attempt.manifest,
    libraryId: attempt.fromLibrary ?? libraryId,
  };
}

/**
 * For an attempt resumed with HEAD already pinning `to` (an earlier write landed, maybe one whose
 * read-back failed): throws VERIFY_FAILED unless HEAD is the attempt's baseline with only our pin
 * (and, for an entity moved off the previous library, its libraryId) changed. False when the
 * journal predates baselines and nothing could be checked; rollout and plan judge alike.
 */
export function checkResumedContent(
  files: readonly ScriptFile[],
  attempt: RolloutAttempt,
  libraryId: string,
  to: string,
): boolean {
  const baseline = attemptBaseline(attempt, libraryId);
  if (!baseline) return false;
  const error = resumedContentError(files, baseline, { libraryId, version: to });
  if (error) throw error;
  return true;
}

export class JournalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JournalError';
  }
}

export interface LoadedJournal {
  records: JournalRecord[];
  /** Lines that did not parse: a torn last line after a kill, or damage. */
  skippedLines: number;
}

export function readJournal(file: string): LoadedJournal {
  if (!existsSync(file)) return { records: [], skippedLines: 0 };
  const text = readFileSync(file, 'utf8');
  const records: JournalRecord[] = [];
  let skippedLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const record = JSON.parse(line) as JournalRecord;
      if (record && record.v === 1 && typeof record.step === 'string') records.push(record);
      else skippedLines++;
    } catch {
      skippedLines++;
    }
  }
  return { records, skippedLines };
}

export function foldEntityStates(
  records: readonly JournalRecord[],
): Map<string, EntityJournalState> {
  const states = new Map<string, EntityJournalState>();
  for (const record of records) {
    const scriptId = record.scriptId;
    if (!scriptId) continue;
    let state = states.get(scriptId);
    if (!state) {
      state = { scriptId, rollout: null, rollback: null, rolledBack: null };
      states.set(scriptId, state);
    }
    applyRecord(state, record);
  }
  return states;
}

function applyRecord(state: EntityJournalState, record: JournalRecord): void {
  if (record.op === 'rollout') {
    if (record.step === 'started') {
      state.rollout = {
        ring: record.ring,
        entity: record.entity ?? '',
        to: record.to ?? '',
        from: record.from ?? null,
        fromLibrary: record.fromLibrary ?? null,
        toLibrary: record.toLibrary ?? null,
        deployments: record.deployments ?? [],
        files: record.files ?? null,
        manifest: record.manifest ?? null,
        versionsBefore: record.versionsBefore ?? null,
        contentWritten: false,
        versionNumber: null,
        moved: new Map(),
        done: false,
        lastError: null,
        runs: new Set([record.run]),
      };
      state.rollback = null;
      return;
    }
    const attempt = state.rollout;
    if (!attempt || attempt.to !== record.to) return;
    attempt.runs.add(record.run);
    if (record.step === 'content-written') attempt.contentWritten = true;
    if (record.step === 'version-created' && typeof record.versionNumber === 'number') {
      attempt.versionNumber = record.versionNumber;
    }
    if (record.step === 'deployment-moved' && record.deploymentId && record.toVersion) {
      attempt.moved.set(record.deploymentId, record.toVersion);
    }
    if (record.step === 'done') {
      attempt.done = true;
      attempt.lastError = null;
    }
    if (record.step === 'failed') attempt.lastError = record.error ?? null;
    return;
  }
  // rollback
  if (record.step === 'started') {
    state.rollback = {
      ring: record.ring,
      to: record.to ?? null,
      toLibrary: record.toLibrary ?? null,
      deployments: record.deployments ?? [],
      contentWritten: false,
      moved: new Map(),
      lastError: null,
    };
    return;
  }
  const rollback = state.rollback;
  if (!rollback) return;
  if (record.step === 'content-written') rollback.contentWritten = true;
  if (record.step === 'deployment-moved' && record.deploymentId && record.toVersion) {
    rollback.moved.set(record.deploymentId, record.toVersion);
  }
  if (record.step === 'failed') rollback.lastError = record.error ?? null;
  if (record.step === 'done') {
    state.rolledBack = { ring: rollback.ring, to: rollback.to };
    state.rollout = null;
    state.rollback = null;
  }
}

function lockInUse(pid: number | null, path: string, lockFile: string): JournalError {
  const who = pid === null ? 'Otra ejecución' : `Otra ejecución (proceso ${pid})`;
  return new JournalError(
    `${who} está usando el diario ${path}. Espere a que termine; si ese proceso ya no existe, borre ${lockFile}.`,
  );
}

function readLockPid(file: string): number | null {
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Creates the lock file atomically (O_EXCL), so two runs starting together cannot both get it. A
 * lock whose process is dead is moved aside under a name of our own and checked there before it
 * is dropped: if another run took it over in the meantime, its lock is put back and we stop.
 */
function takeLock(lockFile: string, path: string): void {
  for (let tries = 0; tries < 3; tries++) {
    try {
      const fd = openSync(lockFile, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let pid: number | null;
    try {
      pid = readLockPid(lockFile);
    } catch {
      continue; // released meanwhile: try again
    }
    // A pid we cannot read may belong to a run that has just created the file.
    if (pid === null || isProcessAlive(pid)) throw lockInUse(pid, path, lockFile);
    const aside = `${lockFile}.stale-${process.pid}`;
    try {
      renameSync(lockFile, aside);
    } catch {
      continue;
    }
    if (readLockPid(aside) !== pid) {
      try {
        linkSync(aside, lockFile);
      } catch {
        // a third run holds the lock now; either way it is not ours
      }
      rmSync(aside, { force: true });
      throw lockInUse(null, path, lockFile);
    }
    rmSync(aside, { force: true });
  }
  throw lockInUse(null, path, lockFile);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An open journal: the records read at open time plus every record appended since. Appends are
 * group-committed: the records that concurrent entities append while a write is in flight go out
 * together in one write and one fsync, and each append resolves only once its record is on disk.
 * A caller awaits it before its next request, so a kill never loses more than the step in flight,
 * and 16 entities at once do not wait for 16 fsyncs in a row.
 */
export class Journal {
  readonly records: JournalRecord[];
  readonly skippedLines: number;
  private readonly states: Map<string, EntityJournalState>;
  private handle: FileHandle | null;
  private readonly lockFile: string;
  private queue: { line: string; done: () => void; fail: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;

  private constructor(
    readonly file: string,
    readonly run: string,
    loaded: LoadedJournal,
    handle: FileHandle,
    lockFile: string,
  ) {
    this.records = loaded.records;
    this.skippedLines = loaded.skippedLines;
    this.states = foldEntityStates(loaded.records);
    this.handle = handle;
    this.lockFile = lockFile;
  }

  /**
   * Opens (or creates) a journal for appending. A lock file beside it keeps two runs from writing
   * the same journal; a lock left by a process that no longer exists (killed) is taken over.
   */
  static async open(file: string, run: string): Promise<Journal> {
    const path = resolve(file);
    mkdirSync(dirname(path), { recursive: true });
    const lockFile = `${path}.lock`;
    takeLock(lockFile, path);
    try {
      const loaded = readJournal(path);
      const handle = await open(path, 'a');
      // A kill inside a write can leave a last line without its newline; end it, so the next
      // record starts on a line of its own and the torn one stays a single unreadable line.
      const text = readFileSync(path, 'utf8');
      if (text.length > 0 && !text.endsWith('\n')) {
        await handle.write('\n');
        await handle.sync();
      }
      return new Journal(path, run, loaded, handle, lockFile);
    } catch (error) {
      rmSync(lockFile, { force: true });
      throw error;
    }
  }

  append(entry: JournalEntry): Promise<JournalRecord> {
    if (this.handle === null) return Promise.reject(new JournalError('el diario ya se cerró'));
    // Key order (op and step first) only makes the file easier to read by eye.
    const { op, step, ...rest } = entry;
    const record: JournalRecord = {
      v: 1,
      at: new Date().toISOString(),
      run: this.run,
      op,
      step,
      ...rest,
    };
    this.records.push(record);
    if (record.scriptId) {
      let state = this.states.get(record.scriptId);
      if (!state) {
        state = { scriptId: record.scriptId, rollout: null, rollback: null, rolledBack: null };
        this.states.set(record.scriptId, state);
      }
      applyRecord(state, record);
    }
    return new Promise<JournalRecord>((done, fail) => {
      this.queue.push({ line: JSON.stringify(record) + '\n', done: () => done(record), fail });
      if (!this.flushing) this.flushing = this.flush();
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0 && this.handle) {
        const batch = this.queue.splice(0);
        try {
          const bytes = Buffer.from(batch.map((b) => b.line).join(''), 'utf8');
          let offset = 0;
          while (offset < bytes.length) {
            offset += (await this.handle.write(bytes, offset)).bytesWritten;
          }
          await this.handle.sync();
          for (const b of batch) b.done();
        } catch (error) {
          for (const b of batch) b.fail(error);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  stateOf(scriptId: string): EntityJournalState | undefined {
    return this.states.get(scriptId);
  }

  allStates(): EntityJournalState[] {
    return [...this.states.values()];
  }

  /**
   * The runs of the latest rollout of `ring`: its last rollout run and the reruns of the same
   * command before it (rollout runs to the same version, back to one to another version). A rerun
   * skips what an earlier run finished, so those entities belong to the same rollout.
   */
  latestRolloutRuns(ring: Ring): Set<string> {
    const runs = new Set<string>();
    let to: string | null | undefined;
    for (let i = this.records.length - 1; i >= 0; i--) {
      const r = this.records[i] as JournalRecord;
      if (r.op !== 'rollout' || r.step !== 'run-started' || r.ring !== ring) continue;
      if (to === undefined) to = r.to;
      else if (r.to !== to) break;
      runs.add(r.run);
    }
    return runs;
  }

  /** The latest run-started record of a rollout of `ring`, optionally to a given version. */
  lastRolloutStart(ring: Ring, to?: string): JournalRecord | undefined {
    for (let i = this.records.length - 1; i >= 0; i--) {
      const r = this.records[i] as JournalRecord;
      if (r.op === 'rollout' && r.step === 'run-started' && r.ring === ring) {
        if (to === undefined || r.to === to) return r;
      }
    }
    return undefined;
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.handle === null) return;
    const handle = this.handle;
    this.handle = null;
    await handle.close();
    rmSync(this.lockFile, { force: true });
  }
}

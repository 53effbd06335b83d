// In-memory ports with call counters, for use-case tests (the apps-script-oauth2 way: count what
// the code under test asks of its services).
import type { CaseRecord } from '../../src/core/cases/case-record';
import type { LongText } from '../../src/core/intake/normalize-submission';
import type { OutboundMail } from '../../src/core/notifications/mail';
import { DEFAULT_SETTINGS, type EntitySettings } from '../../src/core/settings';
import type { StaffMember } from '../../src/core/routing/staff';
import type { IntakeDeps } from '../../src/app/intake';
import type { AuditEntry, AuditLog, CaseStore, ClockChange } from '../../src/ports/case-store';
import type { EntityConfig } from '../../src/ports/config-source';
import type { Clock, KeyValueStore, Logger, Mutex, Tokens } from '../../src/ports/entity-state';
import type { Mailer, Outbox, OutboxEntry } from '../../src/ports/mail';

export class MemoryCases implements CaseStore {
  readonly rows: CaseRecord[] = [];
  readonly longTexts: Array<{ radicado: string; texts: readonly LongText[] }> = [];
  reads = 0;
  radicadoForResponse(responseId: string): string | null {
    this.reads += 1;
    return this.rows.find((r) => r.responseId === responseId)?.radicado ?? null;
  }
  append(record: CaseRecord): void {
    this.rows.push(record);
  }
  lastRadicado(): string | null {
    return this.rows.length > 0 ? this.rows[this.rows.length - 1].radicado : null;
  }
  find(radicado: string): CaseRecord | null {
    this.reads += 1;
    return this.rows.find((r) => r.radicado === radicado) ?? null;
  }
  update(record: CaseRecord): void {
    const at = this.rows.findIndex((r) => r.radicado === record.radicado);
    this.rows[at] = record;
  }
  saveLongTexts(radicado: string, texts: readonly LongText[]): void {
    this.longTexts.push({ radicado, texts });
  }
  all(): CaseRecord[] {
    this.reads += 1;
    return [...this.rows];
  }
  updateClocks(changes: readonly ClockChange[]): void {
    for (const change of changes) {
      const at = this.rows.findIndex((r) => r.radicado === change.radicado);
      this.rows[at] = { ...this.rows[at], ...change };
    }
  }
}

export class MemoryAudit implements AuditLog {
  readonly entries: AuditEntry[] = [];
  append(entries: readonly AuditEntry[]): void {
    this.entries.push(...entries);
  }
}

export class MemoryOutbox implements Outbox {
  readonly entries: OutboxEntry[] = [];
  enqueue(mails: readonly OutboundMail[], now: string): OutboxEntry[] {
    const fresh = mails.filter((m) => !this.entries.some((e) => e.key === m.key));
    const created = fresh.map((m, i) => ({
      ...m,
      status: 'pendiente' as const,
      attempts: 0,
      createdAt: now,
      sentAt: '',
      lastError: '',
      ref: this.entries.length + i,
    }));
    this.entries.push(...created);
    return created;
  }
  pending(): OutboxEntry[] {
    return this.entries.filter((e) => e.status === 'pendiente');
  }
  record(entries: readonly OutboxEntry[]): void {
    for (const e of entries) this.entries[e.ref] = e;
  }
}

export class MemoryMailer implements Mailer {
  readonly sent: OutboundMail[] = [];
  constructor(
    public quota = 100,
    public failWith: string | null = null,
  ) {}
  remainingDailyQuota(): number {
    return this.quota;
  }
  send(mail: OutboundMail): void {
    if (this.failWith) throw new Error(this.failWith);
    this.quota -= 1;
    this.sent.push(mail);
  }
}

export class MemoryState implements KeyValueStore {
  readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string): void {
    this.values.set(key, value);
  }
}

export class CountingMutex implements Mutex {
  acquired = 0;
  released = 0;
  constructor(public available = true) {}
  tryAcquire(): boolean {
    if (!this.available) return false;
    this.acquired += 1;
    return true;
  }
  release(): void {
    this.released += 1;
  }
}

export class FixedClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
  remainingMs(): number {
    return 300_000;
  }
}

export const STAFF: StaffMember[] = [
  {
    email: 'clerk@x.gov.co',
    name: 'Clerk',
    dependency: 'Ventanilla Única',
    role: 'clerk',
    onLeave: false,
  },
  {
    email: 'boss@x.gov.co',
    name: 'Boss',
    dependency: 'Ventanilla Única',
    role: 'supervisor',
    onLeave: false,
  },
];

export function makeDeps(overrides: { settings?: Partial<EntitySettings>; now?: number } = {}) {
  const settings: EntitySettings = {
    ...DEFAULT_SETTINGS,
    name: 'Alcaldía de Prueba',
    daneCode: '05001',
    ...overrides.settings,
  };
  const config: EntityConfig = {
    settings,
    staff: STAFF,
    routing: [],
    calendar: { worksSaturdays: false, closedDays: [] },
    warnings: [],
  };
  let n = 0;
  const tokens: Tokens = { newToken: () => `token-${++n}`, hash: (t) => `hash(${t})` };
  const logs: string[] = [];
  const log: Logger = { info: (m) => logs.push(m), error: (m) => logs.push(`ERROR ${m}`) };
  const deps = {
    config,
    cases: new MemoryCases(),
    audit: new MemoryAudit(),
    outbox: new MemoryOutbox(),
    mailer: new MemoryMailer(),
    state: new MemoryState(),
    lock: new CountingMutex(),
    clock: new FixedClock(overrides.now ?? Date.parse('2026-07-06T09:00:00-05:00')),
    tokens,
    log,
  };
  return { deps: deps satisfies IntakeDeps, logs };
}

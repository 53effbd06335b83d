import { Execution, ExecutionTimeLimitError } from '../../../tools/simulator/kernel';
import { LockStore, createLockService } from '../../../tools/simulator/services/lock';

const T0 = Date.UTC(2026, 6, 20, 12, 0, 0);
// Zero-cost calls so the time a test observes is only the time spent waiting.
const FREE = { '*': { baseMs: 0 } };

function lockFor(store: LockStore, startMs = T0) {
  const exec = new Execution({ name: 'test', startMs, costs: FREE });
  const service = createLockService(exec, {
    script: () => store,
    user: () => new LockStore(),
    document: () => null,
  });
  return { exec, service, lock: service.getScriptLock() };
}

describe('LockService', () => {
  test('tryLock on a free lock succeeds at once', () => {
    const store = new LockStore();
    const { exec, lock } = lockFor(store);
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(exec.simulatedMs).toBe(0);
    expect(store.acquisitions).toBe(1);
    // Already held: no effect, still true.
    expect(lock.tryLock(0)).toBe(true);
    expect(store.acquisitions).toBe(1);
  });

  test('a phantom holder releasing within the timeout: acquired after waiting', () => {
    const store = new LockStore();
    store.holdUntil(T0 + 5000);
    const { exec, lock } = lockFor(store);
    expect(lock.tryLock(10_000)).toBe(true);
    expect(exec.simulatedMs).toBe(5000);
    expect(lock.hasLock()).toBe(true);
  });

  test('tryLock gives up after the timeout and spends it', () => {
    const store = new LockStore();
    store.holdUntil(T0 + 60_000);
    const { exec, lock } = lockFor(store);
    expect(lock.tryLock(1000)).toBe(false);
    expect(exec.simulatedMs).toBe(1000);
    expect(lock.hasLock()).toBe(false);
  });

  test('waitLock throws the lock timeout error after spending the timeout', () => {
    const store = new LockStore();
    store.holdUntil(T0 + 120_000);
    const { exec, lock } = lockFor(store);
    expect(() => lock.waitLock(30_000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(exec.simulatedMs).toBe(30_000);
    expect(store.timeouts).toBe(1);
  });

  test('waiting counts against the 6-minute execution limit', () => {
    const store = new LockStore();
    store.holdUntil(T0 + 10 * 60_000);
    const { lock } = lockFor(store);
    expect(() => lock.waitLock(400_000)).toThrow(ExecutionTimeLimitError);
  });

  test('a lock is released automatically when the execution ends', () => {
    const store = new LockStore();
    const first = lockFor(store);
    first.lock.waitLock(1000);
    const blocked = lockFor(store, T0 + 1000);
    expect(blocked.lock.tryLock(100)).toBe(false);
    first.exec.finish();
    const second = lockFor(store, T0 + 2000);
    expect(second.lock.tryLock(0)).toBe(true);
    expect(store.acquisitions).toBe(2);
  });

  test('releaseLock frees the lock for the next execution', () => {
    const store = new LockStore();
    const first = lockFor(store);
    first.lock.waitLock(0);
    first.lock.releaseLock();
    expect(first.lock.hasLock()).toBe(false);
    expect(lockFor(store, T0 + 10).lock.tryLock(0)).toBe(true);
  });

  test('negative or non-numeric timeouts are refused', () => {
    const { lock } = lockFor(new LockStore());
    expect(() => lock.tryLock(-1)).toThrow('Invalid argument: timeoutInMillis');
    expect(() => lock.waitLock(Number.NaN)).toThrow('Invalid argument: timeoutInMillis');
  });

  test('getDocumentLock is null without a document; calls are charged', () => {
    const { service, exec, lock } = lockFor(new LockStore());
    expect(service.getDocumentLock()).toBeNull();
    lock.tryLock(0);
    expect(exec.calls.get('LockService.getScriptLock')).toBe(1);
    expect(exec.calls.get('Lock.tryLock')).toBe(1);
  });
});

describe('overlapping executions (run one after another, their virtual times overlap)', () => {
  test('an execution that started while another held the lock waits until it was released', () => {
    const store = new LockStore();
    const first = lockFor(store, T0);
    expect(first.lock.tryLock(30_000)).toBe(true);
    first.exec.spend(4000); // holds it 4 s
    first.lock.releaseLock();
    first.exec.finish();
    // Started 1 s after the first, run afterwards by the simulator: waits the 3 s left.
    const second = lockFor(store, T0 + 1000);
    expect(second.lock.tryLock(30_000)).toBe(true);
    expect(second.exec.simulatedMs).toBe(3000);
  });

  test('a lock held to the end of the execution is free from that end on', () => {
    const store = new LockStore();
    const first = lockFor(store, T0);
    expect(first.lock.tryLock(30_000)).toBe(true);
    first.exec.spend(2000);
    first.exec.finish(); // Lock reference: released when the script ends
    const second = lockFor(store, T0 + 500);
    expect(second.lock.tryLock(30_000)).toBe(true);
    expect(second.exec.simulatedMs).toBe(1500);
  });

  test('gives up when the earlier holder keeps it past the timeout', () => {
    const store = new LockStore();
    const first = lockFor(store, T0);
    expect(first.lock.tryLock(30_000)).toBe(true);
    first.exec.spend(40_000);
    first.exec.finish();
    const second = lockFor(store, T0);
    expect(second.lock.tryLock(30_000)).toBe(false);
    expect(second.exec.simulatedMs).toBe(30_000);
  });

  test('executions that do not overlap never wait', () => {
    const store = new LockStore();
    const first = lockFor(store, T0);
    expect(first.lock.tryLock(30_000)).toBe(true);
    first.exec.spend(1000);
    first.exec.finish();
    const later = lockFor(store, T0 + 5000);
    expect(later.lock.tryLock(30_000)).toBe(true);
    expect(later.exec.simulatedMs).toBe(0);
  });
});

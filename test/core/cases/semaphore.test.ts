// The tracking sheet's traffic light, from a case's status and business days left.
import { semaphoreOf } from '../../../src/core/cases/semaphore';

describe('semaphoreOf', () => {
  const open = (businessDaysLeft: number) =>
    semaphoreOf({ status: 'en_tramite', businessDaysLeft }, 3);

  it('is overdue past the due date, due soon within the reminder window, else running', () => {
    expect(open(-1)).toBe('Vencido');
    expect(open(0)).toBe('Por vencer');
    expect(open(3)).toBe('Por vencer');
    expect(open(4)).toBe('En término');
    expect(semaphoreOf({ status: 'radicado', businessDaysLeft: 10 }, 3)).toBe('En término');
  });

  it('says suspended while the entity waits, and closed whatever the days', () => {
    expect(semaphoreOf({ status: 'suspendido', businessDaysLeft: -5 }, 3)).toBe('Suspendido');
    for (const status of ['respondido', 'trasladado', 'anulado', 'desistido', 'archivado'] as const)
      expect(semaphoreOf({ status, businessDaysLeft: -5 }, 3)).toBe('Cerrado');
  });
});

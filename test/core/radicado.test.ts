import { counterKey, formatRadicado, parseRadicado } from '../../src/core/radicado';

describe('radicado', () => {
  it('formats YYYY-NNNNNN, with the DANE code as an optional prefix', () => {
    expect(formatRadicado({ prefix: '', year: 2026, number: 123 })).toBe('2026-000123');
    expect(formatRadicado({ prefix: '05001', year: 2026, number: 123 })).toBe('05001-2026-000123');
    expect(formatRadicado({ prefix: '', year: 2026, number: 1234567 })).toBe('2026-1234567');
  });

  it('parses what it formats', () => {
    expect(parseRadicado('05001-2026-000123')).toEqual({
      prefix: '05001',
      year: 2026,
      number: 123,
    });
    expect(parseRadicado('2026-000001')).toEqual({ prefix: '', year: 2026, number: 1 });
    expect(parseRadicado('26-1')).toBeNull();
  });

  it('keeps one counter per year', () => {
    expect(counterKey(2026)).not.toBe(counterKey(2027));
  });
});

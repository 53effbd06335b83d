import { REQUEST_TYPE_CODES } from '../../../src/core/request-types';
import {
  INFO_REQUEST_TERM,
  LEGAL_TERMS,
  TRANSFER_TERM,
  termDaysFor,
} from '../../../src/core/terms/legal-terms';

describe('legal terms by request type (business days)', () => {
  it.each([
    ['peticion_general', 15], // CPACA art. 14
    ['peticion_particular', 15], // CPACA art. 14
    ['peticion_documentos', 10], // CPACA art. 14 num. 1
    ['consulta', 30], // CPACA art. 14 num. 2
    ['queja', 15],
    ['reclamo', 15],
    ['sugerencia', 15],
    ['denuncia', 15],
    ['felicitacion', 15],
    ['peticion_autoridad', 10], // CPACA art. 30
    ['peticion_congresista', 5], // Ley 5 de 1992 art. 258
  ] as const)('%s: %i', (type, days) => {
    expect(termDaysFor(type)).toBe(days);
    expect(LEGAL_TERMS[type].days).toBe(days);
  });

  it('has a row with its legal basis for every request type', () => {
    for (const type of REQUEST_TYPE_CODES) {
      expect(LEGAL_TERMS[type].basis.length).toBeGreaterThan(5);
    }
    expect(Object.keys(LEGAL_TERMS).sort()).toEqual([...REQUEST_TYPE_CODES].sort());
  });

  it('forwards in 5 days (art. 21) and asks for missing information within 10 (art. 17)', () => {
    expect(TRANSFER_TERM.days).toBe(5);
    expect(TRANSFER_TERM.basis).toContain('art. 21');
    expect(INFO_REQUEST_TERM.days).toBe(10);
    expect(INFO_REQUEST_TERM.basis).toContain('art. 17');
  });
});

import { normalizeSubmission } from '../../../src/core/intake/normalize-submission';
import {
  CELL_TEXT_LIMIT,
  escapeHtml,
  normalizeText,
  splitForCells,
} from '../../../src/core/intake/normalize-text';

const base = {
  type: 'Queja',
  anonymous: 'No',
  name: 'Ana Ruiz',
  idType: 'Cédula de ciudadanía',
  idNumber: '0012345',
  email: 'Ana@Example.com',
  subject: 'Ruido',
  description: 'Música a alto volumen.',
  consent: ['Autorizo'],
};

describe('normalizeSubmission', () => {
  it('maps labels to codes and keeps ID numbers as text with their zeros', () => {
    const s = normalizeSubmission(base);
    expect(s.type).toBe('queja');
    expect(s.declaredType).toBe('queja');
    expect(s.petitioner.idNumber).toBe('0012345');
    expect(s.petitioner.email).toBe('ana@example.com');
    expect(s.emailDeliverable).toBe(true);
    expect(s.alerts).toEqual([]);
  });

  it('radicates a missing type as a general petition and says so', () => {
    const s = normalizeSubmission({ ...base, type: undefined });
    expect(s.type).toBe('peticion_general');
    expect(s.declaredType).toBeNull();
    expect(s.alerts.map((a) => a.code)).toContain('TYPE_MISSING');
  });

  it('flags an unknown type with its text', () => {
    const s = normalizeSubmission({ ...base, type: 'Tutela' });
    expect(s.alerts).toContainEqual({ code: 'TYPE_UNKNOWN', details: { value: 'Tutela' } });
  });

  it.each(['luis giraldo@correo', 'sin-arroba', 'a@b', 'a@@b.co', 'x@dominio..co'])(
    'refuses to mail %s but keeps it for staff',
    (email) => {
      const s = normalizeSubmission({ ...base, email });
      expect(s.emailDeliverable).toBe(false);
      expect(s.petitioner.email).toBe(email.toLowerCase());
      expect(s.alerts.map((a) => a.code)).toContain('EMAIL_INVALID');
    },
  );

  it('asks no identity of anonymous filers and drops what the form skipped', () => {
    const s = normalizeSubmission({ ...base, anonymous: 'Sí', email: '' });
    expect(s.petitioner).toMatchObject({ anonymous: true, name: '', idNumber: '', idType: '' });
    expect(s.alerts.map((a) => a.code)).toContain('CONTACT_MISSING');
  });

  it('normalises to NFC and strips control characters', () => {
    const s = normalizeSubmission({ ...base, subject: 'Cafe\u0301\u0007 😀' });
    expect(s.subject).toBe('Caf\u00e9 😀');
  });

  it('keeps a text longer than a cell whole in chunks and flags it', () => {
    const long = 'a'.repeat(60000);
    const s = normalizeSubmission({ ...base, description: long });
    expect(s.description.length).toBeLessThanOrEqual(50000);
    expect(s.longTexts).toHaveLength(1);
    expect(s.longTexts[0].chunks.join('')).toBe(long);
    expect(s.alerts).toContainEqual({
      code: 'TEXT_TRUNCATED',
      details: { field: 'Describa su solicitud y sus razones' },
    });
  });

  it('still accepts an empty submission, flagged for staff', () => {
    const s = normalizeSubmission({});
    expect(s.alerts.map((a) => a.code)).toEqual(
      expect.arrayContaining([
        'TYPE_MISSING',
        'SUBMISSION_EMPTY',
        'CONSENT_MISSING',
        'CONTACT_MISSING',
      ]),
    );
  });
});

describe('text helpers', () => {
  it('never splits a surrogate pair', () => {
    const text = 'a'.repeat(4) + '😀' + 'b';
    const chunks = splitForCells(text, 5);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) expect(chunk).toBe(chunk.normalize()); // lone surrogates would not round-trip
    expect(chunks[0]).toBe('aaaa');
  });

  it('uses a cell limit under the 50,000 characters Sheets allows', () => {
    expect(CELL_TEXT_LIMIT).toBeLessThan(50000);
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;',
    );
  });

  it('joins checkbox answers and tolerates null', () => {
    expect(normalizeText(['a', 'b'])).toBe('a, b');
    expect(normalizeText(null)).toBe('');
  });
});

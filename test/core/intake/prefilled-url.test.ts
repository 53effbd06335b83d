import { FORM_QUESTIONS, YES } from '../../../src/core/intake/form-definition';
import {
  answerQuery,
  answersFromPrefilledUrl,
  FORM_ENTRIES_KEY,
  keyTimestamp,
  missingRequiredQuestions,
  prefilledPairs,
  readEntryMap,
  responseKey,
  type EntryMap,
} from '../../../src/core/intake/prefilled-url';

const BASE = 'https://docs.google.com/forms/d/e/1FAIpQLSf-x/viewform?usp=pp_url';
const ENTRIES: EntryMap = {
  '111': 'type',
  '222': 'subject',
  '333': 'differentialGroup',
  '444': 'consent',
  '555': 'email',
};

describe('prefilledPairs', () => {
  it('reads the entry pairs in order, ignoring other parameters', () => {
    expect(prefilledPairs(`${BASE}&entry.111=Queja&entry.222=Ruido`)).toEqual([
      { entry: '111', value: 'Queja' },
      { entry: '222', value: 'Ruido' },
    ]);
  });

  it("decodes '+' as a space and percent escapes, keeping an encoded '+'", () => {
    expect(prefilledPairs(`${BASE}&entry.222=Hueco+en+la+v%C3%ADa+5%2B6+%26+andén`)).toEqual([
      { entry: '222', value: 'Hueco en la vía 5+6 & andén' },
    ]);
  });

  it('keeps a value with an equals sign whole, and a malformed escape as written', () => {
    expect(prefilledPairs(`${BASE}&entry.222=a%3Db=c&entry.111=100%`)).toEqual([
      { entry: '222', value: 'a=b=c' },
      { entry: '111', value: '100%' },
    ]);
  });

  it('has no pairs without a query', () => {
    expect(prefilledPairs('https://docs.google.com/forms/d/e/x/viewform')).toEqual([]);
  });
});

describe('answersFromPrefilledUrl', () => {
  it('maps entries to field codes, repeating checkbox entries into a list', () => {
    const url =
      `${BASE}&entry.111=Queja&entry.333=Persona+mayor&entry.333=Grupo+%C3%A9tnico` +
      `&entry.444=Autorizo&entry.222=Ruido`;
    expect(answersFromPrefilledUrl(url, ENTRIES)).toEqual({
      type: 'Queja',
      differentialGroup: ['Persona mayor', 'Grupo étnico'],
      consent: ['Autorizo'],
      subject: 'Ruido',
    });
  });

  it('ignores entries the map does not know (a question the admin added)', () => {
    expect(answersFromPrefilledUrl(`${BASE}&entry.999=extra&entry.111=Queja`, ENTRIES)).toEqual({
      type: 'Queja',
    });
  });
});

describe('responseKey', () => {
  const url = `${BASE}&entry.111=Queja&entry.222=Ruido`;

  it('is stable for the same answers at the same time, whatever the form address', () => {
    expect(responseKey(1000, url)).toBe(responseKey(1000, url));
    const moved = url.replace(BASE, 'https://docs.google.com/forms/d/e/OTRO/viewform?usp=pp_url');
    expect(responseKey(1000, moved)).toBe(responseKey(1000, url));
    expect(answerQuery(url)).toBe('111=Queja&222=Ruido');
  });

  it('differs for different answers or a different timestamp', () => {
    expect(responseKey(1000, `${url}+fuerte`)).not.toBe(responseKey(1000, url));
    expect(responseKey(1000, url.replace('entry.222', 'entry.555'))).not.toBe(
      responseKey(1000, url),
    );
    expect(responseKey(1001, url)).not.toBe(responseKey(1000, url));
  });

  it('carries its timestamp', () => {
    expect(responseKey(1783343700000, url)).toMatch(/^f1783343700000-[0-9a-f]{16}$/);
    expect(keyTimestamp(responseKey(1783343700000, url))).toBe(1783343700000);
    expect(keyTimestamp('verbal:abc')).toBeNull();
  });
});

describe('readEntryMap', () => {
  it('reads the map setup stored, or nothing when it is missing, empty or unreadable', () => {
    expect(readEntryMap({ [FORM_ENTRIES_KEY]: JSON.stringify(ENTRIES) })).toEqual(ENTRIES);
    expect(readEntryMap({})).toBeNull();
    expect(readEntryMap({ [FORM_ENTRIES_KEY]: '{}' })).toBeNull();
    expect(readEntryMap({ [FORM_ENTRIES_KEY]: '{roto' })).toBeNull();
  });
});

describe('missingRequiredQuestions', () => {
  const required = FORM_QUESTIONS.filter((q) => q.required);
  const allAnswered = Object.fromEntries(required.map((q) => [q.code, 'x']));

  it('names nothing when every required question was answered', () => {
    expect(missingRequiredQuestions({ ...allAnswered, anonymous: 'No' })).toEqual([]);
  });

  it('names the required questions that brought no answer (removed from the form)', () => {
    const { subject: _s, consent: _c, ...rest } = allAnswered;
    expect(missingRequiredQuestions({ ...rest, anonymous: 'No' })).toEqual([
      'Asunto',
      'Tratamiento de datos personales (Ley 1581 de 2012)',
    ]);
  });

  it('does not ask an anonymous filer for the identity questions', () => {
    const identity = new Set(
      FORM_QUESTIONS.filter((q) => q.section === 'identity').map((q) => q.code),
    );
    const withoutIdentity = Object.fromEntries(
      Object.entries(allAnswered).filter(([code]) => !identity.has(code as never)),
    );
    expect(missingRequiredQuestions({ ...withoutIdentity, anonymous: YES })).toEqual([]);
    expect(missingRequiredQuestions({ ...withoutIdentity, anonymous: 'No' })).toEqual(
      FORM_QUESTIONS.filter((q) => q.section === 'identity' && q.required).map((q) => q.title),
    );
  });
});

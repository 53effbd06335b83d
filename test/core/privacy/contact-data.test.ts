// Ley 1581 de 2012, arts. 4 (principio de acceso y circulación restringida) and 8 (the titular's
// rights): what staff see of a petitioner, and how a titular's cases are found.
import type { Petitioner } from '../../../src/core/cases/case-record';
import {
  anonymisedContact,
  ANONYMISED_NAME,
  contactOf,
  dataStewardsOf,
  isMasked,
  maskAddress,
  maskEmail,
  maskedFields,
  maskNumber,
  maskPetitioner,
  matchesTitular,
  RESERVED_EMAIL_MASK,
  RESERVED_NAME,
  scrubAddress,
  titularKey,
  unmaskPetitioner,
  usableEmail,
} from '../../../src/core/privacy/contact-data';

const PETITIONER: Petitioner = {
  anonymous: false,
  applicantKind: 'Persona natural',
  name: 'María Fernanda Ríos',
  idType: 'Cédula de ciudadanía',
  idNumber: '43.876.512',
  email: 'mafe.rios@gmail.com',
  phone: '+57 310 456 7890',
  address: 'Calle 10 # 5-23',
  municipality: 'San Jerónimo',
  preferredChannel: 'Correo electrónico',
  acceptsEmailNotification: true,
};

describe('masks', () => {
  it('shows the first letter and the domain of an email, nothing of an invalid one', () => {
    expect(maskEmail('mafe.rios@gmail.com')).toBe('m•••@gmail.com');
    expect(maskEmail('luis giraldo@correo')).toBe('••• (correo no válido)');
    expect(maskEmail('')).toBe('');
    // Masking twice changes nothing (a row read back and written again).
    expect(maskEmail(maskEmail('a@b.co'))).toBe('a•••@b.co');
  });

  it('shows the last four characters of a document or phone number, none of a short one', () => {
    expect(maskNumber('43.876.512')).toBe('•••6512');
    expect(maskNumber('+57 310 456 7890')).toBe('•••7890');
    expect(maskNumber('900123456-1')).toBe('•••4561');
    expect(maskNumber('12345')).toBe('•••');
    expect(maskNumber('')).toBe('');
    expect(maskNumber('•••7890')).toBe('•••7890');
  });

  it('shows only that an address exists', () => {
    expect(maskAddress('Calle 10 # 5-23')).toBe('•••');
    expect(maskAddress('  ')).toBe('');
  });

  it('masks the contact of a petitioner and keeps the rest', () => {
    const masked = maskPetitioner(PETITIONER);
    expect(masked).toEqual({
      ...PETITIONER,
      idNumber: '•••6512',
      email: 'm•••@gmail.com',
      phone: '•••7890',
      address: '•••',
    });
    for (const value of [masked.idNumber, masked.email, masked.phone, masked.address])
      expect(isMasked(value)).toBe(true);
  });

  it('leaves no trace of a petitioner who asked for reserva de identidad', () => {
    const masked = maskPetitioner({ ...PETITIONER, identityReserved: true });
    // Not even the email's domain or the last digits: a colleague could be told by them.
    expect(masked).toMatchObject({
      name: RESERVED_NAME,
      idNumber: '•••',
      email: RESERVED_EMAIL_MASK,
      phone: '•••',
      address: '•••',
    });
    expect(JSON.stringify(masked)).not.toMatch(/María|gmail|6512|7890/);
    // The row still says a valid address exists, so the citizen's notices are queued.
    expect(usableEmail(masked.email)).toBe(RESERVED_EMAIL_MASK);
    expect(usableEmail(maskEmail('luis giraldo@correo'))).toBe('');
    expect(usableEmail(maskEmail('mafe.rios@gmail.com'))).toBe('m•••@gmail.com');
  });
});

describe('the data store record', () => {
  it('keeps what was filed, and gives it back for the citizen’s own mail', () => {
    const contact = contactOf('2026-000001', PETITIONER, '2026-07-06T13:12:00.000Z');
    expect(contact).toEqual({
      radicado: '2026-000001',
      name: 'María Fernanda Ríos',
      idType: 'Cédula de ciudadanía',
      idNumber: '43.876.512',
      email: 'mafe.rios@gmail.com',
      phone: '+57 310 456 7890',
      address: 'Calle 10 # 5-23',
      identityReserved: false,
      updatedAt: '2026-07-06T13:12:00.000Z',
    });
    expect(unmaskPetitioner(maskPetitioner(PETITIONER), contact)).toEqual(PETITIONER);
  });

  it('after anonymisation keeps the radicado and nothing that identifies the titular', () => {
    const contact = contactOf('2026-000001', PETITIONER, '2026-07-06T13:12:00.000Z');
    const gone = anonymisedContact(contact, '2026-08-01T15:00:00.000Z');
    expect(gone).toMatchObject({
      radicado: '2026-000001',
      name: '',
      idNumber: '',
      email: '',
      phone: '',
      address: '',
      anonymisedAt: '2026-08-01T15:00:00.000Z',
    });
    expect(maskedFields(gone)).toEqual({
      name: ANONYMISED_NAME,
      idType: '',
      idNumber: '',
      email: '',
      phone: '',
      address: '',
    });
  });
});

describe('finding a titular', () => {
  const contact = contactOf('2026-000001', PETITIONER, '');

  it('by email, whatever the case and spaces', () => {
    expect(titularKey(' MAFE.Rios@Gmail.com ')).toEqual({
      kind: 'email',
      value: 'mafe.rios@gmail.com',
    });
    expect(matchesTitular(contact, 'MAFE.RIOS@gmail.com')).toBe(true);
    expect(matchesTitular(contact, 'otra@gmail.com')).toBe(false);
  });

  it('by document number, with or without dots', () => {
    expect(matchesTitular(contact, '43876512')).toBe(true);
    expect(matchesTitular(contact, '43.876.512')).toBe(true);
    expect(matchesTitular(contact, '4387651')).toBe(false);
  });

  it('refuses a query too short to name anybody', () => {
    expect(titularKey('')).toBeNull();
    expect(titularKey('12')).toBeNull();
    expect(matchesTitular({ ...contact, idNumber: '' }, '')).toBe(false);
  });
});

describe('who may open the data store', () => {
  const staff = [
    { email: 'Admin@x.gov.co', role: 'admin' },
    { email: 'clerk@x.gov.co', role: 'clerk' },
  ];
  it('the people Configuración names, else the admins', () => {
    expect(dataStewardsOf({ dataStewards: [] }, staff)).toEqual(['admin@x.gov.co']);
    expect(dataStewardsOf({ dataStewards: ['DPO@x.gov.co'] }, staff)).toEqual(['dpo@x.gov.co']);
  });
});

it('masks an address MailApp quotes in its error', () => {
  expect(scrubAddress('Invalid email: ana@example.com', 'ana@example.com')).toBe(
    'Invalid email: a•••@example.com',
  );
  expect(scrubAddress('Service error', 'ana@example.com')).toBe('Service error');
});

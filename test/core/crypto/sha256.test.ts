import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { hmacSha256Hex, sha256Hex, utf8Bytes } from '../../../src/core/crypto/sha256';

describe('sha256Hex', () => {
  // FIPS 180-4 example vectors (NIST CSRC "SHA256.pdf").
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('digests %j as the standard says', (text, expected) => {
    expect(sha256Hex(text)).toBe(expected);
  });

  it('agrees with Node for any text, including accents and astral characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
    );
  });
});

describe('hmacSha256Hex', () => {
  // RFC 4231 test case 2.
  it('matches RFC 4231 test case 2', () => {
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('agrees with Node for keys longer and shorter than a block', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.string({ maxLength: 200 }), (key, message) => {
        expect(hmacSha256Hex(key, message)).toBe(
          createHmac('sha256', key).update(message, 'utf8').digest('hex'),
        );
      }),
    );
  });
});

describe('utf8Bytes', () => {
  it('encodes Spanish text as Node does', () => {
    expect(utf8Bytes('Peñón ü €')).toEqual([...Buffer.from('Peñón ü €', 'utf8')]);
  });
});

// The manifest edit is textual: only the characters of our library's version change.
import { FleetError } from '../../../tools/fleet/fleet-errors';
import {
  pinnedVersionNumber,
  readLibraryPin,
  repinFiles,
  repinLibrary,
  resolveLibraryPin,
  setLibraryPin,
} from '../../../tools/fleet/manifest-pin';

const OURS = '1PQRSourLibrary000000000000000000000000000000000000000000';
const OTHER = '1B7FSrk5Zi6L1rSxxTDgDEUsPzlukDsi4KGuTMorsTQHhGBzBkMun4iDF';
const OLD = '1PQRSoldLibraryAgotada0000000000000000000000000000000000';

// Hand-edited layout: tabs, odd spacing, a key order no serializer would produce, the same
// version text in the other library, and escapes in a string.
const MANIFEST = `{
\t"timeZone":"America/Bogota",
  "dependencies" : { "libraries": [
      {"userSymbol":"OAuth2","libraryId":"${OTHER}","version":"4"},
      { "version" :   "4" ,"developmentMode": false, "userSymbol": "Ventanilla", "libraryId": "${OURS}" }
  ]},
  "webapp": {"access":"ANYONE_ANONYMOUS","executeAs":"USER_DEPLOYING"},
  "description": "Alcald\\u00eda \\"Nueva\\" — versión 4"
}
`;

it('changes only the version characters of our library entry, found by libraryId', () => {
  const next = repinLibrary(MANIFEST, OURS, '12');
  const at = MANIFEST.indexOf('"version" :   "4"') + '"version" :   '.length;
  expect(next).toBe(`${MANIFEST.slice(0, at)}"12"${MANIFEST.slice(at + 3)}`);
  expect(readLibraryPin(next, OURS)).toEqual({
    version: '12',
    developmentMode: false,
    userSymbol: 'Ventanilla',
  });
  expect(readLibraryPin(next, OTHER).version).toBe('4');
});

it('keeps a version written as a JSON number a number', () => {
  const manifest = `{"dependencies":{"libraries":[{"libraryId":"${OURS}","version": 7}]}}`;
  expect(repinLibrary(manifest, OURS, '8')).toBe(
    `{"dependencies":{"libraries":[{"libraryId":"${OURS}","version": 8}]}}`,
  );
});

it('never adds the library: a manifest without it fails with a clear error', () => {
  const manifest = `{"dependencies":{"libraries":[{"libraryId":"${OTHER}","version":"4"}]}}`;
  expect(() => repinLibrary(manifest, OURS, '5')).toThrow(FleetError);
  expect(() => repinLibrary(manifest, OURS, '5')).toThrow(/no usa la librería/);
  expect(() => readLibraryPin('{"timeZone":"America/Bogota"}', OURS)).toThrow(
    expect.objectContaining({ code: 'LIBRARY_NOT_REFERENCED' }),
  );
});

it('refuses a manifest that declares our library twice, and one that is not JSON', () => {
  const twice = `{"dependencies":{"libraries":[{"libraryId":"${OURS}","version":"4"},{"libraryId":"${OURS}","version":"3"}]}}`;
  expect(() => repinLibrary(twice, OURS, '5')).toThrow(
    expect.objectContaining({ code: 'LIBRARY_AMBIGUOUS' }),
  );
  expect(() => readLibraryPin('{"dependencies": ', OURS)).toThrow(
    expect.objectContaining({ code: 'MANIFEST_INVALID' }),
  );
});

it('changes the manifest file only; every other file is returned as it was', () => {
  const files = [
    {
      name: 'Code',
      type: 'SERVER_JS',
      source: '// ñandú\nfunction doGet(e) { return PQRS.doGet(e); }\n',
    },
    { name: 'appsscript', type: 'JSON', source: MANIFEST },
    { name: 'Página', type: 'HTML', source: '<p>"4"</p>\r\n' },
  ];
  const next = repinFiles(files, OURS, '5');
  expect(next.map((f) => [f.name, f.type])).toEqual(files.map((f) => [f.name, f.type]));
  expect(next[0]?.source).toBe(files[0]?.source);
  expect(next[2]?.source).toBe(files[2]?.source);
  expect(readLibraryPin(next[1]?.source ?? '', OURS).version).toBe('5');
});

it('reads a decimal integer version as a number, anything else as null', () => {
  expect(pinnedVersionNumber('12')).toBe(12);
  expect(pinnedVersionNumber('12.1')).toBeNull();
  expect(pinnedVersionNumber('')).toBeNull();
  expect(pinnedVersionNumber(null)).toBeNull();
});

it('moves the entry to another library: only its libraryId and version characters change', () => {
  const old = MANIFEST.replace(OURS, OLD);
  // Written out: the same text with the entry naming OURS at "1".
  const expected = `{
\t"timeZone":"America/Bogota",
  "dependencies" : { "libraries": [
      {"userSymbol":"OAuth2","libraryId":"${OTHER}","version":"4"},
      { "version" :   "1" ,"developmentMode": false, "userSymbol": "Ventanilla", "libraryId": "${OURS}" }
  ]},
  "webapp": {"access":"ANYONE_ANONYMOUS","executeAs":"USER_DEPLOYING"},
  "description": "Alcald\\u00eda \\"Nueva\\" — versión 4"
}
`;
  expect(setLibraryPin(old, OLD, { libraryId: OURS, version: '1' })).toBe(expected);
  // And back: the original text exactly.
  expect(setLibraryPin(expected, OURS, { libraryId: OLD, version: '4' })).toBe(old);
  const numeric = `{"dependencies":{"libraries":[{"libraryId":"${OLD}","version": 198}]}}`;
  expect(setLibraryPin(numeric, OLD, { libraryId: OURS, version: '1' })).toBe(
    `{"dependencies":{"libraries":[{"libraryId":"${OURS}","version": 1}]}}`,
  );
});

it('never leaves two entries for one library, and tells which library an entity is on', () => {
  const both = `{"dependencies":{"libraries":[{"libraryId":"${OLD}","version":"198"},{"libraryId":"${OURS}","version":"1"}]}}`;
  expect(() => setLibraryPin(both, OLD, { libraryId: OURS, version: '1' })).toThrow(
    expect.objectContaining({ code: 'LIBRARY_AMBIGUOUS' }),
  );
  expect(() => resolveLibraryPin(both, OURS, OLD)).toThrow(
    expect.objectContaining({ code: 'LIBRARY_AMBIGUOUS' }),
  );
  // Without a previous library, only ours is looked at, as before.
  expect(resolveLibraryPin(both, OURS)).toMatchObject({ library: 'current', version: '1' });
  expect(resolveLibraryPin(MANIFEST.replace(OURS, OLD), OURS, OLD)).toEqual({
    library: 'previous',
    libraryId: OLD,
    version: '4',
    developmentMode: false,
    userSymbol: 'Ventanilla',
  });
  expect(resolveLibraryPin(MANIFEST, OURS, OLD)).toMatchObject({ library: 'current' });
  const neither = `{"dependencies":{"libraries":[{"libraryId":"${OTHER}","version":"4"}]}}`;
  expect(() => resolveLibraryPin(neither, OURS, OLD)).toThrow(
    expect.objectContaining({ code: 'LIBRARY_NOT_REFERENCED' }),
  );
  expect(() => resolveLibraryPin(neither, OURS, OLD)).toThrow(/ni la anterior/);
});

import { Execution, type ExecutionOptions } from '../../../tools/simulator/kernel';
import {
  PropertyStore,
  createPropertiesService,
} from '../../../tools/simulator/services/properties';

const T0 = Date.UTC(2026, 6, 20, 12, 0, 0);
const newExec = (options: Partial<ExecutionOptions> = {}) =>
  new Execution({ name: 'test', startMs: T0, ...options });

function setup(options: { document?: PropertyStore | null } = {}) {
  const script = new PropertyStore();
  const user = new PropertyStore();
  const exec = newExec();
  const service = createPropertiesService(exec, {
    script: () => script,
    user: () => user,
    document: () => (options.document === undefined ? new PropertyStore() : options.document),
  });
  return { exec, script, user, service };
}

describe('PropertiesService', () => {
  test('getProperty returns null for a missing key; setProperty coerces to string and chains', () => {
    const { service } = setup();
    const props = service.getScriptProperties();
    expect(props.getProperty('missing')).toBeNull();
    const returned = props.setProperty('n', 42).setProperty('flag', true);
    expect(returned).toBe(props);
    expect(props.getProperty('n')).toBe('42');
    expect(props.getProperty('flag')).toBe('true');
  });

  test('getProperties returns a copy, not a live view', () => {
    const { service } = setup();
    const props = service.getUserProperties();
    props.setProperty('a', '1');
    const copy = props.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
    expect(props.getKeys()).toEqual(['a']);
  });

  test('setProperties merges, or replaces everything with deleteAllOthers', () => {
    const { service } = setup();
    const props = service.getScriptProperties();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ c: 3 });
    expect(props.getProperties()).toEqual({ a: '1', b: '2', c: '3' });
    props.setProperties({ z: 'only' }, true);
    expect(props.getProperties()).toEqual({ z: 'only' });
  });

  test('deleteProperty and deleteAllProperties', () => {
    const { service } = setup();
    const props = service.getScriptProperties();
    props.setProperties({ a: '1', b: '2' });
    expect(props.deleteProperty('a')).toBe(props);
    expect(props.getKeys()).toEqual(['b']);
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  test('a value over 9 KB (9216 UTF-8 bytes) is refused', () => {
    const { service } = setup();
    const props = service.getScriptProperties();
    expect(() => props.setProperty('ok', 'x'.repeat(9216))).not.toThrow();
    expect(() => props.setProperty('big', 'x'.repeat(9217))).toThrow('Argument too large: value');
    // Bytes, not characters: 4609 two-byte characters are 9218 bytes.
    expect(() => props.setProperty('accents', 'é'.repeat(4609))).toThrow(
      'Argument too large: value',
    );
    expect(props.getProperty('big')).toBeNull();
  });

  test('a store over 500 KB is refused and left unchanged', () => {
    const { service } = setup();
    const props = service.getScriptProperties();
    // 55 keys of 9,000-character values are 495,000+ bytes; one more pushes past 512,000.
    for (let i = 0; i < 56; i += 1)
      props.setProperty(`k${String(i).padStart(2, '0')}`, 'v'.repeat(9000));
    expect(() => props.setProperty('k56', 'v'.repeat(9000))).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(props.getKeys()).toHaveLength(56);
    expect(() => props.setProperties({ x: 'v'.repeat(9000), y: 'v'.repeat(9000) })).toThrow(
      'You have exceeded the property storage quota',
    );
    expect(props.getProperty('x')).toBeNull();
  });

  test('getDocumentProperties is null when there is no document', () => {
    const { service } = setup({ document: null });
    expect(service.getDocumentProperties()).toBeNull();
  });

  test('stores persist across executions; each call is charged', () => {
    const { service, script, exec } = setup();
    service.getScriptProperties().setProperty('k', 'v');
    const later = newExec({ startMs: T0 + 60_000 });
    const again = createPropertiesService(later, {
      script: () => script,
      user: () => new PropertyStore(),
      document: () => null,
    });
    expect(again.getScriptProperties().getProperty('k')).toBe('v');
    expect(exec.calls.get('PropertiesService.getScriptProperties')).toBe(1);
    expect(exec.calls.get('Properties.setProperty')).toBe(1);
    expect(later.calls.get('Properties.getProperty')).toBe(1);
  });
});

import { readSettings, settingCell, SETTING_ROWS, shownValue } from '../../src/gas/settings-rows';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const sheet = (pairs: Record<string, unknown>) => {
  const values = new Map<string, unknown>();
  for (const row of SETTING_ROWS)
    if (pairs[row.key] !== undefined) values.set(row.label.toLowerCase(), pairs[row.key]);
  return values;
};

describe('readSettings', () => {
  it('falls back to lawful defaults for an empty sheet', () => {
    expect(readSettings(new Map()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('reads what the admin typed, as shown in the sheet', () => {
    const { settings, warnings } = readSettings(
      sheet({
        name: 'Alcaldía',
        daneCode: '05656',
        radicadoPrefix: 'Sí',
        worksSaturdays: 'No',
        officeHoursCutoff: '17:30',
        nonBusinessDayFiling: shownValue('nonBusinessDayFiling', 'actual_day'),
        extensionRule: shownValue('extensionRule', 'additional'),
        reminderOffsets: '5, 2',
      }),
    );
    expect(warnings).toEqual([]);
    expect(settings).toMatchObject({
      name: 'Alcaldía',
      daneCode: '05656',
      radicadoPrefix: true,
      worksSaturdays: false,
      officeHoursCutoff: '17:30',
      nonBusinessDayFiling: 'actual_day',
      extensionRule: 'additional',
      reminderOffsets: [5, 2],
    });
  });

  it('ignores a malformed cutoff with a Spanish warning', () => {
    const { settings, warnings } = readSettings(sheet({ officeHoursCutoff: '5 pm' }));
    expect(settings.officeHoursCutoff).toBeNull();
    expect(warnings[0]).toContain('HH:MM');
  });
});

describe('settingCell', () => {
  it('undoes what Sheets does to values typed in a column without a text format', () => {
    expect(settingCell('daneCode', 5001)).toBe('05001');
    expect(settingCell('officeHoursCutoff', new Date(1899, 11, 30, 17, 30))).toBe('17:30');
    expect(settingCell('name', "'Alcaldía")).toBe('Alcaldía');
    expect(settingCell('worksSaturdays', true)).toBe(true);
  });

  it('keeps the DANE code of Antioquia municipalities with its leading zero', () => {
    const values = new Map<string, unknown>([['código dane', 5001]]);
    expect(readSettings(values).settings.daneCode).toBe('05001');
  });
});

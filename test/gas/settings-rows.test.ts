import { readSettings, SETTING_ROWS, shownValue } from '../../src/gas/settings-rows';
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

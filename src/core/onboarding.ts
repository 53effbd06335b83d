// What an entity must fill in before citizens may file: setup's checklist. The form stays closed
// to citizens until the required items are done, so nobody files before "Entidad sin nombre" has
// a name and someone to receive the case.
import { DEFAULT_SETTINGS, type EntitySettings } from './settings';

export interface ChecklistItem {
  readonly label: string;
  readonly done: boolean;
  /** Required items keep the form closed; the others are advice. */
  readonly required: boolean;
}

export function onboardingChecklist(
  settings: Pick<EntitySettings, 'name' | 'daneCode' | 'followUpUrl' | 'replyTo'>,
  staffCount: number,
): ChecklistItem[] {
  return [
    {
      label: 'Nombre de la entidad (Configuración)',
      done: settings.name.trim() !== '' && settings.name !== DEFAULT_SETTINGS.name,
      required: true,
    },
    {
      label: 'Al menos un funcionario en la hoja Dependencias',
      done: staffCount > 0,
      required: true,
    },
    { label: 'Código DANE (Configuración)', done: settings.daneCode !== '', required: false },
    {
      label: 'Página de seguimiento: implemente el script como aplicación web',
      done: settings.followUpUrl !== '',
      required: false,
    },
    {
      label: 'Buzón de PQRSD para las respuestas de los ciudadanos (Configuración)',
      done: settings.replyTo !== '',
      required: false,
    },
  ];
}

/** The form may take citizens' filings once every required item is done. */
export function readyForCitizens(items: readonly ChecklistItem[]): boolean {
  return items.every((item) => item.done || !item.required);
}

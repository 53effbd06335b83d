// The Historial lines of a radication, as a pure function of the case row and a few facts of the
// filing. Intake computes them to set the row's chain head; the sweep computes them again from the
// row when it folds the filing into the Historial, so the state never has to hold their text.
import { bogotaDateOf, bogotaMinutesOf, formatDateEs } from '../calendar/calendar-date';
import type { JournalLine } from '../state/entity-state';
import type { CaseRecord } from './case-record';
import { chainLine } from './case-seal';

export interface RadicationFacts {
  /** The filing's idempotency key, named in the line so a rebuilt store finds the filing. */
  readonly key: string;
  readonly by: string;
  /** When the radication happened (to the second). */
  readonly at: string;
  /** Why routing chose the dependency and assignee. */
  readonly reason: string;
}

export function keyMarker(key: string): string {
  return `[clave ${key}]`;
}

export function keyFromDetails(details: string): string | null {
  const match = /\[clave ([^\]\s]+)\]/.exec(details);
  return match ? match[1] : null;
}

export function formatLocalInstant(ms: number): string {
  const minutes = bogotaMinutesOf(ms);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${formatDateEs(bogotaDateOf(ms))} ${hh}:${mm}`;
}

/** The lines, chained from the start of the case's chain ('' before the first). */
export function radicationLines(
  secret: string,
  record: Pick<
    CaseRecord,
    | 'radicado'
    | 'channel'
    | 'receivedAt'
    | 'dueDate'
    | 'dependency'
    | 'assignee'
    | 'alerts'
    | 'petitioner'
  >,
  facts: RadicationFacts,
): JournalLine[] {
  const details: Array<[string, string]> = [
    [
      'radicado',
      `Canal ${record.channel}; recibido ${formatLocalInstant(Date.parse(record.receivedAt))}; vence ${formatDateEs(record.dueDate)}. ${keyMarker(facts.key)}`,
    ],
    ['asignado', `${facts.reason}: ${record.dependency} / ${record.assignee || 'sin responsable'}`],
    // That it was asked, never who asked: the name is only in the data store.
    ...(record.petitioner.identityReserved
      ? [
          [
            'reserva_identidad',
            'El peticionario pidió reserva de identidad: su nombre y sus datos solo están en la hoja de datos de peticionarios.',
          ] as [string, string],
        ]
      : []),
    ...record.alerts.map((alert): [string, string] => ['alerta', alert]),
  ];
  const lines: JournalLine[] = [];
  let prev = '';
  for (const [event, text] of details) {
    const line = chainLine(secret, prev, {
      at: facts.at,
      by: facts.by,
      radicado: record.radicado,
      event,
      details: text,
    });
    lines.push(line);
    prev = line.hash;
  }
  return lines;
}

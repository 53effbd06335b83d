// Templates: every kind has a Spanish default that passes its own check, unknown or broken
// placeholders are refused, empty values leave no dangling line, HTML is escaped and links work.
import { composeMail } from '../../../src/core/notifications/compose-mail';
import {
  DEFAULT_TEMPLATES,
  fillTemplate,
  htmlOf,
  TEMPLATE_KINDS,
  validateTemplate,
} from '../../../src/core/notifications/templates';

describe('templates', () => {
  it.each(TEMPLATE_KINDS)('the default of %s uses only its own placeholders', (kind) => {
    expect(validateTemplate(kind, DEFAULT_TEMPLATES[kind])).toEqual([]);
  });

  it('refuses an unknown placeholder and a broken one, naming them', () => {
    expect(
      validateTemplate('prorroga', {
        subject: 'Radicado {{radicado}}',
        body: 'Hasta {{fecha_nueva}}',
      }),
    ).toEqual(['usa el marcador desconocido {{fecha_nueva}}']);
    expect(
      validateTemplate('prorroga', {
        subject: 'Radicado {{radicado}',
        body: 'Hasta {{nueva_fecha}}',
      }),
    ).toEqual(['tiene un marcador mal escrito (cada marcador va entre {{ y }})']);
    expect(validateTemplate('acuse', { subject: '', body: 'x' })).toEqual(['no tiene asunto']);
  });

  it('fills placeholders and leaves out a line whose values are all empty', () => {
    const filled = fillTemplate(
      { subject: 'Radicado {{radicado}}', body: 'Hola {{peticionario}}\nMotivo: {{motivo}}\nFin' },
      { radicado: '2026-000001', peticionario: 'Ana', motivo: '' },
    );
    expect(filled).toEqual({ subject: 'Radicado 2026-000001', body: 'Hola Ana\nFin' });
  });

  it('escapes citizen text in the HTML body and makes links clickable', () => {
    expect(htmlOf('<b>Hola</b> & "tú"\n\nVea https://ejemplo.gov.co/s?r=1&t=2')).toBe(
      '<p>&lt;b&gt;Hola&lt;/b&gt; &amp; &quot;tú&quot;</p>\n\n<p>Vea <a href="https://ejemplo.gov.co/s?r=1&amp;t=2">https://ejemplo.gov.co/s?r=1&amp;t=2</a></p>',
    );
  });

  it('a citizen mail ends with where and when the entity attends; a staff mail does not', () => {
    const texts = {
      entityName: 'Alcaldía de Prueba',
      address: 'Calle 10 # 5-20',
      phone: '604 123 4567',
      attentionHours: 'Lunes a viernes, 8:00 a 17:00',
    };
    const citizen = composeMail(
      'prorroga',
      { key: 'k', radicado: '2026-000001', to: 'a@example.com' },
      { radicado: '2026-000001', motivo: 'Visita', nueva_fecha: '10/03/2026' },
      texts,
    );
    expect(citizen.body.split('\n').slice(-4)).toEqual([
      'Alcaldía de Prueba',
      'Dirección: Calle 10 # 5-20',
      'Teléfono: 604 123 4567',
      'Horario de atención: Lunes a viernes, 8:00 a 17:00',
    ]);
    expect(citizen.htmlBody).toContain('<p>Teléfono: 604 123 4567</p>');
    const staff = composeMail(
      'recordatorio',
      { key: 'k', radicado: '2026-000001', to: 'b@x.gov.co' },
      { radicado: '2026-000001' },
      texts,
    );
    expect(staff.body).not.toContain('Teléfono');
  });
});

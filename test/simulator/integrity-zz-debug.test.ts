import { bogota, citizen, Desk, useBuiltBundle, ADMIN, CLERK, SUPERVISOR, act } from './fixtures';
useBuiltBundle();
const HOUR=3600e3;
it('dbg2', () => {
  const desk = new Desk();
  desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
  desk.harness.edit(desk.name, ADMIN, 'Radicados', { deleteColumn: { column: 'ID de respuesta del formulario' } });
  desk.advance(30*HOUR);
  console.log(act(desk, CLERK, {radicado:'2026-000001', kind:'answer', summary:'x'}));
  console.log(desk.mailTo(SUPERVISOR).map(m=>m.subject+'\n'+m.body));
  console.log(desk.history().map(h=>[h.radicado,h.event,h.details].join(' ; ')).join('\n'));
});

import { join } from 'node:path';
import { loadBuiltProjects } from '../scenario/run-scenario';
import { setUpBenchEntity } from './bench-entity';
import { prefillCases } from './prefill';
const projects = loadBuiltProjects(join(__dirname, '../../dist'));
for (const size of [100, 1000, 10000]) {
  const desk = setUpBenchEntity(projects);
  const rep = prefillCases(desk, { rows: size, mix: 'open' });
  const ent = desk.ws.entity(desk.entity);
  const trig = ent.triggers.list().find(t => t.handler === 'sweepPqrs')!;
  for (let k = 0; k < 2; k++) {
  const t = performance.now();
  const run = desk.ws.run({ entity: desk.entity, fn: trig.handler, kind: 'trigger', triggerOwner: trig.owner, args: [{ authMode: 'FULL', triggerUid: trig.uid }] });
  const v = run.value as any;
  console.log(size, 'prefill', rep.wallMs.toFixed(0), 'sweep', (performance.now()-t).toFixed(0), run.record.totalCalls, run.record.simulatedMs, run.record.error, v && {clocks: v.clocksUpdated, rec: v.reconciled.length, mail: v.mail});
  if (size===100 && k===0) console.log(run.record.calls);
  }
}

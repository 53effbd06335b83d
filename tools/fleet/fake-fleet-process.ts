// The fake Apps Script API in a child process, for the bench: the fake's own work (JSON, HTTP) then
// runs on the other core, as the real API runs on Google's machines, and the bench measures the
// CLI's side. The parent sends the fleet to build, then asks for request counts and pins, over IPC.
import { fakeEntities, fakeProject } from './fake-fleet';
import { startFakeScriptApi } from './fake-script-api';
import { findManifest, readLibraryPin } from './manifest-pin';
import type { Ring } from './registry';

export interface FakeFleetSpec {
  token: string;
  libraryId: string;
  version: string;
  counts: Record<Ring, number>;
  latencyMs: number;
}

export type FakeFleetRequest =
  { type: 'start'; spec: FakeFleetSpec } | { type: 'report'; version: string } | { type: 'close' };

function send(message: unknown): void {
  process.send?.(message);
}

let fake: Awaited<ReturnType<typeof startFakeScriptApi>> | null = null;
let spec: FakeFleetSpec | null = null;

process.on('message', (message: FakeFleetRequest) => {
  void (async () => {
    if (message.type === 'start') {
      spec = message.spec;
      fake = await startFakeScriptApi({ token: spec.token, latencyMs: spec.latencyMs });
      const server = fake;
      const { libraryId, version } = spec;
      fakeEntities(spec.counts).forEach((row, i) =>
        server.addProject(fakeProject(row.scriptId, libraryId, version, i)),
      );
      send({ type: 'ready', url: fake.url });
    } else if (message.type === 'report' && fake && spec) {
      let atVersion = 0;
      for (const project of fake.projects.values()) {
        const pin = readLibraryPin(findManifest(project.files).source, spec.libraryId);
        if (pin.version === message.version) atVersion++;
      }
      send({ type: 'report', counts: fake.counts, atVersion });
    } else if (message.type === 'close') {
      await fake?.close();
      send({ type: 'closed' });
      process.disconnect?.();
    }
  })();
});

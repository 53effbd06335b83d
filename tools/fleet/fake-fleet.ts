// Fake entities for the demo, the tests and the bench: a registry CSV and, for each entity, an Apps
// Script project as the installer leaves it (a manifest pinning our library next to another library
// and other keys, the shim's Code.js, an HTML file, versions, a HEAD deployment and a web app
// deployment running the latest version).
import { writeFileSync } from 'node:fs';
import type { FakeDeployment, FakeFile, FakeProject } from './fake-script-api';
import { REGISTRY_COLUMNS, type Ring } from './registry';

export interface FakeEntityRow {
  entity: string;
  daneCode: string;
  department: string;
  scriptId: string;
  ring: Ring;
  contact: string;
}

// A few real municipalities (DANE code, name, department) to make the demo read like the real fleet.
const PLACES: readonly [string, string, string][] = [
  ['05001', 'Medellín', 'Antioquia'],
  ['11001', 'Bogotá', 'Bogotá, D.C.'],
  ['76001', 'Cali', 'Valle del Cauca'],
  ['08001', 'Barranquilla', 'Atlántico'],
  ['13001', 'Cartagena de Indias', 'Bolívar'],
  ['47001', 'Santa Marta', 'Magdalena'],
  ['68001', 'Bucaramanga', 'Santander'],
  ['17001', 'Manizales', 'Caldas'],
  ['66001', 'Pereira', 'Risaralda'],
  ['63001', 'Armenia', 'Quindío'],
  ['73001', 'Ibagué', 'Tolima'],
  ['41001', 'Neiva', 'Huila'],
  ['52001', 'Pasto', 'Nariño'],
  ['19001', 'Popayán', 'Cauca'],
  ['23001', 'Montería', 'Córdoba'],
  ['70001', 'Sincelejo', 'Sucre'],
  ['20001', 'Valledupar', 'Cesar'],
  ['44001', 'Riohacha', 'La Guajira'],
  ['54001', 'Cúcuta', 'Norte de Santander'],
  ['15001', 'Tunja', 'Boyacá'],
  ['50001', 'Villavicencio', 'Meta'],
  ['18001', 'Florencia', 'Caquetá'],
  ['27001', 'Quibdó', 'Chocó'],
  ['81001', 'Arauca', 'Arauca'],
  ['85001', 'Yopal', 'Casanare'],
  ['86001', 'Mocoa', 'Putumayo'],
  ['88001', 'San Andrés', 'Archipiélago de San Andrés, Providencia y Santa Catalina'],
  ['91001', 'Leticia', 'Amazonas'],
  ['94001', 'Inírida', 'Guainía'],
  ['95001', 'San José del Guaviare', 'Guaviare'],
];

const KINDS: readonly ((place: string) => string)[] = [
  (p) => `Alcaldía de ${p}`,
  (p) => `Concejo Municipal de ${p}`,
  (p) => `Personería de ${p}`,
  (p) => `E.S.E. Hospital de ${p}, "Nivel II"`,
  (p) => `Empresas Públicas de ${p}, E.S.P.`,
  (p) => `Instituto de Deportes y Recreación de ${p}`,
  (p) => `Secretaría de Educación de ${p}`,
  (p) => `Terminal de Transportes de ${p} S.A.`,
  (p) => `Contraloría de ${p}`,
  (p) => `Instituto de Tránsito de ${p}`,
];

/** A deterministic script ID for entity number `n` (57 characters, like a real one). */
export function fakeScriptId(n: number): string {
  const digits = String(n).padStart(8, '0');
  return `1FaKe${digits}`
    .padEnd(57, 'x')
    .replace(/x/g, (_m, offset: number) =>
      'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'.charAt((offset * 7 + n) % 55),
    );
}

export const FAKE_OTHER_LIBRARY_ID = '1B7FSrk5Zi6L1rSxxTDgDEUsPzlukDsi4KGuTMorsTQHhGBzBkMun4iDF';

export function fakeEntities(counts: Record<Ring, number>): FakeEntityRow[] {
  const rows: FakeEntityRow[] = [];
  let n = 0;
  for (const ring of ['piloto', 'temprana', 'general'] as const) {
    for (let i = 0; i < counts[ring]; i++) {
      const place = PLACES[n % PLACES.length] as [string, string, string];
      const round = Math.floor(n / PLACES.length);
      const kind = KINDS[round % KINDS.length] as (p: string) => string;
      const suffix = round >= KINDS.length ? ` (${Math.floor(round / KINDS.length) + 1})` : '';
      rows.push({
        entity: kind(place[1]) + suffix,
        daneCode: place[0],
        department: place[2],
        scriptId: fakeScriptId(n + 1),
        ring,
        contact: `pqrsd${n + 1}@example.gov.co`,
      });
      n++;
    }
  }
  return rows;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function registryCsv(rows: readonly FakeEntityRow[]): string {
  const lines = [REGISTRY_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [r.entity, r.daneCode, r.department, r.scriptId, r.ring, r.contact].map(csvField).join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

export function writeRegistry(file: string, rows: readonly FakeEntityRow[]): void {
  writeFileSync(file, registryCsv(rows));
}

/**
 * The manifest an installed entity has: our library next to another one, other keys, and (for
 * some entities) a hand-compacted layout, so a rollout that reformats the file would be caught.
 */
export function fakeManifest(libraryId: string, version: string, compact = false): string {
  const manifest = {
    timeZone: 'America/Bogota',
    dependencies: {
      enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }],
      libraries: [
        { userSymbol: 'OAuth2', libraryId: FAKE_OTHER_LIBRARY_ID, version: '43' },
        { userSymbol: 'PQRS', libraryId, version, developmentMode: false },
      ],
    },
    exceptionLogging: 'STACKDRIVER',
    runtimeVersion: 'V8',
    webapp: { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' },
    oauthScopes: [
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/forms',
      'https://www.googleapis.com/auth/script.send_mail',
    ],
  };
  return compact ? JSON.stringify(manifest) : JSON.stringify(manifest, null, 2);
}

const CODE_JS = `// Ventanilla PQRSD: shim de la entidad (no editar: lo reemplaza el instalador).
// Comentario con tildes y eñes: añadir, atención, petición — para probar bytes UTF-8.
function onOpen(e) { return PQRS.onOpen(e); }
function doGet(e) { return PQRS.doGet(e); }
function sweepPqrs() { return PQRS.sweep(); }
`;

const PAGE_HTML = `<!doctype html>
<html lang="es-CO"><head><meta charset="utf-8"><title>Seguimiento PQRSD</title></head>
<body><?!= include('estilos'); ?><p>Consulte su radicado.</p></body></html>
`;

export function fakeProject(
  scriptId: string,
  libraryId: string,
  version: string,
  n = 0,
): FakeProject {
  const stamp = '2026-01-15T14:00:00.000Z';
  const file = (name: string, type: FakeFile['type'], source: string): FakeFile => ({
    name,
    type,
    source,
    createTime: stamp,
    updateTime: stamp,
  });
  const files = [
    file('appsscript', 'JSON', fakeManifest(libraryId, version, n % 7 === 3)),
    file('Code', 'SERVER_JS', CODE_JS),
    file('Seguimiento', 'HTML', PAGE_HTML),
  ];
  const oldFiles = [
    file(
      'appsscript',
      'JSON',
      fakeManifest(libraryId, String(Math.max(1, Number(version) - 1)), n % 7 === 3),
    ),
    ...files.slice(1),
  ];
  const deployments: FakeDeployment[] = [
    {
      deploymentId: `AKfycbHEAD${scriptId.slice(5, 20)}`,
      versionNumber: null,
      manifestFileName: 'appsscript',
      description: '',
      updateTime: stamp,
      webApp: true,
    },
    {
      deploymentId: `AKfycbWEB${scriptId.slice(5, 40)}`,
      versionNumber: 2,
      manifestFileName: 'appsscript',
      description: 'Ventanilla PQRSD: página ciudadana y mesa',
      updateTime: stamp,
      webApp: true,
    },
  ];
  return {
    scriptId,
    files,
    versions: [
      { versionNumber: 1, description: 'instalación', createTime: stamp, files: oldFiles },
      {
        versionNumber: 2,
        description: `PQRS ${version}`,
        createTime: stamp,
        files: files.map((f) => ({ ...f })),
      },
    ],
    deployments,
  };
}

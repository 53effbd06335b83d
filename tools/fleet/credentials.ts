// Who the fleet CLI acts as. An operator at the ministry runs it after `npx clasp login` (the same
// login `npm run deploy` uses), so it reads the file clasp 3 writes; CI and tests pass a bearer
// token in PQRS_FLEET_ACCESS_TOKEN instead, which needs no refresh and no Google endpoint.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { OAuth2Client } from 'google-auth-library';

export const ACCESS_TOKEN_ENV = 'PQRS_FLEET_ACCESS_TOKEN';

export class CredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsError';
  }
}

export interface ResolvedCredentials {
  client: OAuth2Client;
  /** Where they came from, for the operator's log line. */
  source: string;
}

interface StoredCredential {
  type?: string;
  client_id?: string;
  client_secret?: string;
  refresh_token?: string;
  access_token?: string;
  expiry_date?: number;
  token_type?: string;
}

interface ClaspRc {
  // clasp 3: one entry per named user, "default" for a plain `clasp login`.
  tokens?: Record<string, StoredCredential | undefined>;
  // clasp 2's project-local format.
  token?: StoredCredential;
  oauth2ClientSettings?: { clientId?: string; clientSecret?: string };
  // clasp 1/2's global format (refresh token only, with clasp's built-in OAuth client).
  access_token?: string;
  refresh_token?: string;
}

/** clasp's `--auth` / `clasp_config_auth`: a file, or a folder holding .clasprc.json. */
export function claspAuthFile(env: NodeJS.ProcessEnv): string {
  const configured = env.clasp_config_auth;
  if (configured) {
    const path = resolve(configured);
    if (existsSync(path) && statSync(path).isDirectory()) return join(path, '.clasprc.json');
    return path;
  }
  return join(homedir(), '.clasprc.json');
}

function readStoredCredential(file: string): StoredCredential | null {
  let rc: ClaspRc;
  try {
    rc = JSON.parse(readFileSync(file, 'utf8')) as ClaspRc;
  } catch (error) {
    throw new CredentialsError(
      `No se pudo leer ${file} (${(error as Error).message}). Vuelva a ejecutar "npx clasp login".`,
    );
  }
  const current = rc.tokens?.default;
  if (current) return current;
  if (rc.token && rc.oauth2ClientSettings) {
    return {
      ...rc.token,
      client_id: rc.oauth2ClientSettings.clientId,
      client_secret: rc.oauth2ClientSettings.clientSecret,
    };
  }
  if (rc.access_token) {
    throw new CredentialsError(
      `${file} tiene el formato de una versión antigua de clasp. Ejecute "npx clasp login" con la clasp del proyecto para renovarlo.`,
    );
  }
  return null;
}

export function resolveCredentials(env: NodeJS.ProcessEnv = process.env): ResolvedCredentials {
  const token = env[ACCESS_TOKEN_ENV]?.trim();
  if (token) {
    const client = new OAuth2Client();
    client.setCredentials({ access_token: token, token_type: 'Bearer' });
    return { client, source: ACCESS_TOKEN_ENV };
  }
  const file = claspAuthFile(env);
  const stored = existsSync(file) ? readStoredCredential(file) : null;
  if (!stored) {
    throw new CredentialsError(
      `No hay credenciales: ejecute "npx clasp login" con la cuenta del ministerio (se guardan en ${file}) ` +
        `o defina ${ACCESS_TOKEN_ENV} con un token de acceso OAuth.`,
    );
  }
  if (!stored.refresh_token || !stored.client_id) {
    throw new CredentialsError(
      `${file} no tiene un token de actualización utilizable. Ejecute "npx clasp login" de nuevo.`,
    );
  }
  const client = new OAuth2Client({
    clientId: stored.client_id,
    clientSecret: stored.client_secret,
  });
  client.setCredentials({
    refresh_token: stored.refresh_token,
    access_token: stored.access_token,
    expiry_date: stored.expiry_date,
    token_type: stored.token_type ?? 'Bearer',
  });
  return { client, source: file };
}

// The services an entity's script hands the library on every call. They belong to the shim
// project, hence to exactly one entity; the library never opens its own (libraries guide,
// "Resource scoping": Lock, Script Properties and Cache are the library's, shared by all users).

export interface EntityServices {
  readonly properties: GoogleAppsScript.Properties.Properties;
  readonly lock: GoogleAppsScript.Lock.Lock;
  readonly cache: GoogleAppsScript.Cache.Cache;
  /**
   * The entity script's Sheets advanced service (its manifest enables it), or null from a script
   * built before it did: only setup's "Mis casos" filter views need it.
   */
  readonly sheetsApi?: unknown;
}

export function assertEntityServices(value: unknown): asserts value is EntityServices {
  const services = value as Partial<EntityServices> | null;
  // `in`, not a read: the shim hands getters, so a service is fetched only if the library uses it.
  if (
    !services ||
    typeof services !== 'object' ||
    !('properties' in services) ||
    !('lock' in services) ||
    !('cache' in services)
  ) {
    throw new Error(
      'Ventanilla PQRSD: el script de la entidad debe entregar sus propias propiedades, bloqueo y caché. Actualice el script de la entidad (npm run build genera dist/entity).',
    );
  }
}

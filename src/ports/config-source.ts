// The entity's configuration sheets, read once per execution.
import type { CalendarOverrides } from '../core/calendar/business-calendar';
import type { RoutingRule } from '../core/routing/route-case';
import type { StaffMember } from '../core/routing/staff';
import type { EntitySettings } from '../core/settings';

export interface EntityConfig {
  readonly settings: EntitySettings;
  readonly staff: readonly StaffMember[];
  readonly routing: readonly RoutingRule[];
  readonly calendar: CalendarOverrides;
  /** Problems found while reading the sheets, in Spanish, for the admin. */
  readonly warnings: readonly string[];
}

export interface ConfigSource {
  load(): EntityConfig;
}

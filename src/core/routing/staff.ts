// The staff directory (`Dependencias` sheet): who works where and who may act on cases.

export const STAFF_ROLES = ['clerk', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffMember {
  readonly email: string;
  readonly name: string;
  readonly dependency: string;
  readonly role: StaffRole;
  readonly onLeave: boolean;
}

export function findStaff(staff: readonly StaffMember[], email: string): StaffMember | null {
  const wanted = email.trim().toLowerCase();
  if (!wanted) return null;
  return staff.find((member) => member.email.toLowerCase() === wanted) ?? null;
}

export function dependenciesOf(staff: readonly StaffMember[]): string[] {
  const names: string[] = [];
  for (const member of staff)
    if (member.dependency && !names.includes(member.dependency)) names.push(member.dependency);
  return names;
}

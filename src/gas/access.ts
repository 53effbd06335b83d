// Who is calling a menu item: the spreadsheet's owner, a staff member with a role, or nobody the
// add-on knows. Every entry point that changes the entity checks it (the trust model, README).
import { findStaff, type StaffRole } from '../core/routing/staff';
import type { Composition } from './compose';

export interface Caller {
  readonly email: string;
  readonly owner: boolean;
  readonly role: StaffRole | null;
}

export function callerOf(app: Composition): Caller {
  const email = Session.getActiveUser().getEmail().toLowerCase();
  let ownerEmail = '';
  try {
    // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getOwner(): null on a shared drive.
    ownerEmail = app.spreadsheet().getOwner()?.getEmail().toLowerCase() ?? '';
  } catch {
    ownerEmail = '';
  }
  let role: StaffRole | null = null;
  try {
    role = findStaff(app.config.staff, email)?.role ?? null;
  } catch {
    role = null; // no configuration yet (first setup): only the owner may go on
  }
  return { email, owner: email !== '' && email === ownerEmail, role };
}

/** Setup and repair: the owner, or an admin of `Dependencias`. */
export function mayConfigure(caller: Caller): boolean {
  return caller.owner || caller.role === 'admin';
}

/** Running the periodic review by hand: the owner, admins and supervisors. */
export function mayRunReview(caller: Caller): boolean {
  return caller.owner || caller.role === 'admin' || caller.role === 'supervisor';
}

import { routeCase, turnKey, type RoutingRule } from '../../../src/core/routing/route-case';
import type { StaffMember } from '../../../src/core/routing/staff';

const staff: StaffMember[] = [
  {
    email: 'v1@x.gov.co',
    name: 'V1',
    dependency: 'Ventanilla Única',
    role: 'clerk',
    onLeave: false,
  },
  {
    email: 'h1@x.gov.co',
    name: 'H1',
    dependency: 'Secretaría de Hacienda',
    role: 'clerk',
    onLeave: true,
  },
  {
    email: 'h2@x.gov.co',
    name: 'H2',
    dependency: 'Secretaría de Hacienda',
    role: 'clerk',
    onLeave: false,
  },
  {
    email: 'h3@x.gov.co',
    name: 'H3',
    dependency: 'Secretaría de Hacienda',
    role: 'clerk',
    onLeave: false,
  },
  {
    email: 'hs@x.gov.co',
    name: 'HS',
    dependency: 'Secretaría de Hacienda',
    role: 'supervisor',
    onLeave: false,
  },
  {
    email: 'd1@x.gov.co',
    name: 'D1',
    dependency: 'Control Interno Disciplinario',
    role: 'clerk',
    onLeave: false,
  },
];

const rule = (r: Partial<RoutingRule>): RoutingRule => ({
  type: null,
  keywords: [],
  declaredDependency: '',
  dependency: '',
  strategy: 'fixed',
  assignee: '',
  ...r,
});
const input = {
  type: 'reclamo' as const,
  subject: 'Cobro del impuesto PREDIAL',
  description: '',
  declaredDependency: '',
};

describe('routeCase', () => {
  it('matches keywords without regard to case or accents', () => {
    const d = routeCase(
      input,
      [rule({ keywords: ['prédial'], dependency: 'Secretaría de Hacienda' })],
      staff,
      'Ventanilla Única',
    );
    expect(d.dependency).toBe('Secretaría de Hacienda');
    expect(d.assignee).toBe('h2@x.gov.co'); // h1 is on leave; clerks before supervisors
  });

  it('routes by type before the declared dependency', () => {
    const d = routeCase(
      { ...input, type: 'denuncia', declaredDependency: 'Secretaría de Hacienda' },
      [rule({ type: 'denuncia', dependency: 'Control Interno Disciplinario' })],
      staff,
      'Ventanilla Única',
    );
    expect(d.dependency).toBe('Control Interno Disciplinario');
  });

  it('uses the declared dependency when no rule matches, then the default', () => {
    expect(
      routeCase(
        { ...input, subject: 'x', declaredDependency: 'secretaría de hacienda' },
        [],
        staff,
        'Ventanilla Única',
      ).dependency,
    ).toBe('Secretaría de Hacienda');
    const fallback = routeCase({ ...input, subject: 'x' }, [], staff, 'Ventanilla Única');
    expect(fallback).toMatchObject({ dependency: 'Ventanilla Única', assignee: 'v1@x.gov.co' });
  });

  it('takes turns and least load when the rule says so', () => {
    const rr = [
      rule({
        keywords: ['predial'],
        dependency: 'Secretaría de Hacienda',
        strategy: 'round_robin',
      }),
    ];
    // Hacienda in sheet order: H1 (on leave), H2, H3 (clerks), HS (supervisor).
    const turn = (last?: string) =>
      routeCase(input, rr, staff, 'V', {
        turns: last ? { [turnKey('Secretaría de Hacienda')]: last } : {},
      });
    expect(turn().assignee).toBe('h2@x.gov.co');
    expect(turn('h2@x.gov.co').assignee).toBe('h3@x.gov.co');
    // After the last clerk the turn wraps, skipping H1 (on leave) and the supervisor.
    expect(turn('h3@x.gov.co').assignee).toBe('h2@x.gov.co');
    expect(turn('h3@x.gov.co').reason).toContain('turno rotativo');
    const ll = [
      rule({
        keywords: ['predial'],
        dependency: 'Secretaría de Hacienda',
        strategy: 'least_loaded',
      }),
    ];
    expect(
      routeCase(input, ll, staff, 'V', {
        loadByAssignee: { 'h2@x.gov.co': 4, 'h3@x.gov.co': 1, 'hs@x.gov.co': 2 },
      }).assignee,
    ).toBe('h3@x.gov.co');
    // Supervisors hold few cases; they are not in the clerks' rotation while a clerk is available.
    expect(
      routeCase(input, ll, staff, 'V', {
        loadByAssignee: { 'h2@x.gov.co': 3, 'h3@x.gov.co': 2 },
      }).assignee,
    ).toBe('h3@x.gov.co');
  });

  it('never assigns someone on leave, even as the fixed assignee', () => {
    const d = routeCase(
      input,
      [
        rule({
          keywords: ['predial'],
          dependency: 'Secretaría de Hacienda',
          assignee: 'h1@x.gov.co',
        }),
      ],
      staff,
      'V',
    );
    expect(d.assignee).toBe('h2@x.gov.co');
  });

  it('leaves the case unassigned when a dependency has nobody available', () => {
    expect(
      routeCase(input, [rule({ keywords: ['predial'], dependency: 'Jurídica' })], staff, 'V'),
    ).toMatchObject({ dependency: 'Jurídica', assignee: '' });
  });
});

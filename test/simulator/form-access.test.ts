// Citizens have no account in the entity's Workspace domain: setup must leave the form open to them
// even where the domain makes new forms domain-only by default.
import { bogota, citizen, Desk, useBuiltBundle } from './fixtures';

useBuiltBundle();

it('setup opens a domain-only form to respondents without an account', () => {
  const first = new Desk({ entity: 'primera' });
  first.ws.forms.newFormsRequireLogin = true;
  const desk = new Desk({ entity: 'restringida', workspace: first.ws });
  expect(desk.form().settings.requireLogin).toBe(false);
  desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
  expect(desk.cases()).toHaveLength(1);
});

import { describe, expect, it } from 'vitest';
import { ADMIN } from '../test-support';
import { GRANTED, OPERATOR, useAccessFixture } from './access-fixture';

/** User administration and the own account through the BFF (issue #5). */
const f = useAccessFixture();

describe('user administration', () => {
  it('disabling a user refuses their existing session on its next request; enabling lets them sign in again', async () => {
    const created = await f.createUser({ email: 'temp@console.test', role: 'member', mailboxes: [GRANTED] });
    const cookie = await f.signIn({ email: 'temp@console.test', password: created.password });
    expect((await f.h.request('/auth/me', { headers: { cookie } })).status).toBe(200);

    const patch = await f.h.request(`/api/console/users/${created.user.id}`, {
      method: 'PATCH',
      headers: { cookie: f.cookies.admin },
      json: { disabled: true },
    });
    expect(patch.status, patch.text_).toBe(200);
    expect((await f.h.request('/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await f.h.request(`/api/inbox?mailbox=${GRANTED}`, { headers: { cookie } })).status).toBe(401);
    const again = await f.h.request('/auth/login', {
      method: 'POST',
      json: { email: 'temp@console.test', password: created.password },
    });
    expect(again.status).toBe(401);
  });

  it('keeps one enabled admin and refuses self-disable and self-delete', async () => {
    const me = JSON.parse((await f.h.request('/auth/me', { headers: { cookie: f.cookies.admin } })).text_).data.user.id;
    const demote = await f.h.request(`/api/console/users/${me}`, {
      method: 'PATCH',
      headers: { cookie: f.cookies.admin },
      json: { role: 'member' },
    });
    expect(demote.status).toBe(409);
    const disable = await f.h.request(`/api/console/users/${me}`, {
      method: 'PATCH',
      headers: { cookie: f.cookies.admin },
      json: { disabled: true },
    });
    expect(disable.status).toBe(409);
    const del = await f.h.request(`/api/console/users/${me}`, {
      method: 'DELETE',
      headers: { cookie: f.cookies.admin },
    });
    expect(del.status).toBe(409);
    const still = JSON.parse((await f.h.request('/auth/me', { headers: { cookie: f.cookies.admin } })).text_).data.user
      .role;
    expect(still).toBe('admin');
  });

  it('reset-password returns a new password once and ends the user sessions; delete removes the user', async () => {
    const created = await f.createUser({ email: 'reset@console.test', role: 'operator' });
    const cookie = await f.signIn({ email: 'reset@console.test', password: created.password });
    const res = await f.h.request(`/api/console/users/${created.user.id}/reset-password`, {
      method: 'POST',
      headers: { cookie: f.cookies.admin },
    });
    const { password } = JSON.parse(res.text_).data as { password: string };
    expect(password).not.toBe(created.password);
    expect((await f.h.request('/auth/me', { headers: { cookie } })).status).toBe(401);
    await f.signIn({ email: 'reset@console.test', password });
    const del = await f.h.request(`/api/console/users/${created.user.id}`, {
      method: 'DELETE',
      headers: { cookie: f.cookies.admin },
    });
    expect(del.status).toBe(200);
    expect(
      (await f.h.request('/auth/login', { method: 'POST', json: { email: 'reset@console.test', password } })).status,
    ).toBe(401);
  });

  it('rejects a duplicate email with 409', async () => {
    const res = await f.h.request('/api/console/users', {
      method: 'POST',
      headers: { cookie: f.cookies.admin },
      json: { email: OPERATOR.email, role: 'member' },
    });
    expect(res.status).toBe(409);
  });
});

describe('account', () => {
  it('changes the own password (current one required) and ends the other sessions only', async () => {
    const created = await f.createUser({ email: 'acct@console.test', role: 'member' });
    const first = await f.signIn({ email: 'acct@console.test', password: created.password });
    const second = await f.signIn({ email: 'acct@console.test', password: created.password });
    const sessions = JSON.parse(
      (await f.h.request('/api/console/account/sessions', { headers: { cookie: first } })).text_,
    ).data;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    const wrong = await f.h.request('/api/console/account/password', {
      method: 'POST',
      headers: { cookie: first },
      json: { currentPassword: 'nope', newPassword: 'a brand new password' },
    });
    expect(wrong.status).toBe(400);
    const ok = await f.h.request('/api/console/account/password', {
      method: 'POST',
      headers: { cookie: first },
      json: { currentPassword: created.password, newPassword: 'a brand new password' },
    });
    expect(ok.status).toBe(200);
    expect((await f.h.request('/auth/me', { headers: { cookie: first } })).status).toBe(200);
    expect((await f.h.request('/auth/me', { headers: { cookie: second } })).status).toBe(401);
    await f.signIn({ email: 'acct@console.test', password: 'a brand new password' });

    const everywhere = await f.h.request('/api/console/account/sign-out-everywhere', {
      method: 'POST',
      headers: { cookie: first },
      json: { includeThisDevice: true },
    });
    expect(JSON.parse(everywhere.text_).data.ended).toBe(2);
    expect((await f.h.request('/auth/me', { headers: { cookie: first } })).status).toBe(401);
  });
});

describe('account: end one other session', () => {
  it('ends one of the own other sessions, refuses the current one and never touches another user', async () => {
    const created = await f.createUser({ email: 'two-devices@console.test', role: 'operator' });
    const laptop = await f.signIn({ email: 'two-devices@console.test', password: created.password });
    const phone = await f.signIn({ email: 'two-devices@console.test', password: created.password });
    const list = async (cookie: string) =>
      JSON.parse((await f.h.request('/api/console/account/sessions', { headers: { cookie } })).text_).data as {
        id: string;
        current: boolean;
      }[];
    const sessions = await list(laptop);
    const here = sessions.find((s) => s.current)!;
    const other = sessions.find((s) => !s.current)!;

    // Another user's session id is "not found" for this user, and stays signed in.
    const memberSession = (await list(f.cookies.member)).find((s) => s.current)!;
    const foreign = await f.h.request(`/api/console/account/sessions/${memberSession.id}`, {
      method: 'DELETE',
      headers: { cookie: laptop },
    });
    expect(foreign.status).toBe(404);
    expect((await f.h.request('/auth/me', { headers: { cookie: f.cookies.member } })).status).toBe(200);

    const current = await f.h.request(`/api/console/account/sessions/${here.id}`, {
      method: 'DELETE',
      headers: { cookie: laptop },
    });
    expect(current.status).toBe(409);
    expect(JSON.parse(current.text_).error).toMatch(/sign out instead/);

    const ended = await f.h.request(`/api/console/account/sessions/${other.id}`, {
      method: 'DELETE',
      headers: { cookie: laptop },
    });
    expect(ended.status, ended.text_).toBe(200);
    expect((await f.h.request('/auth/me', { headers: { cookie: phone } })).status).toBe(401);
    expect((await f.h.request('/auth/me', { headers: { cookie: laptop } })).status).toBe(200);
    expect((await list(laptop)).map((s) => s.id)).toEqual([here.id]);

    const again = await f.h.request(`/api/console/account/sessions/${other.id}`, {
      method: 'DELETE',
      headers: { cookie: laptop },
    });
    expect(again.status).toBe(404);
    const bad = await f.h.request('/api/console/account/sessions/not-an-id', {
      method: 'DELETE',
      headers: { cookie: laptop },
    });
    expect(bad.status).toBe(400);

    const audit = await f.h.store.auditRead.all({ action: 'account.session-end' }, 10);
    expect(audit).toEqual([
      expect.objectContaining({
        target: 'two-devices@console.test',
        detail: expect.objectContaining({ session: other.id }),
      }),
    ]);
  });
});

describe('audit rows of user administration and accounts', () => {
  it('has a row for each action above, with the acting admin', async () => {
    const rows = await f.h.store.auditRead.all({}, 1000);
    const actions = new Set(rows.map((r) => r.action));
    for (const action of [
      'user.create',
      'user.update',
      'user.password-reset',
      'user.delete',
      'account.password-change',
      'account.sign-out-everywhere',
      'account.session-end',
    ]) {
      expect(actions, action).toContain(action);
    }
    const disabled = rows.find((r) => r.action === 'user.update' && r.detail?.disabled === true);
    expect(disabled?.actorEmail).toBe(ADMIN.email);
  });
});

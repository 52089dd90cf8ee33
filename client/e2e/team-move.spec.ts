import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, PASSWORD, runToken, signIn, signOut } from './support';

const RIVERSIDE_WORKER = 'chris.delgado@riverside.example';

async function apiAs(request: APIRequestContext, email: string) {
  const login = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(login.ok()).toBe(true);
  const { accessToken, user } = (await login.json()) as {
    accessToken: string;
    user: { id: string; teamId: string | null };
  };
  const headers = { Authorization: `Bearer ${accessToken}` };
  const send = async <T>(method: 'POST' | 'PATCH', path: string, data: unknown): Promise<T> => {
    const res = await request.fetch(`/api/${path}`, { method, headers, data });
    expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  };
  return { user, send };
}

test('after a move, the old team sees “Participant of another team” and the new team a summary it cannot open', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const token = runToken();
  const northside = await apiAs(request, DEMO.worker);
  const riverside = await apiAs(request, RIVERSIDE_WORKER);
  const admin = await apiAs(request, DEMO.admin);

  const stays = await northside.send<{ id: string }>('POST', 'participants', {
    firstName: 'Noor',
    lastName: `Stays${token}`,
  });
  const moves = await northside.send<{ id: string; version: number }>('POST', 'participants', {
    firstName: 'Wren',
    lastName: `Moves${token}`,
  });
  const session = await northside.send<{ id: string }>('POST', 'sessions', {
    type: 'support_group',
    setting: 'community_center',
    startsAt: '2026-03-10T17:00:00Z',
    durationMinutes: 60,
    title: `Circle ${token}`,
    attendance: [
      { participantId: stays.id, status: 'attended' },
      { participantId: moves.id, status: 'attended' },
    ],
  });
  await admin.send('PATCH', `participants/${moves.id}`, {
    version: moves.version,
    teamId: riverside.user.teamId,
    primaryWorkerId: riverside.user.id,
  });

  // The team that ran the session keeps it, without the moved person's name.
  await signIn(page, DEMO.worker);
  await page.goto(`/sessions/${session.id}`);
  await expect(page.getByRole('link', { name: `Noor Stays${token}` })).toBeVisible();
  await expect(page.getByText('Participant of another team')).toBeVisible();
  await expect(page.getByText(`Moves${token}`)).toHaveCount(0);
  await signOut(page);

  // The new team sees the session in the timeline, as a summary with no link.
  await signIn(page, RIVERSIDE_WORKER);
  await page.goto(`/participants/${moves.id}`);
  const summary = page.getByText('Support group · Northside Recovery Hub');
  await expect(summary).toBeVisible();
  await expect(page.getByText('Run by another team — its details stay with them')).toBeVisible();
  await expect(page.getByRole('link', { name: /Northside Recovery Hub/ })).toHaveCount(0);
  await expect(page.getByText(`Circle ${token}`)).toHaveCount(0);
});

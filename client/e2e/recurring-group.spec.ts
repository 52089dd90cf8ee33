import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, Interactions, PASSWORD, readmeScreenshot, runToken, signIn } from './support';

const FIRST_NAMES = ['Ada', 'Bea', 'Cyrus', 'Dara', 'Eli', 'Fern', 'Gus', 'Hana', 'Ira', 'Jude'];

async function apiAs(request: APIRequestContext, email: string) {
  const login = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

test('a support group of 10 regulars with one absent is logged in at most 4 interactions', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const token = runToken();
  const lastName = `Regular${token}`;
  const groupName = `Thursday Circle ${token}`;

  // Set-up, not counted: ten regulars and their group, through the API.
  const headers = await apiAs(request, DEMO.worker);
  const ids: string[] = [];
  for (const firstName of FIRST_NAMES) {
    const res = await request.post('/api/participants', {
      headers,
      data: { firstName, lastName },
    });
    expect(res.status()).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  const created = await request.post('/api/groups', {
    headers,
    data: {
      name: groupName,
      type: 'support_group',
      setting: 'community_center',
      weekday: 'thursday',
      startTime: '18:30',
      durationMinutes: 90,
      members: ids,
    },
  });
  expect(created.status()).toBe(201);
  const group = (await created.json()) as { id: string };

  await signIn(page, DEMO.worker);

  // From here every click or key press counts.
  const act = new Interactions(page);
  await act.click(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }),
  );
  await act.click(page.getByRole('link', { name: `Log today’s meeting of ${groupName}` }));
  await expect(
    page.getByRole('heading', { level: 1, name: `Log today’s meeting of ${groupName}` }),
  ).toBeVisible();
  const attendance = page.getByRole('list', { name: 'Attendance' });
  await expect(attendance.getByRole('listitem')).toHaveCount(10);
  await expect(page.getByText('10 people: 10 attended.', { exact: true })).toBeVisible();
  await act.click(
    page
      .getByRole('group', { name: `Attendance for Gus ${lastName}` })
      .getByRole('button', { name: 'Absent' }),
  );
  await expect(page.getByText('10 people: 9 attended, 1 absent.', { exact: true })).toBeVisible();
  await readmeScreenshot(page, 'log-recurring-group');
  await act.press('Control+Enter');
  await expect(page).toHaveURL(new RegExp(`/groups/${group.id}$`));
  expect(act.count).toBeLessThanOrEqual(4);
  test.info().annotations.push({ type: 'interactions', description: `${act.count} interactions` });

  // The saved session, read through the API: ten members, nine attended, of this group.
  const seen = await request.get(`/api/groups/${group.id}/attendance`, { headers });
  const { meetings } = (await seen.json()) as {
    meetings: { sessionId: string; attended: number }[];
  };
  expect(meetings).toHaveLength(1);
  expect(meetings[0]!.attended).toBe(9);
  const res = await request.get(`/api/sessions/${meetings[0]!.sessionId}`, { headers });
  const session = (await res.json()) as {
    groupId: string;
    type: string;
    durationMinutes: number;
    attendance: { participantId: string; status: string }[];
  };
  expect(session.groupId).toBe(group.id);
  expect(session.type).toBe('support_group');
  expect(session.durationMinutes).toBe(90);
  expect(session.attendance).toHaveLength(10);
  expect(session.attendance.map((a) => a.participantId).sort()).toEqual([...ids].sort());
  expect(session.attendance.filter((a) => a.status === 'attended')).toHaveLength(9);
  expect(session.attendance.find((a) => a.status === 'absent')?.participantId).toBe(ids[6]);

  // The group page shows the meeting on its chart, each bar opening its session.
  await expect(
    page.getByRole('region', { name: 'Attendance over time' }).getByRole('link', {
      name: /: 9 came$/,
    }),
  ).toBeVisible();
});

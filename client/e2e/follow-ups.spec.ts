import { expect, test } from '@playwright/test';
import { DEMO, PASSWORD, runToken, signIn } from './support';

const iso = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toISOString().slice(0, 10);
};
/** As the en-GB date field takes it: DDMMYYYY. */
const digits = (isoDate: string) => isoDate.split('-').reverse().join('');

test('a follow-up is recorded before its date, undone, and moved with a note; a late one says how late', async ({
  page,
  request,
}) => {
  const token = runToken();
  const login = await request.post('/api/auth/login', {
    data: { email: DEMO.worker, password: PASSWORD },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}` };
  const post = async (path: string, data: object) => {
    const res = await request.post(`/api/${path}`, { data, headers });
    expect(res.status(), path).toBe(201);
    return (await res.json()) as { id: string };
  };
  let participantId = '';
  const handout = async (id: string) => {
    const res = await request.get(`/api/handouts?participantId=${participantId}`, { headers });
    const { items } = (await res.json()) as {
      items: { id: string; outcome: string; followUpOn: string | null; note: string | null }[];
    };
    return items.find((h) => h.id === id)!;
  };
  const person = await post('participants', { firstName: 'Tova', lastName: `Lind${token}` });
  participantId = person.id;
  const resources = (await (
    await request.get('/api/resources?pageSize=2', { headers })
  ).json()) as {
    items: { id: string; name: string }[];
  };
  const [soon, late] = resources.items;
  const notYetDue = await post('handouts', {
    participantId: person.id,
    resourceId: soon!.id,
    method: 'printed',
    followUpOn: iso(10),
  });
  const longOverdue = await post('handouts', {
    participantId: person.id,
    resourceId: late!.id,
    method: 'verbal',
    givenOn: iso(-160),
    followUpOn: iso(-150),
  });

  await signIn(page, DEMO.worker);
  await page.goto(`/participants/${person.id}`);
  const followUps = page.getByRole('region', { name: /^Follow-ups/ });
  const soonItem = followUps.getByRole('listitem').filter({ hasText: soon!.name });
  const lateItem = followUps.getByRole('listitem').filter({ hasText: late!.name });
  // Not due yet, and still here to record.
  await expect(soonItem).toContainText('Due in 10 days');
  await expect(lateItem).toContainText('Overdue: 150 days late');

  // Recorded before its date, then undone from the message.
  await soonItem.getByRole('button', { name: 'Connected', exact: true }).click();
  const message = page.getByRole('status').filter({ hasText: `${soon!.name}: connected` });
  await expect(message).toBeVisible();
  expect((await handout(notYetDue.id)).outcome).toBe('connected');
  await expect(soonItem).toBeHidden();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(soonItem).toContainText('Due in 10 days');
  expect(await handout(notYetDue.id)).toMatchObject({ outcome: 'pending', followUpOn: iso(10) });

  // What happened: made contact, with a note and the next follow-up, in one step.
  await lateItem.getByRole('button', { name: 'What happened?' }).click();
  const dialog = page.getByRole('dialog', { name: `What happened? ${late!.name}` });
  await dialog.getByRole('radio', { name: 'Made contact' }).check();
  await dialog
    .getByRole('group', { name: 'Next follow-up' })
    .getByRole('spinbutton', { name: 'Day' })
    .click();
  await page.keyboard.type(digits(iso(7)));
  await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill(`Left a voicemail ${token}`);
  await dialog.getByRole('button', { name: 'Save what happened' }).click();
  await expect(dialog).toBeHidden();
  await expect(lateItem).toContainText('Due in 7 days');
  await expect(lateItem).toContainText(`Last step: Made contact`);
  await expect(lateItem).toContainText(`Left a voicemail ${token}`);
  const stored = (await handout(longOverdue.id)) as unknown as {
    outcome: string;
    followUpOn: string;
    history: { status: string; note?: string }[];
  };
  expect(stored).toMatchObject({ outcome: 'contacted', followUpOn: iso(7) });
  expect(stored.history.at(-1)).toMatchObject({
    status: 'contacted',
    note: `Left a voicemail ${token}`,
  });
});

test('a referral moves step by step, its history shown, until it closes', async ({
  page,
  request,
}) => {
  const token = runToken();
  const login = await request.post('/api/auth/login', {
    data: { email: DEMO.worker, password: PASSWORD },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}` };
  const post = async (path: string, data: object) => {
    const res = await request.post(`/api/${path}`, { data, headers });
    expect(res.ok(), path).toBe(true);
    return (await res.json()) as { id: string };
  };
  const person = await post('participants', { firstName: 'Odile', lastName: `Marsh${token}` });
  const resources = (await (
    await request.get('/api/resources?pageSize=1', { headers })
  ).json()) as { items: { id: string; name: string }[] };
  const resource = resources.items[0]!;
  const referral = await post('handouts', {
    participantId: person.id,
    resourceId: resource.id,
    method: 'warm_handoff',
    givenOn: iso(-6),
    followUpOn: iso(-1),
  });
  await post(`handouts/${referral.id}/status`, {
    status: 'contacted',
    on: iso(-4),
    note: `Rang the intake line ${token}`,
  });

  await signIn(page, DEMO.worker);
  await page.goto(`/participants/${person.id}`);
  const item = page
    .getByRole('region', { name: /^Follow-ups/ })
    .getByRole('listitem')
    .filter({ hasText: resource.name });
  await expect(item).toContainText(`Last step: Made contact`);
  await expect(item).toContainText(`Rang the intake line ${token}`);

  await item.getByRole('button', { name: 'What happened?' }).click();
  const dialog = page.getByRole('dialog', { name: `What happened? ${resource.name}` });
  const history = dialog.getByRole('region', { name: 'What has happened so far' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText(
    `Made contact — Rang the intake line ${token}`,
  );
  await expect(history.getByRole('listitem').last()).toContainText('Shared');
  await page.screenshot({ path: 'test-results/referral-what-happened.png' });
  await dialog.getByRole('radio', { name: 'Appointment booked' }).check();
  await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill(`Intake on Friday ${token}`);
  await dialog.getByRole('button', { name: 'Save what happened' }).click();
  await expect(dialog).toBeHidden();
  await expect(item).toContainText('Last step: Appointment booked');

  // Closed: off the follow-ups, with every step kept.
  await item.getByRole('button', { name: 'What happened?' }).click();
  await dialog.getByRole('radio', { name: 'Connected', exact: true }).check();
  await expect(dialog.getByRole('group', { name: 'Next follow-up' })).toBeHidden();
  await dialog.getByRole('button', { name: 'Save what happened' }).click();
  await expect(dialog).toBeHidden();
  await expect(item).toBeHidden();
  const res = await request.get(`/api/handouts/${referral.id}`, { headers });
  const stored = (await res.json()) as {
    outcome: string;
    open: boolean;
    history: { status: string; note?: string }[];
  };
  expect(stored).toMatchObject({ outcome: 'connected', open: false });
  expect(stored.history.map((s) => s.status)).toEqual([
    'pending',
    'contacted',
    'scheduled',
    'connected',
  ]);
  expect(stored.history[2]!.note).toBe(`Intake on Friday ${token}`);
});

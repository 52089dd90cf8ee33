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

  // "Try again on…" with a note.
  await lateItem.getByRole('button', { name: 'Note or new date…' }).click();
  const dialog = page.getByRole('dialog', { name: `Follow up: ${late!.name}` });
  await dialog
    .getByRole('group', { name: 'Try again on' })
    .getByRole('spinbutton', { name: 'Day' })
    .click();
  await page.keyboard.type(digits(iso(7)));
  await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill(`Left a voicemail ${token}`);
  await dialog.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(dialog).toBeHidden();
  await expect(lateItem).toContainText('Due in 7 days');
  await expect(lateItem).toContainText(`Left a voicemail ${token}`);
  expect(await handout(longOverdue.id)).toMatchObject({
    outcome: 'pending',
    followUpOn: iso(7),
    note: `Left a voicemail ${token}`,
  });
});

import { createHash } from 'node:crypto';
import { addDays, todayIn } from '@peerpath/shared';
import { createTestApp, seedWorld, tableChecksum, type TestApp, type World } from './harness';
import { auditSeq } from './support/routes';

/**
 * SPEC §10 and the Common rules: the signed copy of a consent, sent as
 * multipart/form-data (one PDF, PNG or JPEG up to 5 MB, its type read from
 * its content), kept in the database apart from the consent, read back as it
 * was (audited), and out of reach of other teams (404).
 */
describe('the signed copy of a consent', () => {
  let t: TestApp;
  let w: World;
  let pA: string;
  const today = todayIn('UTC');
  const MAX = 5 * 1024 * 1024;

  const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n% signed by Avery\n%%EOF\n');
  const PNG = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('IHDR signed consent photo'),
  ]);
  const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF scan')]);

  function multipart(
    parts: { name: string; filename?: string; type?: string; content: Buffer }[],
  ): { payload: Buffer; headers: Record<string, string> } {
    const boundary = '----peerpathBoundary7MA4YWxkTrZu0gW';
    const chunks: Buffer[] = [];
    for (const p of parts) {
      const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
        ),
        p.content,
        Buffer.from('\r\n'),
      );
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return {
      payload: Buffer.concat(chunks),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  }

  function upload(token: string, consentId: string, body: ReturnType<typeof multipart>) {
    return t.request('PUT', `/api/consents/${consentId}/scan`, { token, ...body });
  }

  const file = (content: Buffer, filename = 'signed.pdf', type = 'application/pdf') =>
    multipart([{ name: 'file', filename, type, content }]);

  async function consent(): Promise<string> {
    const res = await t.request('POST', `/api/participants/${pA}/consents`, {
      token: w.workerA.token,
      body: {
        recipient: 'Harbor Housing',
        purpose: 'To find me a flat',
        information: ['contact_details'],
        part2: false,
        signedOn: addDays(today, -3),
        expiresOn: addDays(today, 300),
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ hasScan: false, scan: null });
    return res.body.id;
  }

  const stored = async (consentId: string) =>
    (
      await t.db.query(
        `SELECT team_id, participant_id, content_type, size_bytes, sha256, content, uploaded_by_id
           FROM consent_scan WHERE consent_id = $1`,
        [consentId],
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    const { rows } = await t.db.query(
      `INSERT INTO participant (team_id, first_name, last_name, enrolled_on)
       VALUES ($1, 'Avery', 'Example', $2) RETURNING id`,
      [w.teamA.id, addDays(today, -100)],
    );
    pA = rows[0].id;
  });
  afterAll(() => t.close());

  it('keeps a PDF, PNG or JPEG in the database, typed by its content, and shows it on the consent', async () => {
    for (const [content, name, declared, type] of [
      [PDF, 'signed.pdf', 'application/pdf', 'application/pdf'],
      // The declared type and name are not trusted: the content decides.
      [PNG, 'photo.jpg', 'application/octet-stream', 'image/png'],
      [JPEG, 'scan', 'text/plain', 'image/jpeg'],
    ] as const) {
      const id = await consent();
      const seq = await auditSeq(t);
      const res = await upload(w.workerA.token, id, file(content, name, declared));
      expect([name, res.status]).toEqual([name, 200]);
      expect(res.body).toMatchObject({
        id,
        hasScan: true,
        scan: { contentType: type, sizeBytes: content.length, uploadedById: w.workerA.id },
      });
      expect(Date.parse(res.body.scan.uploadedAt)).not.toBeNaN();
      const rows = await stored(id);
      expect(rows).toEqual([
        {
          team_id: w.teamA.id,
          participant_id: pA,
          content_type: type,
          size_bytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          uploaded_by_id: w.workerA.id,
        },
      ]);
      const audit = await t.db.query(
        `SELECT action, entity_type, entity_id, participant_id, team_id, details FROM audit_event WHERE seq > $1`,
        [seq],
      );
      expect(audit.rows).toEqual([
        {
          action: 'update',
          entity_type: 'consent',
          entity_id: id,
          participant_id: pA,
          team_id: w.teamA.id,
          details: {
            fields: ['scan'],
            scan: { contentType: type, sizeBytes: content.length, sha256: rows[0].sha256 },
            replaced: false,
          },
        },
      ]);
      // The consent as read elsewhere says so too.
      const read = await t.request('GET', `/api/consents/${id}`, { token: w.supA.token });
      expect(read.body).toMatchObject({ hasScan: true, scan: { contentType: type } });
    }
  });

  it('gives the file back as it was kept, its read audited; none kept is a 404', async () => {
    const id = await consent();
    const none = await t.app.inject({
      method: 'GET',
      url: `/api/consents/${id}/scan`,
      headers: { authorization: `Bearer ${w.workerA.token}` },
    });
    expect(none.statusCode).toBe(404);
    expect((await upload(w.workerA.token, id, file(PDF))).status).toBe(200);
    const seq = await auditSeq(t);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/consents/${id}/scan`,
      headers: { authorization: `Bearer ${w.supA.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="signed-consent-${id}.pdf"`,
    );
    expect(res.rawPayload.equals(PDF)).toBe(true);
    const audit = await t.db.query(
      `SELECT actor_id, action, entity_id, details FROM audit_event WHERE seq > $1`,
      [seq],
    );
    expect(audit.rows).toEqual([
      { actor_id: w.supA.id, action: 'read', entity_id: id, details: { scan: true } },
    ]);
  });

  it('replaces the kept copy with a new one; the same file again writes nothing', async () => {
    const id = await consent();
    expect((await upload(w.workerA.token, id, file(PDF))).status).toBe(200);
    const before = await tableChecksum(t, 'consent_scan');
    const again = await upload(w.workerA.token, id, file(PDF));
    expect(again.status).toBe(200);
    expect(again.body.scan).toMatchObject({ contentType: 'application/pdf' });
    expect(await tableChecksum(t, 'consent_scan')).toBe(before);
    const replaced = await upload(w.supA.token, id, file(JPEG, 'better.jpg', 'image/jpeg'));
    expect(replaced.status).toBe(200);
    expect(replaced.body.scan).toMatchObject({
      contentType: 'image/jpeg',
      uploadedById: w.supA.id,
    });
    const rows = await stored(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ content_type: 'image/jpeg', content: JPEG });
  });

  it('refuses what is not one PDF, PNG or JPEG of at most 5 MB, naming the field; nothing kept', async () => {
    const id = await consent();
    const before = await tableChecksum(t, 'consent_scan');
    const fakePdf = Buffer.from('This is a note, not a PDF, whatever its name says.\n');
    const cases: [string, { payload: Buffer; headers: Record<string, string> }, number][] = [
      ['a .pdf-named text file', file(fakePdf, 'signed.pdf', 'application/pdf'), 415],
      ['an SVG', file(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg'), 415],
      ['5 MB + 1 byte', file(Buffer.concat([PDF, Buffer.alloc(MAX + 1 - PDF.length)])), 413],
      ['an empty file', file(Buffer.alloc(0)), 400],
      ['another field', multipart([{ name: 'scan', filename: 'a.pdf', content: PDF }]), 400],
      ['a plain field', multipart([{ name: 'file', content: PDF }]), 400],
      [
        'two files',
        multipart([
          { name: 'file', filename: 'a.pdf', content: PDF },
          { name: 'file', filename: 'b.pdf', content: PDF },
        ]),
        400,
      ],
    ];
    for (const [what, body, status] of cases) {
      const res = await upload(w.workerA.token, id, body);
      expect([what, res.status]).toEqual([what, status]);
      expect([what, Object.keys(res.body.errors ?? {})]).toEqual([what, ['file']]);
    }
    const json = await t.request('PUT', `/api/consents/${id}/scan`, {
      token: w.workerA.token,
      body: { file: 'JVBERi0=' },
    });
    expect(json.status).toBe(415);
    expect(Object.keys(json.body.errors)).toEqual(['file']);
    expect(await tableChecksum(t, 'consent_scan')).toBe(before);
    // Exactly 5 MB is kept.
    const five = Buffer.concat([PDF, Buffer.alloc(MAX - PDF.length)]);
    const ok = await upload(w.workerA.token, id, file(five));
    expect(ok.status).toBe(200);
    expect(ok.body.scan.sizeBytes).toBe(MAX);
    // A body far over the limit is refused before it is read.
    const huge = await upload(
      w.workerA.token,
      id,
      file(Buffer.concat([PDF, Buffer.alloc(MAX + 200 * 1024)])),
    );
    expect(huge.status).toBe(413);
    expect((await stored(id))[0].size_bytes).toBe(MAX);
  });

  it('another team gets 404 for the upload and the file; nothing changes', async () => {
    const id = await consent();
    expect((await upload(w.workerA.token, id, file(PDF))).status).toBe(200);
    const before = await tableChecksum(t, 'consent_scan');
    const put = await upload(w.workerB.token, id, file(PNG, 'x.png', 'image/png'));
    expect(put.status).toBe(404);
    const get = await t.app.inject({
      method: 'GET',
      url: `/api/consents/${id}/scan`,
      headers: { authorization: `Bearer ${w.supB.token}` },
    });
    expect(get.statusCode).toBe(404);
    expect(get.rawPayload.includes(PDF)).toBe(false);
    expect(await tableChecksum(t, 'consent_scan')).toBe(before);
  });

  it('moves with the person to their new team (SPEC §1)', async () => {
    const id = await consent();
    expect((await upload(w.workerA.token, id, file(PDF))).status).toBe(200);
    const { rows: v } = await t.db.query(`SELECT version FROM participant WHERE id = $1`, [pA]);
    const res = await t.request('PATCH', `/api/participants/${pA}`, {
      token: w.admin.token,
      body: { version: v[0].version, teamId: w.teamB.id },
    });
    expect(res.status).toBe(200);
    const left = await t.db.query(
      `SELECT count(*)::int AS n FROM consent_scan WHERE participant_id = $1 AND team_id <> $2`,
      [pA, w.teamB.id],
    );
    expect(left.rows[0].n).toBe(0);
    const fresh = await t.app.inject({
      method: 'GET',
      url: `/api/consents/${id}/scan`,
      headers: { authorization: `Bearer ${w.workerB.token}` },
    });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.rawPayload.equals(PDF)).toBe(true);
  });
});

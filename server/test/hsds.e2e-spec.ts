import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { RESOURCE_CATEGORIES, type Page, type Resource } from '@peerpath/shared';
import { createTestApp, seedWorld, tableChecksum, type TestApp, type World } from './harness';

/**
 * The directory in Open Referral HSDS 3.0 (SPEC §12): import (JSON and the
 * tabular zip), dry run, all-or-nothing apply, refusals by file, row and
 * field, the 10 MB limit, and export → import round trips. The resource
 * directory is shared by every team (SPEC §3), so there is no other team's
 * directory to hide; writes are for admins only.
 */

type Row = Record<string, unknown>;
interface Sample {
  organization: Row[];
  service: Row[];
  location: Row[];
  phone: Row[];
  service_at_location: Row[];
}

const TOWNS = ['Riverside', 'Harbor', 'Northgate', 'Elm Park', 'Millbrook', 'Cedar Hill'];
const KINDS = [
  ['Food Pantry', 'food', 'Groceries twice a week, no referral needed.'],
  ['Recovery Community Center', 'peer_support_group', 'Peer-led groups every evening.'],
  ['Housing Help Desk', 'housing', 'Help finding and keeping a home.'],
  ['Legal Aid Clinic', 'legal', 'Free advice on tenancy, benefits and records.'],
  ['Job Club', 'employment', 'CV help, interview practice and job leads.'],
  ['Counseling Service', 'mental_health_treatment', 'Talking therapy with sliding-scale fees.'],
  ['Ride Share', 'transportation', 'Rides to appointments, booked a day ahead.'],
  ['Benefits Advice', 'benefits', 'Help applying for the benefits you are owed.'],
  ['Crisis Line', 'crisis', 'Someone to talk to, day and night.'],
  ['Learning Center', 'education', 'Adult classes and GED preparation.'],
] as const;

/** A realistic directory: organisations with several services each, shared locations and phones. */
function sample(services: number, prefix: string): Sample {
  const s: Sample = {
    organization: [],
    service: [],
    location: [],
    phone: [],
    service_at_location: [],
  };
  const orgCount = Math.ceil(services / 4);
  for (let o = 0; o < orgCount; o++) {
    const town = TOWNS[o % TOWNS.length];
    const orgId = `${prefix}-org-${o}`;
    s.organization.push({
      id: orgId,
      name: `${town} Community Partners ${o}`,
      description: `A neighbourhood organisation in ${town}.`,
      email: `hello${o}@example.org`,
      website: `https://example.org/${prefix}/org/${o}`,
      tax_status: '501(c)(3)',
    });
    s.location.push({
      id: `${prefix}-loc-${o}`,
      location_type: 'physical',
      organization_id: orgId,
      name: `${town} hub`,
      description: `${10 + o} Main Street, ${town}`,
      latitude: 40 + o / 100,
      longitude: -73 - o / 100,
    });
    // An organisation-wide number, used by services that have none of their own.
    s.phone.push({
      id: `${prefix}-orgphone-${o}`,
      organization_id: orgId,
      number: `555-01${String(o).padStart(2, '0')}`,
    });
  }
  for (let i = 0; i < services; i++) {
    const o = Math.floor(i / 4);
    const [kind, category, description] = KINDS[i % KINDS.length];
    const id = `${prefix}-svc-${i}`;
    s.service.push({
      id,
      organization_id: `${prefix}-org-${o}`,
      name: `${TOWNS[o % TOWNS.length]} ${kind} ${i}`,
      description,
      url: i % 3 === 0 ? `https://example.org/${prefix}/svc/${i}` : undefined,
      email: `svc${i}@example.org`,
      status: i % 17 === 0 ? 'temporarily closed' : 'active',
      assured_date: i % 5 === 0 ? undefined : `2026-0${(i % 9) + 1}-1${i % 10}`,
      peerpath_category: i % 11 === 0 ? undefined : category,
      peerpath_tags: i % 2 === 0 ? ['free', `area ${o}`] : undefined,
      fees_description: 'Free',
    });
    if (i % 3 !== 2)
      s.phone.push({
        id: `${prefix}-phone-${i}`,
        service_id: id,
        number: `555-02${String(i % 100).padStart(2, '0')} ext ${i}`,
      });
    if (i % 4 !== 3) {
      s.service_at_location.push({
        id: `${prefix}-sal-${i}`,
        service_id: id,
        location_id: `${prefix}-loc-${o}`,
      });
    }
  }
  for (const t of Object.values(s)) {
    for (const row of t as Row[])
      for (const k of Object.keys(row)) if (row[k] === undefined) delete row[k];
  }
  return s;
}

/** A CSV file written here (not by PeerPath's writer): quoted where needed. */
function csv(rows: Row[], columns: string[]): string {
  const cell = (v: unknown) => {
    if (v === undefined || v === null) return '';
    const text = Array.isArray(v) ? v.join(';') : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (
    [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') +
    '\r\n'
  );
}

function zipOf(files: Record<string, string>): Buffer {
  return Buffer.from(
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))),
  );
}

function sampleZip(s: Sample): Buffer {
  const cols = (rows: Row[]) => [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return zipOf({
    'hsds/organization.csv': csv(s.organization, cols(s.organization)),
    'hsds/service.csv': csv(s.service, cols(s.service)),
    'hsds/location.csv': csv(s.location, cols(s.location)),
    'hsds/phone.csv': csv(s.phone, cols(s.phone)),
    'hsds/service_at_location.csv': csv(s.service_at_location, cols(s.service_at_location)),
  });
}

describe('directory import and export in HSDS 3.0', () => {
  let t: TestApp;
  let w: World;

  const stored = async () =>
    Number((await t.db.query(`SELECT count(*)::int AS n FROM resource`)).rows[0].n);

  async function allResources(): Promise<Resource[]> {
    const items: Resource[] = [];
    for (let page = 1; ; page++) {
      const res = await t.request<Page<Resource>>(
        'GET',
        `/api/resources?includeInactive=true&pageSize=100&page=${page}`,
        { token: w.admin.token },
      );
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      if (items.length >= res.body.total) return items;
    }
  }
  const withoutStamp = (rs: Resource[]) =>
    rs.map(({ updatedAt: _u, ...r }) => r).sort((a, b) => a.id.localeCompare(b.id));

  function importJson(body: unknown, dryRun = false, token = w.admin.token) {
    return t.request('POST', `/api/resources/import${dryRun ? '?dryRun=true' : ''}`, {
      token,
      body,
    });
  }
  function importZip(zip: Buffer, dryRun = false) {
    return t.request('POST', `/api/resources/import${dryRun ? '?dryRun=true' : ''}`, {
      token: w.admin.token,
      headers: { 'content-type': 'application/zip' },
      payload: zip,
    });
  }
  async function unchanged(fn: () => Promise<void>) {
    const before = [await tableChecksum(t, 'resource'), await tableChecksum(t, 'audit_event')];
    await fn();
    expect([await tableChecksum(t, 'resource'), await tableChecksum(t, 'audit_event')]).toEqual(
      before,
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  it('a dry run of 220 services reports them all as new and writes nothing', async () => {
    const s = sample(220, 'dry');
    await unchanged(async () => {
      const res = await importJson(s, true);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        dryRun: true,
        created: 220,
        updated: 0,
        refused: [],
        refusedTotal: 0,
      });
    });
    expect(await stored()).toBe(0);
  });

  it('imports 220 services from the JSON form, mapped to resources, audited', async () => {
    const s = sample(220, 'json');
    const res = await importJson(s);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      dryRun: false,
      created: 220,
      updated: 0,
      refused: [],
      refusedTotal: 0,
    });
    expect(await stored()).toBe(220);

    const { rows } = await t.db.query(
      `SELECT name, category, description, phone, url, address, tags, active,
              last_verified_on::text AS verified, hsds_service_id, hsds_organization_id,
              hsds_location_id, hsds_phone_id
         FROM resource WHERE hsds_service_id = ANY($1) ORDER BY hsds_service_id`,
      [['json-svc-0', 'json-svc-2', 'json-svc-7', 'json-svc-17']],
    );
    expect(rows).toEqual([
      {
        // No category of its own (i % 11 = 0): other. Its own phone, its organisation's location.
        name: 'Riverside Food Pantry 0',
        category: 'other',
        description: 'Groceries twice a week, no referral needed.',
        phone: '555-0200 ext 0',
        url: 'https://example.org/json/svc/0',
        address: '10 Main Street, Riverside',
        tags: ['free', 'area 0'],
        active: false, // temporarily closed (i % 17 = 0)
        verified: null,
        hsds_service_id: 'json-svc-0',
        hsds_organization_id: 'json-org-0',
        hsds_location_id: 'json-loc-0',
        hsds_phone_id: 'json-phone-0',
      },
      {
        // Temporarily closed, and no phone of its own (i % 3 = 2): the organisation's number.
        name: 'Millbrook Benefits Advice 17',
        category: 'benefits',
        description: 'Help applying for the benefits you are owed.',
        phone: '555-0104',
        url: null,
        address: '14 Main Street, Millbrook',
        tags: [],
        active: false,
        verified: '2026-09-17',
        hsds_service_id: 'json-svc-17',
        hsds_organization_id: 'json-org-4',
        hsds_location_id: 'json-loc-4',
        hsds_phone_id: 'json-orgphone-4',
      },
      {
        // No phone of its own (i % 3 = 2): the organisation's number.
        name: 'Riverside Housing Help Desk 2',
        category: 'housing',
        description: 'Help finding and keeping a home.',
        phone: '555-0100',
        url: null,
        address: '10 Main Street, Riverside',
        tags: ['free', 'area 0'],
        active: true,
        verified: '2026-03-12',
        hsds_service_id: 'json-svc-2',
        hsds_organization_id: 'json-org-0',
        hsds_location_id: 'json-loc-0',
        hsds_phone_id: 'json-orgphone-0',
      },
      {
        // At no location (i % 4 = 3): no address.
        name: 'Harbor Benefits Advice 7',
        category: 'benefits',
        description: 'Help applying for the benefits you are owed.',
        phone: '555-0207 ext 7',
        url: null,
        address: null,
        tags: [],
        active: true,
        verified: '2026-08-17',
        hsds_service_id: 'json-svc-7',
        hsds_organization_id: 'json-org-1',
        hsds_location_id: null,
        hsds_phone_id: 'json-phone-7',
      },
    ]);
    const audit = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event
        WHERE action = 'create' AND entity_type = 'resource' AND actor_id = $1
          AND details->>'source' = 'hsds_import'`,
      [w.admin.id],
    );
    expect(audit.rows[0].n).toBe(220);
  });

  it('imports the same services again as updates, by HSDS id (no copies)', async () => {
    const s = sample(220, 'json');
    s.service[5].name = 'Northgate Job Club, now on Saturdays';
    const dry = await importJson(s, true);
    expect(dry.body).toMatchObject({ created: 0, updated: 220, refusedTotal: 0 });
    const res = await importJson(s);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, updated: 220, refused: [] });
    expect(await stored()).toBe(220);
    const { rows } = await t.db.query(
      `SELECT name FROM resource WHERE hsds_service_id = 'json-svc-5'`,
    );
    expect(rows).toEqual([{ name: 'Northgate Job Club, now on Saturdays' }]);
  });

  it('imports the tabular zip (CSV files in a folder), with its dry run', async () => {
    const zip = sampleZip(sample(40, 'zip'));
    await unchanged(async () => {
      const dry = await importZip(zip, true);
      expect(dry.status).toBe(200);
      expect(dry.body).toEqual({
        dryRun: true,
        created: 40,
        updated: 0,
        refused: [],
        refusedTotal: 0,
      });
    });
    const res = await importZip(zip);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 40, updated: 0, refused: [] });
    const { rows } = await t.db.query(
      `SELECT name, phone, tags, category FROM resource WHERE hsds_service_id = 'zip-svc-4'`,
    );
    expect(rows).toEqual([
      {
        name: 'Harbor Job Club 4',
        phone: '555-0204 ext 4',
        tags: ['free', 'area 1'],
        category: 'employment',
      },
    ]);
  });

  it('refuses wrong types, missing required fields, repeated ids and dangling references, row by row, writing nothing', async () => {
    const s = sample(30, 'bad');
    s.service[2].name = 1234; // wrong type
    delete s.service[4].status; // missing required
    s.service[6].id = 'bad-svc-1'; // repeats row 2's id
    s.service[8].organization_id = 'nobody'; // no such organization
    s.service[9].url = 'ftp://example.org'; // not a web address
    s.service[10].peerpath_category = 'snacks';
    s.phone[1].number = ''; // empty
    delete s.organization[3].description;
    s.location[0].location_type = 'ship';
    s.service_at_location[0].location_id = 'missing-loc';
    const expected = [
      {
        file: 'organization',
        row: 4,
        id: 'bad-org-3',
        errors: [{ field: 'description', message: 'is required' }],
      },
      {
        file: 'service',
        row: 3,
        id: 'bad-svc-2',
        errors: [{ field: 'name', message: 'must be text' }],
      },
      {
        file: 'service',
        row: 5,
        id: 'bad-svc-4',
        errors: [{ field: 'status', message: 'is required' }],
      },
      {
        file: 'service',
        row: 7,
        id: 'bad-svc-1',
        errors: [{ field: 'id', message: 'repeats the id of row 2' }],
      },
      {
        file: 'service',
        row: 9,
        id: 'bad-svc-8',
        errors: [{ field: 'organization_id', message: 'names no organization in organization' }],
      },
      {
        file: 'service',
        row: 10,
        id: 'bad-svc-9',
        errors: [
          { field: 'url', message: 'must be a web address starting with http:// or https://' },
        ],
      },
      {
        file: 'service',
        row: 11,
        id: 'bad-svc-10',
        errors: [
          {
            field: 'peerpath_category',
            message: expect.stringContaining('must be one of: crisis'),
          },
        ],
      },
      {
        file: 'location',
        row: 1,
        id: 'bad-loc-0',
        errors: [{ field: 'location_type', message: 'must be one of: physical, postal, virtual' }],
      },
      {
        file: 'phone',
        row: 2,
        id: s.phone[1].id,
        errors: [{ field: 'number', message: 'must not be empty' }],
      },
      {
        // Its service's id was changed (row 7): the phone and the link to a location now name no service.
        file: 'phone',
        row: 13,
        id: 'bad-phone-6',
        errors: [{ field: 'service_id', message: 'names no service in service' }],
      },
      {
        file: 'service_at_location',
        row: 1,
        id: 'bad-sal-0',
        errors: [{ field: 'location_id', message: 'names no location in location' }],
      },
      {
        file: 'service_at_location',
        row: 6,
        id: 'bad-sal-6',
        errors: [{ field: 'service_id', message: 'names no service in service' }],
      },
    ];
    await unchanged(async () => {
      const dry = await importJson(s, true);
      expect(dry.status).toBe(200);
      expect(dry.body.refused).toEqual(expected);
      expect(dry.body.refusedTotal).toBe(expected.length);

      const res = await importJson(s);
      expect(res.status).toBe(422);
      expect(res.body.message).toBe(
        `Nothing was imported: ${expected.length} rows were refused (a dry run lists them with their ids)`,
      );
      expect(res.body.errors).toEqual(
        Object.fromEntries(
          (
            expected as {
              file: string;
              row: number;
              errors: { field: string; message: unknown }[];
            }[]
          ).flatMap((r) => r.errors.map((e) => [`${r.file}[${r.row}].${e.field}`, [e.message]])),
        ),
      );
      expect(res.body.errors['service[3].name']).toEqual(['must be text']);
    });
    expect(
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM resource WHERE hsds_service_id LIKE 'bad-%'`,
        )
      ).rows[0].n,
    ).toBe(0);
  });

  it('names the CSV file and row of a refusal in a zip, and refuses what is not an HSDS file (400)', async () => {
    const s = sample(6, 'badzip');
    s.service[3].status = 'open most days';
    const cols = (rows: Row[]) => [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const zip = zipOf({
      'organization.csv': csv(s.organization, cols(s.organization)),
      'service.csv': csv(s.service, cols(s.service)),
    });
    await unchanged(async () => {
      const applied = await importZip(zip);
      expect(applied.status).toBe(422);
      expect(applied.body.errors).toEqual({
        'service.csv[4].status': ['must be one of: active, inactive, defunct, temporarily closed'],
      });
      const res = await importZip(zip, true);
      expect(res.status).toBe(200);
      expect(res.body.refused).toEqual([
        {
          file: 'service.csv',
          row: 4,
          id: 'badzip-svc-3',
          errors: [
            {
              field: 'status',
              message: 'must be one of: active, inactive, defunct, temporarily closed',
            },
          ],
        },
      ]);
      const notZip = await importZip(Buffer.from('this is not a zip file'));
      expect(notZip.status).toBe(400);
      expect(notZip.body.errors).toEqual({ body: ['The file is not a readable zip'] });
      const noServices = await importZip(zipOf({ 'organization.csv': 'id,name,description\r\n' }));
      expect(noServices.status).toBe(400);
      const notTables = await importJson([{ id: 'x' }]);
      expect(notTables.status).toBe(400);
      const serviceNotList = await importJson({ service: 'everything' });
      expect(serviceNotList.status).toBe(400);
      expect(serviceNotList.body.errors).toEqual({ service: ['service must be a list of rows'] });
    });
  });

  it('takes up to 10 MB on the import alone: more is 413 and writes nothing; other routes keep 1 MB', async () => {
    const big = sample(10, 'big');
    big.organization[0].notes = 'x'.repeat(10 * 1024 * 1024 + 10);
    await unchanged(async () => {
      const res = await t.request('POST', '/api/resources/import', {
        token: w.admin.token,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(big),
      });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413 });
    });
    // 2 MB is fine here (the import), and too large anywhere else.
    const twoMb = sample(10, 'twomb');
    twoMb.organization[0].notes = 'x'.repeat(2 * 1024 * 1024);
    const ok = await importJson(twoMb, true);
    expect(ok.status).toBe(200);
    expect(ok.body.created).toBe(10);
    const elsewhere = await t.request('POST', '/api/resources', {
      token: w.admin.token,
      body: { name: 'Big', category: 'food', description: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(elsewhere.status).toBe(413);
    // A zip body anywhere but the import is refused as not JSON.
    const zipElsewhere = await t.request('POST', '/api/resources', {
      token: w.admin.token,
      headers: { 'content-type': 'application/zip' },
      payload: sampleZip(sample(1, 'z')),
    });
    expect(zipElsewhere.status).toBe(415);
  });

  it('lets only admins import; workers and supervisors of any team get 403 and nothing is written', async () => {
    await unchanged(async () => {
      for (const who of [w.workerA, w.supA, w.workerB, w.supB]) {
        const res = await importJson(sample(2, `nope${who.id.slice(0, 4)}`), false, who.token);
        expect(res.status).toBe(403);
      }
    });
  });

  it('exports the directory as the HSDS zip and imports it back unchanged (any team may export, audited)', async () => {
    // A resource made in PeerPath (no HSDS ids) goes round too, with a formula-like name kept as it is.
    const own = await t.request('POST', '/api/resources', {
      token: w.admin.token,
      body: {
        name: '=Warm line, "evenings"',
        category: 'crisis',
        phone: '+1 555 0199',
        address: '1 Quay Road,\nFlat 2',
        tags: ['24/7', 'Spanish'],
        active: false,
      },
    });
    expect(own.status).toBe(201);
    const before = withoutStamp(await allResources());
    expect(before.length).toBe(await stored());

    const res = await t.app.inject({
      method: 'GET',
      url: '/api/resources/export?format=hsds',
      headers: { authorization: `Bearer ${w.workerB.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="peerpath-directory-hsds-\d{4}-\d{2}-\d{2}\.zip"/,
    );
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).sort()).toEqual([
      'datapackage.json',
      'location.csv',
      'organization.csv',
      'phone.csv',
      'service.csv',
      'service_at_location.csv',
    ]);
    const serviceCsv = strFromU8(files['service.csv']);
    expect(serviceCsv.split('\n')[0]).toBe(
      'id,organization_id,name,description,url,email,status,assured_date,peerpath_category,peerpath_tags',
    );
    expect(serviceCsv).toContain(`${own.body.id},${own.body.id},"'=Warm line, ""evenings"""`);
    const exported = await t.db.query(
      `SELECT details FROM audit_event WHERE action = 'export' AND entity_type = 'resource' AND actor_id = $1`,
      [w.workerB.id],
    );
    expect(exported.rows).toEqual([{ details: { format: 'hsds', services: before.length } }]);

    const back = await importZip(Buffer.from(res.rawPayload));
    expect(back.status).toBe(200);
    expect(back.body).toEqual({
      dryRun: false,
      created: 0,
      updated: before.length,
      refused: [],
      refusedTotal: 0,
    });
    expect(withoutStamp(await allResources())).toEqual(before);
  });

  it('exports the JSON form and imports it back unchanged', async () => {
    const before = withoutStamp(await allResources());
    const res = await t.request('GET', '/api/resources/export?format=hsds-json', {
      token: w.supA.token,
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'location',
      'organization',
      'phone',
      'service',
      'service_at_location',
    ]);
    expect(res.body.service).toHaveLength(before.length);
    const back = await importJson(res.body);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ created: 0, updated: before.length, refusedTotal: 0 });
    expect(withoutStamp(await allResources())).toEqual(before);
    // Every category survives the trip.
    expect(new Set(before.map((r) => r.category)).size).toBeGreaterThan(5);
    expect(RESOURCE_CATEGORIES).toEqual(
      expect.arrayContaining([...new Set(before.map((r) => r.category))]),
    );
  });

  it('refuses an unknown export format (400)', async () => {
    const res = await t.request('GET', '/api/resources/export?format=xml', {
      token: w.admin.token,
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('format');
  });
});

import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { Pool } from 'pg';
import { createTestDatabase } from './harness';
import { startServer } from '../tools/start-server';
import { addAdmin, PASSWORD } from './support/admin';

describe('graceful shutdown (the built server, as deployed)', () => {
  let server: ChildProcess;
  let base: string;
  let url: string;
  let output: () => string;

  beforeAll(async () => {
    url = await createTestDatabase();
    await addAdmin(url, 'admin@shutdown.example');
    const built = await startServer(url);
    server = built.process;
    base = built.baseUrl;
    output = built.output;
  }, 60000);

  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
  });

  it('lets requests in flight finish on SIGTERM, then exits 0', async () => {
    const { port } = new URL(base);
    const body = JSON.stringify({ email: 'admin@shutdown.example', password: PASSWORD });
    // Connections the server has already accepted (a keep-alive request answered on each).
    const sockets = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const socket = connect(Number(port), '127.0.0.1');
        let received = '';
        socket.on('data', (d) => (received += d));
        socket.on('error', () => undefined);
        await once(socket, 'connect');
        socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n`);
        while (!received.includes('"status":"ok"')) await once(socket, 'data');
        received = '';
        return { socket, text: () => received };
      }),
    );
    // Sign-ins hash a password (argon2id, tens of ms each): slow enough to be in flight.
    for (const { socket } of sockets) {
      socket.write(
        `POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
    const exited = new Promise<number | null>((resolve) =>
      server.once('exit', (code) => resolve(code)),
    );
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    await Promise.all(sockets.map(({ socket }) => (socket.closed ? null : once(socket, 'close'))));

    const answered = sockets.filter(({ text }) => /^HTTP\/1\.1 200/.test(text())).length;
    const cut = sockets.filter(({ text }) => text() !== '' && !/^HTTP\/1\.1 200/.test(text()));
    expect(cut.map(({ text }) => text().split('\r\n')[0])).toEqual([]);
    expect(answered).toBeGreaterThan(0);
    // Every sign-in the server carried out (audited) reached its client: none was cut half-way.
    const db = new Pool({ connectionString: url, max: 1 });
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'login'`,
    );
    await db.end();
    expect(rows[0].n).toBe(answered);
    expect(output()).toContain('SIGTERM');
    // Once stopped, nothing answers any more.
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  }, 60000);
});

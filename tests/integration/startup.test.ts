// The two-command promise: `npm start` on an empty data dir comes up on the embedded database, says where
// the admin token is, answers `_service` and a createSecret -> value round trip, and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let child: ChildProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'secrets-start-'));
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

test('the npm start command on an empty data dir serves a round trip with the printed admin token, then drains on SIGTERM', async () => {
  const port = await freePort();
  const output: string[] = [];
  // Run exactly the `npm start` command line, without npm in between, so SIGTERM reaches the server itself.
  const [command, ...args] = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start.split(' ');
  expect(command).toBe('node');
  child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), SECRETS_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  child.stdout!.on('data', (d) => output.push(d.toString()));
  child.stderr!.on('data', (d) => output.push(d.toString()));

  // Start-up must finish within 20 s (the acceptance bound for a fresh embedded database).
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  let ready = false;
  while (!ready && Date.now() < deadline) {
    ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((r) => setTimeout(r, 200));
  }
  expect(ready, output.join('')).toBe(true);

  const tokenPath = join(dataDir, 'admin-token');
  expect(output.join('')).toContain(tokenPath);
  expect(statSync(tokenPath).mode & 0o777).toBe(0o600);
  expect(statSync(join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
  const token = readFileSync(tokenPath, 'utf8').trim();

  const gql = async (query: string, variables?: unknown, auth = true) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as any;
  };
  const sdl = await gql('{ _service { sdl } }', undefined, false);
  expect(sdl.data._service.sdl).toContain('type Secret');
  const created = await gql(`mutation($v: JSON!) { createSecret(input: {name: "first", type: GENERIC, scope: GLOBAL, value: $v}) { id } }`, {
    v: { value: 'hello-from-start' },
  });
  const read = await gql(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id: created.data.createSecret.id });
  expect(read.data.secret.value.data).toEqual({ value: 'hello-from-start' });
  expect(output.join('')).not.toContain('hello-from-start');
  expect(output.join('')).not.toContain(token);

  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited, output.join("")).toBe(0);
  expect(output.join('')).toMatch(/stopped/);
}, 60_000);

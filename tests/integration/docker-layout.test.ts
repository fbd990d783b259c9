// No Docker engine runs here, so this checks the next best thing: the runtime stage of the Dockerfile holds
// everything the server needs. The files its COPY lines name are laid out in a temporary directory, with the
// installed node_modules, and the image's CMD is started there with NODE_ENV=production.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'secrets-image-'));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

test('the runtime stage of the Dockerfile contains what the server needs, and its CMD serves in production mode', async () => {
  const dockerfile = readFileSync('Dockerfile', 'utf8');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
  const copies = [...runtime.matchAll(/^COPY --from=verify \/app\/(\S+) \.\/(\S*)$/gm)].map((m) => m[1]);
  expect(copies).toEqual(expect.arrayContaining(['package.json', 'tsconfig.json', 'server', 'operations/generated']));
  for (const path of copies) cpSync(resolve(path), join(root, path), { recursive: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(runtime)![1]) as string[];
  expect(cmd[0]).toBe('node');

  const port = await freePort();
  const token = `image-admin-${randomBytes(24).toString('hex')}`;
  const output: string[] = [];
  child = spawn(process.execPath, cmd.slice(1), {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      SECRETS_DATA_DIR: join(root, 'data'),
      SECRETS_MASTER_KEY: randomBytes(32).toString('base64'),
      SECRETS_ADMIN_TOKEN: token,
      SECRETS_JOBS_ENABLED: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => output.push(d.toString()));
  child.stderr!.on('data', (d) => output.push(d.toString()));
  let ready = false;
  for (const deadline = Date.now() + 30_000; !ready && Date.now() < deadline; ) {
    ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((r) => setTimeout(r, 250));
  }
  expect(ready, output.join('')).toBe(true);
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ secrets { totalCount } }' }),
  });
  expect(await response.json()).toEqual({ data: { secrets: { totalCount: 0 } } });
  // Production: no landing page, no introspection.
  const introspection = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
  });
  expect(((await introspection.json()) as any).errors[0].extensions.code).toBe('VALIDATION_ERROR');
  const exited = new Promise<number | null>((done) => child!.once('exit', (code) => done(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 60_000);

// `npm run bench`: runs every benchmark in bench/ one after another (each in its own process, default sizes)
// and prints their figures. Results and the machine they were taken on are recorded in docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const bench of benches) {
  console.log(`\n== ${bench} ==`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${bench}`], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    failed++;
    console.log(`(${bench} exited with ${result.status})`);
  }
}
process.exit(failed ? 1 : 0);

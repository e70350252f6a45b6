// `npm run audit`: fails when `npm audit --omit=dev` reports a high or critical advisory in what the
// app ships. When the advisory service cannot be reached (an offline machine, or a registry mirror
// without the audit endpoint), it says so and does not fail: there is nothing to judge.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report = null;
try {
  report = JSON.parse(r.stdout);
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const reason = String(report?.message ?? report?.error?.summary ?? 'no report').trim();
  console.log(`[audit] npm audit could not get advisories here (${reason}); skipped.`);
  process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `[audit] production dependencies: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
if (serious > 0) {
  console.error('[audit] high or critical advisories in production dependencies: run `npm audit --omit=dev` for details.');
  process.exit(1);
}

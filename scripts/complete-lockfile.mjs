// Completes package-lock.json with the platform-specific optional packages (e.g. @rollup/rollup-darwin-arm64,
// @tailwindcss/oxide-win32-x64-msvc) that npm leaves out when the registry it installed from does not serve
// them. Without those entries `npm ci` refuses the lock file as "out of sync". Each added entry carries the
// os/cpu/libc its name states, so npm installs it only on that platform (from the registry, by version).
//   node scripts/complete-lockfile.mjs        (run after `npm install` changes the lock file)
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32'];

/** The platform a binary package is for, read from its name (the convention these packages follow). */
export function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes('arm') ? 'arm' : undefined);
  const libc = parts.includes('musl') || parts.includes('musleabihf') ? 'musl' : parts.includes('gnu') || parts.includes('gnueabihf') ? 'glibc' : undefined;
  if (cpu === 'wasm32') return { cpu: ['wasm32'] };
  if (!os || !cpu) return null;
  return { os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
const added = [];
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${path === '' ? '' : `${path}/`}node_modules/${name}`;
    const top = `node_modules/${name}`;
    if (packages[nested] || packages[top]) continue;
    const platform = platformOf(name);
    if (!platform) {
      console.warn(`complete-lockfile: cannot tell the platform of ${name}; left out`);
      continue;
    }
    packages[top] = { version: range.replace(/^[\^~=]+/, ''), ...(meta.dev ? { dev: true } : {}), optional: true, ...platform };
    added.push(`${name}@${packages[top].version}`);
  }
}
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added.length} platform packages${added.length ? `: ${added.join(', ')}` : ''}`);

/**
 * The built package for the bundle-size rows: `npm run build` once per bench process, so every row measures what an
 * app installs (`vikingdb-kit/*` resolved through package.json `exports` to `dist/`), as the package gates do.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
let built = false;

/** Runs `npm run build` unless this process already did. */
export function ensureBuiltPackage(log: (line: string) => void): void {
  if (built) return;
  log('npm run build …');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  built = true;
}

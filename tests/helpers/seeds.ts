import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './temp-dir.ts';

/** The users' own captures, beside the project when present; tests that read them skip otherwise. */
export const SEEDS = path.resolve(PROJECT_ROOT, '..', 'shared', 'seeds');
export const seedsMissing: string | false = existsSync(SEEDS) ? false : `no seed captures at ${SEEDS}`;
export const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'import');

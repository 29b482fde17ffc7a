import fs from 'node:fs/promises';
import path from 'node:path';
import { constants } from 'node:fs';
import { CarnetError, isNodeError } from '../core/carnet-error.ts';
import { fileSystemError } from '../core/fs-errors.ts';

/**
 * Where a new vault may go: a normal, writable folder. Kernel file systems (/proc, /sys, /dev)
 * accept a `mkdir -p` that never ends, so they are refused before anything is created; folders are
 * then made one level at a time, which cannot loop.
 */

// statfs magic numbers of file systems that hold no user files (Linux's <linux/magic.h>).
const SPECIAL_FILE_SYSTEMS = new Set([0x9fa0 /* proc */, 0x62656572 /* sysfs */, 0x1373 /* devfs */, 0x27e0eb /* cgroup */, 0x63677270 /* cgroup2 */, 0x64626720 /* debugfs */, 0x74726163 /* tracefs */, 0x73636673 /* securityfs */, 0xcafe4a11 /* bpf */, 0x6165676c /* pstore */, 0x1cd1 /* devpts */, 0x42494e4d /* binfmt_misc */]);
const SPECIAL_ROOTS = ['/proc', '/sys', '/dev'];

export async function prepareVaultFolder(root: string): Promise<void> {
  const missing: string[] = [];
  let probe = path.resolve(root);
  for (;;) {
    const stat = await fs.stat(probe).catch((error: unknown) => (isNodeError(error, 'ENOENT') ? null : Promise.reject(fileSystemError(error, probe))));
    if (stat) {
      if (!stat.isDirectory()) throw notAFolder(probe);
      break;
    }
    const parent = path.dirname(probe);
    if (parent === probe) break;
    missing.unshift(probe);
    probe = parent;
  }
  const real = await fs.realpath(probe).catch(() => probe);
  if (process.platform !== 'win32' && (SPECIAL_ROOTS.some((special) => real === special || real.startsWith(`${special}/`)) || (await isSpecialFileSystem(real)))) {
    throw special(root);
  }
  try {
    await fs.access(real, constants.W_OK);
  } catch {
    throw new CarnetError('io', {
      en: `Carnet cannot create a vault in ${root}: the folder ${probe} is not writable. Choose a folder of yours, such as one in Documents.`,
      fr: `Carnet ne peut pas créer de coffre dans ${root} : le dossier ${probe} n’est pas modifiable. Choisissez un de vos dossiers, par exemple dans Documents.`,
    });
  }
  for (const folder of missing) {
    await fs.mkdir(folder).catch((error: unknown) => {
      if (!isNodeError(error, 'EEXIST')) throw fileSystemError(error, folder);
    });
  }
}

async function isSpecialFileSystem(folder: string): Promise<boolean> {
  const info = await fs.statfs(folder).catch(() => null);
  return info !== null && SPECIAL_FILE_SYSTEMS.has(info.type);
}

function special(root: string): CarnetError {
  return new CarnetError('invalid-input', {
    en: `Carnet cannot create a vault in ${root}: it is a system folder that holds no files of yours. Choose a folder of yours, such as one in Documents.`,
    fr: `Carnet ne peut pas créer de coffre dans ${root} : c’est un dossier du système, qui ne contient aucun de vos fichiers. Choisissez un de vos dossiers, par exemple dans Documents.`,
  });
}

function notAFolder(file: string): CarnetError {
  return new CarnetError('invalid-input', {
    en: `Carnet cannot create a vault there: ${file} is a file, not a folder. Choose a folder.`,
    fr: `Carnet ne peut pas créer de coffre à cet endroit : ${file} est un fichier, pas un dossier. Choisissez un dossier.`,
  });
}

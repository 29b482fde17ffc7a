import fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../api.ts';
import { CarnetError, isNodeError } from '../core/carnet-error.ts';
import { atomicWrite } from './atomic-write.ts';
import { looksComplete, sniffImage, type ImageType } from './image-types.ts';
import { slugify } from './slug.ts';
import type { VaultCore } from './vault-core.ts';

/** The folder of pictures pasted or dropped into notes (DESIGN.md: `attachments/<name>`). */
export const ATTACHMENTS_FOLDER = 'attachments';

/** How many taken names are stepped over before giving up: only a folder filled on purpose gets there. */
const MAX_TRIES = 10_000;

/**
 * `attachments/<name>.<ext>`: an image written once, never replaced. The format comes from the
 * bytes, and so does the extension; the name the user's file had gives only the readable part.
 */
export class AttachmentStore {
  private readonly core: VaultCore;

  constructor(core: VaultCore) {
    this.core = core;
  }

  /** Writes `bytes` under a new name and answers its vault-relative path, like `attachments/mekong-map.png`. */
  async save(originalName: string, bytes: Uint8Array): Promise<{ path: string }> {
    const type = checkImage(originalName, bytes);
    const stem = baseName(originalName);
    return this.core.write(async () => {
      await this.core.makeFolder(ATTACHMENTS_FOLDER);
      for (let n = 1; n <= MAX_TRIES; n++) {
        const relative = `${ATTACHMENTS_FOLDER}/${n === 1 ? stem : `${stem}-${n}`}.${type.ext}`;
        if (await isTaken(path.join(this.core.root, relative))) continue;
        try {
          // `create`: published by a hard link, so a file that appeared meanwhile is never replaced.
          await atomicWrite(path.join(this.core.root, relative), bytes, { within: this.core.root, label: relative, create: true });
          return { path: relative };
        } catch (error) {
          // 'conflict' is EEXIST here: someone took the name between the check and the write.
          if (error instanceof CarnetError && error.code === 'conflict') continue;
          throw error;
        }
      }
      throw new CarnetError('conflict', {
        en: `Did not save ${originalName}: attachments/ already holds ${MAX_TRIES} files named like it. Rename the file, then try again.`,
        fr: `${originalName} n’a pas été enregistré : attachments/ contient déjà ${MAX_TRIES} fichiers de ce nom. Renommez le fichier, puis réessayez.`,
      });
    });
  }
}

/** Refuses what is too large, not an image Carnet shows, or visibly cut short; answers the format. */
function checkImage(name: string, bytes: Uint8Array): ImageType {
  const shown = name.slice(0, 120);
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    const size = (bytes.length / 1048576).toFixed(1);
    throw new CarnetError('too-heavy', {
      en: `Did not add ${shown}: it is ${size} MB, and an image in a note is limited to ${MAX_ATTACHMENT_BYTES / 1048576} MB. Make it smaller, then add it again.`,
      fr: `${shown} n’a pas été ajouté : ce fichier fait ${size.replace('.', ',')} Mo, et une image dans une note est limitée à ${MAX_ATTACHMENT_BYTES / 1048576} Mo. Réduisez-la, puis ajoutez-la de nouveau.`,
    });
  }
  const type = sniffImage(bytes);
  if (!type) {
    throw new CarnetError('unsupported', {
      en: `Did not add ${shown}: it is not a PNG, JPEG, GIF or WebP image. Other files (SVG, HTML, PDF…) can carry scripts or links and are not shown in notes; convert it to PNG or JPEG first.`,
      fr: `${shown} n’a pas été ajouté : ce n’est pas une image PNG, JPEG, GIF ou WebP. Les autres fichiers (SVG, HTML, PDF…) peuvent contenir des scripts ou des liens et ne s’affichent pas dans les notes ; convertissez-le d’abord en PNG ou JPEG.`,
    });
  }
  if (!looksComplete(type, bytes)) {
    throw new CarnetError('unreadable', {
      en: `Did not add ${shown}: this ${type.ext.toUpperCase()} image is cut short (an interrupted download or copy?). Get the whole file, then add it again.`,
      fr: `${shown} n’a pas été ajouté : cette image ${type.ext.toUpperCase()} est incomplète (téléchargement ou copie interrompus ?). Récupérez le fichier entier, puis ajoutez-le de nouveau.`,
    });
  }
  return type;
}

/** The readable part of the name: the original's stem as a slug, `image` when nothing readable is left. */
function baseName(originalName: string): string {
  const file = originalName.split(/[\\/]/).pop() ?? '';
  const dot = file.lastIndexOf('.');
  const slug = slugify(dot > 0 ? file.slice(0, dot) : file);
  return slug === 'untitled' ? 'image' : slug;
}

/** Taken when anything is there, even a file Carnet cannot read or a broken link: none is ever replaced. */
async function isTaken(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (error) {
    return !isNodeError(error, 'ENOENT');
  }
}

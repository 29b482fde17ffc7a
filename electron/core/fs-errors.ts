import { CarnetError, isNodeError } from './carnet-error.ts';

/**
 * The operating system's error codes, said as what happened and what to do. Every write path turns
 * its failures into one of these, so `ENOSPC` or `EISDIR` never reaches the user raw.
 */
export function fileSystemError(error: unknown, target: string): CarnetError {
  if (error instanceof CarnetError) return error;
  const code = isNodeError(error) ? error.code : undefined;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new CarnetError('disk-full', {
        en: `The disk is full: nothing was changed (${target}). Free some space, then try again.`,
        fr: `Le disque est plein : rien n’a été modifié (${target}). Libérez de la place, puis réessayez.`,
      });
    case 'EIO':
      return new CarnetError('io', {
        en: `The disk reported a read or write failure: nothing was changed (${target}). Check the drive (is it unplugged or failing?), then try again.`,
        fr: `Le disque a signalé une erreur de lecture ou d’écriture : rien n’a été modifié (${target}). Vérifiez le support (débranché ou défaillant ?), puis réessayez.`,
      });
    case 'EROFS':
      return new CarnetError('io', {
        en: `The disk holding ${target} is read-only: nothing was changed. Open the vault from a writable place, or open it read-only.`,
        fr: `Le disque qui contient ${target} est en lecture seule : rien n’a été modifié. Ouvrez le coffre depuis un emplacement modifiable, ou en lecture seule.`,
      });
    case 'EACCES':
    case 'EPERM':
      return new CarnetError('io', {
        en: `Carnet is not allowed to write ${target}: nothing was changed. Check the folder's permissions.`,
        fr: `Carnet n’a pas le droit d’écrire ${target} : rien n’a été modifié. Vérifiez les droits du dossier.`,
      });
    case 'EISDIR':
      return new CarnetError('io', {
        en: `${target} is a folder where Carnet expected a file: nothing was changed. Move that folder away, then try again.`,
        fr: `${target} est un dossier là où Carnet attendait un fichier : rien n’a été modifié. Déplacez ce dossier, puis réessayez.`,
      });
    case 'ENOTDIR':
      return new CarnetError('io', {
        en: `A file stands where Carnet expected a folder on the way to ${target}: nothing was changed. Move that file away, then try again.`,
        fr: `Un fichier se trouve là où Carnet attendait un dossier, sur le chemin de ${target} : rien n’a été modifié. Déplacez ce fichier, puis réessayez.`,
      });
    case 'ENAMETOOLONG':
      return new CarnetError('io', {
        en: `The path ${target} is too long for this disk: nothing was changed. Move the vault to a shorter path.`,
        fr: `Le chemin ${target} est trop long pour ce disque : rien n’a été modifié. Placez le coffre dans un chemin plus court.`,
      });
    case 'EEXIST':
      return new CarnetError('conflict', {
        en: `${target} exists already, and Carnet never replaces it: nothing was changed. Try again; if it repeats, move that file away.`,
        fr: `${target} existe déjà, et Carnet ne le remplace jamais : rien n’a été modifié. Réessayez ; si cela se reproduit, déplacez ce fichier.`,
      });
    case 'EBUSY':
    case 'ETXTBSY':
      return new CarnetError('io', {
        en: `${target} is in use by another program (a sync tool or an antivirus, perhaps): nothing was changed. Wait a moment, then try again.`,
        fr: `${target} est utilisé par un autre programme (un outil de synchronisation ou un antivirus, peut-être) : rien n’a été modifié. Patientez un instant, puis réessayez.`,
      });
    case 'ENOENT':
      return new CarnetError('io', {
        en: `A folder on the way to ${target} disappeared (moved or deleted outside Carnet, or its drive was unplugged): nothing was changed. Check the vault folder, then try again.`,
        fr: `Un dossier sur le chemin de ${target} a disparu (déplacé ou supprimé hors de Carnet, ou son disque débranché) : rien n’a été modifié. Vérifiez le dossier du coffre, puis réessayez.`,
      });
    case 'ELOOP':
      return new CarnetError('io', {
        en: `The path to ${target} goes round in a loop of links: nothing was changed. Replace the links in the vault folder with real folders.`,
        fr: `Le chemin de ${target} tourne en boucle entre des liens : rien n’a été modifié. Remplacez les liens du dossier du coffre par de vrais dossiers.`,
      });
    case 'EMFILE':
    case 'ENFILE':
      return new CarnetError('io', {
        en: `Too many files are open on this computer: nothing was changed (${target}). Close some programs, then try again.`,
        fr: `Trop de fichiers sont ouverts sur cet ordinateur : rien n’a été modifié (${target}). Fermez quelques programmes, puis réessayez.`,
      });
    default: {
      const detail = plainDetail(error);
      return new CarnetError('io', {
        en: `Could not write ${target}: ${detail}. Nothing was changed; try again.`,
        fr: `Impossible d’écrire ${target} : ${detail}. Rien n’a été modifié ; réessayez.`,
      });
    }
  }
}

/** An error's own words, first line only, without the code in capitals or the path that mean nothing to a reader. */
export function plainDetail(error: unknown): string {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '[^']*'.*$/, '');
}

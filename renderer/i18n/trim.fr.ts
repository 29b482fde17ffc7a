import type { trimEn } from './trim.en.ts';

/** Captures importées en entier (`extraction: uncertain`) : le signalement dans le bilan d’import, le lecteur et les détails, et l’élagage. */
export const trimFr: Record<keyof typeof trimEn, string> = {
  'trim.importFlag': 'Importé en entier : Carnet n’a pas pu distinguer l’article des menus de la page — ouvrez-le pour l’élaguer',
  'trim.bannerTitle': 'Importé en entier.',
  'trim.bannerText': 'Carnet n’a pas pu distinguer l’article des menus de la page : il a gardé toute la capture.',
  'trim.howTo': 'Retirez ce qui n’est pas l’article avec le ⋯ à côté de chaque paragraphe, puis choisissez « Élagage terminé ».',
  'trim.annotated': 'L’élagage n’est pas proposé : cette source a des annotations, et elles pointent dans son texte.',
  'trim.readOnly': 'Ce coffre est ouvert en lecture seule : le texte ne peut pas être élagué.',
  'trim.original': 'Chaque retrait peut être annulé ; la capture telle qu’importée reste dans {path}.',
  'trim.done': 'Élagage terminé',
  'trim.checked': 'Le texte est juste',
  'trim.restoreWhole': 'Rétablir toute la capture',
  'trim.undo': 'Annuler',
  'trim.removed': '{count} paragraphes retirés.',
  'trim.removedOne': '1 paragraphe retiré.',
  'trim.undone': 'Le texte retiré est revenu.',
  'trim.restored': 'Toute la capture est revenue.',
  'trim.marked': 'Marqué comme vérifié.',
  'trim.menu': 'Élaguer à partir du paragraphe {n}',
  'trim.removeThis': 'Retirer ce paragraphe',
  'trim.removeToStart': 'Retirer d’ici jusqu’au début',
  'trim.removeToEnd': 'Retirer d’ici jusqu’à la fin',
  'trim.field': 'Texte',
  'trim.fieldValue': 'Importé en entier : des menus et des renvois peuvent rester. Vérifiez-le dans le lecteur.',
};

import { fromHtml } from './html-importer.ts';
import { fromPlainText } from './txt-importer.ts';
import { header, mailDate, parseMime } from './mime-message.ts';
import { extensionOf, importError, type ImportInput, type ImportedDocument } from './imported-document.ts';

/**
 * E-mails saved as .eml: a newsletter, or an article someone forwarded. The HTML body takes the
 * saved-page path (Readability, the same sanitising), a text-only body the text-capture path.
 * The message gives what a page would have in its head: the subject is the title (without
 * "Fwd:"), the Date header the date, the sender's display name the publisher. Attachments are
 * neither read nor kept; the original .eml is.
 */

const KIND = { en: 'This e-mail', fr: 'Cet e-mail' };

export async function importEml(input: ImportInput): Promise<ImportedDocument> {
  const email = await parseMime(input.bytes, KIND);
  let document: ImportedDocument;
  if (email.html?.trim()) document = await fromHtml(email.html, input);
  else if (email.text?.trim()) document = fromPlainText(email.text.replace(/\r\n?/g, '\n'), input);
  else {
    throw importError({
      en: 'This e-mail has no text to import (its body is empty, or only attachments). Nothing was imported. Save the attachment itself, and import that.',
      fr: 'Cet e-mail n’a pas de texte à importer (son corps est vide, ou fait seulement de pièces jointes). Rien n’a été importé. Enregistrez la pièce jointe elle-même, et importez-la.',
    });
  }
  const subject = email.subject?.replace(/^\s*((fwd?|tr|fw|re)\s*:\s*)+/i, '').trim();
  const from = email.from && !email.from.group ? email.from : undefined;
  const sender = from?.name.trim() || from?.address?.trim();
  document.metadata = {
    ...document.metadata,
    title: subject || document.metadata.title,
    publisher: sender ?? document.metadata.publisher,
    published: mailDate(header(email, 'date')) ?? document.metadata.published,
  };
  document.original = { bytes: input.bytes, extension: extensionOf(input.name) || 'eml' };
  return document;
}

import { appVersion } from './app-paths.ts';
import { importIntoVault } from '../importers/import-into-vault.ts';
import { exportFile } from '../export/export-file.ts';
import { importCodebook } from '../export/codebook-import.ts';
import { exportSearch, foundBy } from '../export/export-scope.ts';
import { copyReference } from '../export/copy-reference.ts';
import type { CarnetSession } from './carnet-session.ts';
import { CarnetError } from './carnet-error.ts';
import type { AppInfo, Handlers } from '../api.ts';

/** What differs between fronts: the native bits the shared handlers call back into. */
export interface FrontAdapter {
  front: AppInfo['front'];
  /** A native folder picker, where the front has one. */
  pickFolder?: (purpose: 'open' | 'create') => Promise<string | null>;
  /** Prints exported HTML to a PDF file the user picks (Electron's Chromium); the path, or null if cancelled. */
  printToPdf?: (html: string, fileName: string) => Promise<string | null>;
  /** Opens an http(s) URL in the system browser; the renderer has already asked the user. */
  openExternal: (url: string) => Promise<boolean>;
}

/** The contract's methods over the shared session: written once, served by every front. */
export function createHandlers(session: CarnetSession, front: FrontAdapter): Handlers {
  return {
    appInfo: () => ({
      version: appVersion(),
      front: front.front,
      capabilities: { nativeFolderPicker: front.pickFolder !== undefined, printToPdf: front.printToPdf !== undefined },
      vault: session.vaultOrNull?.info() ?? null,
      vaultError: session.vaultError,
      settings: session.getSettings(),
    }),
    getSettings: () => session.getSettings(),
    updateSettings: (change) => session.settings.update(change),
    pickFolder: async ({ purpose }) => ({ path: front.pickFolder ? await front.pickFolder(purpose) : null }),

    openVault: ({ path, readOnly }) => session.openVault(path, readOnly ?? false),
    createVault: ({ path, name }) => session.createVault(path, name),
    openSampleVault: () => session.openSampleVault(),
    forgetRecentVault: ({ path }) => session.settings.forgetVault(path),
    vaultInfo: () => session.vault.info(),
    listProblems: () => session.vault.problems(),

    listSources: () => session.vault.listSources(),
    getSource: ({ id }) => session.vault.getSource(id),
    listNotes: () => session.vault.listNotes(),
    getNote: ({ id }) => session.vault.getNote(id),
    createNote: ({ title, body }) => session.vault.createNote(title, body ?? ''),
    saveNote: ({ id, title, body, tags, baseRevision, replaceNewer }) => session.vault.saveNote(id, { title, body, tags }, baseRevision, replaceNewer ?? false),
    listNoteHistory: ({ id }) => session.vault.listNoteHistory(id),
    getNoteVersion: ({ id, version }) => session.vault.getNoteVersion(id, version),
    noteLinks: ({ id }) => session.vault.noteLinks(id),
    linkMention: ({ noteId, targetId, line, baseRevision }) => session.vault.linkMention(noteId, targetId, line, baseRevision),
    saveAttachment: ({ name, data }) => session.vault.saveAttachment(name, Buffer.from(data, 'base64')),

    updateSourceMetadata: ({ id, baseRevision, title, authors, ...fields }) =>
      session.vault.updateSourceMeta(id, { title, authors, ...emptyAsAbsent(fields) }, baseRevision),
    trimSource: ({ id, baseRevision, from, to }) => session.vault.trimSource(id, baseRevision, from, to),
    restoreSourceBody: ({ id, baseRevision, version }) => session.vault.restoreSourceBody(id, baseRevision, version),
    markExtractionChecked: ({ id, baseRevision }) => session.vault.markExtractionChecked(id, baseRevision),
    reextractSource: ({ id, baseRevision }) => session.vault.reextractSource(id, baseRevision),
    importFile: ({ name, dataBase64 }) => importIntoVault(session.vault, { name, bytes: Buffer.from(dataBase64, 'base64') }, session.language()),
    printToPdf: async ({ noteIds, style }) => {
      if (!front.printToPdf) throw new CarnetError('unsupported', { en: 'This window cannot make a PDF itself: use Print, then “Save as PDF”.', fr: 'Cette fenêtre ne sait pas faire un PDF elle-même : utilisez Imprimer, puis « Enregistrer au format PDF ».' });
      const file = await exportFile(session.vault, 'note-html', { ...(noteIds ? { noteIds } : {}), ...(style ? { style } : {}), language: session.language() });
      return { path: await front.printToPdf(file.text, file.fileName.replace(/\.html$/, '.pdf')), count: file.count };
    },
    importCodebook: ({ dataBase64 }) => importCodebook(session.vault, Buffer.from(dataBase64, 'base64')),
    importPaste: ({ text, html }) =>
      html && html.trim() !== ''
        ? importIntoVault(session.vault, { name: 'pasted.html', bytes: Buffer.from(html, 'utf8') }, session.language())
        : importIntoVault(session.vault, { name: 'pasted.txt', bytes: Buffer.from(text ?? '', 'utf8') }, session.language()),
    listAnnotations: ({ sourceId }) => session.vault.listAnnotations(sourceId),
    saveAnnotations: ({ sourceId, annotations, baseRevision }) => session.vault.saveAnnotations(sourceId, annotations, baseRevision),
    createAnnotation: ({ sourceId, sourceRevision, start, end, color, codes, comment }) => session.vault.createAnnotation(sourceId, sourceRevision, start, end, { color, codes, comment }),
    updateAnnotation: ({ sourceId, id, color, codes, addCodes, removeCodes, comment }) => session.vault.updateAnnotation(sourceId, id, { color, codes, addCodes, removeCodes, comment }),
    resolveAnchor: ({ sourceId, id, action, start, end, sourceRevision }) =>
      action === 'attach' && start !== undefined && end !== undefined && sourceRevision !== undefined
        ? session.vault.attachAnnotation(sourceId, id, sourceRevision, start, end)
        : session.vault.resolveAnchor(sourceId, id, action === 'attach' ? 'accept' : action),
    listCodes: () => session.vault.listCodes(),
    getCodebook: () => session.vault.codebook(),
    saveCodebook: ({ codebook, baseRevision }) => session.vault.saveCodebook(codebook, baseRevision),
    passagesWithCode: ({ codeId }) => session.vault.passagesWithCode(codeId),
    deleteAnnotation: ({ sourceId, id }) => session.vault.deleteAnnotation(sourceId, id),
    createCode: (input) => session.vault.createCode(input),
    updateCode: ({ id, ...change }) => session.vault.updateCode(id, change),
    mergeCodes: ({ from, into }) => session.vault.mergeCodes(from, into),
    deleteCode: ({ id }) => session.vault.deleteCode(id),
    queryPassages: (query) => session.vault.queryPassages(query),
    codeMatrix: () => session.vault.codeMatrix(),
    codeCooccurrence: () => session.vault.codeCooccurrence(),
    cooccurringPassages: ({ a, b }) => session.vault.cooccurringPassages(a, b),
    listCitations: (query) => session.vault.listCitations(query),
    citedIn: ({ sourceId }) => session.vault.citedIn(sourceId),
    formatReference: ({ sourceIds, kind, style }) => copyReference(session.vault, sourceIds, kind, style, session.language()),
    exportFile: async ({ format, search, ...scope }) => {
      const found = search ? { ...foundBy(await session.search.search(exportSearch(search))), text: search.text } : undefined;
      return exportFile(session.vault, format, { ...scope, ...(found ? { found } : {}), language: session.language() });
    },
    previewQuoteTemplate: ({ template, language }) => ({ markdown: session.vault.previewQuoteTemplate(template, language) }),
    quoteMarkdown: async ({ sourceId, annotationId }) => ({ markdown: await session.vault.quoteMarkdown(sourceId, annotationId) }),
    quoteInNote: ({ sourceId, annotationId, noteId, title }) => session.vault.quoteInNote(sourceId, annotationId, { noteId, title }),
    getVaultSettings: () => session.vault.getVaultSettings(),
    updateVaultSettings: (settings) => session.vault.updateVaultSettings(settings),

    deleteItem: ({ kind, id }) => session.vault.deleteItem(kind, id),
    listTrash: () => session.vault.listTrash(),
    restoreFromTrash: async ({ id }) => {
      await session.vault.restore(id);
      return { restored: true as const };
    },

    search: (query) => session.search.search(query),
    searchStatus: () => session.search.status(),
    reindex: async () => {
      await session.search.reindex();
      return session.search.status();
    },

    openExternal: async ({ url }) => ({ opened: await front.openExternal(url) }),
  };
}

/** A field the form left empty is removed from the front matter, not written as "". */
function emptyAsAbsent<T extends Record<string, string | undefined>>(fields: T): { [K in keyof T]: Exclude<T[K], ''> | undefined } {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value === '' ? undefined : value])) as { [K in keyof T]: Exclude<T[K], ''> | undefined };
}

import { useCallback, useState, type ReactNode } from 'react';
import { useToast } from '../app/use-toast.tsx';
import { api } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ConfirmDialog, type ConfirmRequest } from '../app/ConfirmDialog.tsx';
import { CodeDialog, type CodeDialogRequest } from './CodeDialog.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { descendantsOf } from './code-tree.ts';
import type { CodeSummary } from '../../electron/api.ts';

export type CodeAction = 'newChild' | 'rename' | 'recolour' | 'describe' | 'move' | 'merge' | 'delete';

export interface CodeEditing {
  /** A new code, at the top level or under `parent`. */
  create: (parent?: string) => void;
  run: (action: CodeAction, code: CodeSummary) => void;
  /** Says what was done (or refused) in a line at the foot of the window. */
  say: (text: string) => void;
  /** The dialogs and the confirmation line; render once. */
  element: ReactNode;
}

/** The codebook's edits, shared by the Codes list and the code view: each opens its dialog, and says what it did. */
export function useCodeEditing(codes: CodeSummary[], options: { onDeleted?: (code: CodeSummary) => void; onCreated?: (code: CodeSummary) => void } = {}): CodeEditing {
  const { t } = useI18n();
  const [form, setForm] = useState<CodeDialogRequest | null>(null);
  const [merging, setMerging] = useState<CodeSummary | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const { toast, say } = useToast();
  const { onDeleted, onCreated } = options;

  const askDelete = useCallback(
    async (code: CodeSummary) => {
      const below = descendantsOf(codes, code.id).size;
      const count = await api.queryPassages({ all: [code.id], any: [], none: [] }).then(
        (found) => found.length,
        () => code.annotationCount,
      );
      setConfirm({
        title: t('codes.delete.title', { name: code.name }),
        detail: [t('codes.delete.passages', { count }), below > 0 ? t('codes.delete.children', { count: below }) : '', t('codes.delete.keep'), t('codes.delete.restore')].filter(Boolean).join(' '),
        confirmLabel: t('codes.delete.confirm'),
        danger: true,
        onConfirm: async () => {
          await api.deleteCode({ id: code.id });
          say(t('codes.delete.done', { name: code.name }));
          onDeleted?.(code);
        },
      });
    },
    [codes, t, say, onDeleted],
  );

  const run = useCallback(
    (action: CodeAction, code: CodeSummary) => {
      if (action === 'newChild') setForm({ parent: code.id });
      else if (action === 'merge') setMerging(code);
      else if (action === 'delete') void askDelete(code);
      else setForm({ code, focus: ({ rename: 'name', recolour: 'colour', describe: 'description', move: 'parent' } as const)[action] });
    },
    [askDelete],
  );

  const create = useCallback((parent?: string) => setForm(parent ? { parent } : {}), []);

  const element = (
    <>
      {form && (
        <CodeDialog
          request={form}
          codes={codes}
          onClose={() => setForm(null)}
          onSaved={(saved) => {
            say(t(form.code ? 'codes.saved' : 'codes.created', { name: saved.name }));
            if (!form.code) onCreated?.(saved);
          }}
        />
      )}
      {merging && <MergeDialog code={merging} codes={codes} onClose={() => setMerging(null)} onMerged={(into, moved) => say(t('codes.merge.done', { count: moved, from: merging.name, into: into.name }))} />}
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
      {toast}
    </>
  );
  return { create, run, say, element };
}

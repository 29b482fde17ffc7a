import { useRef, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import { fileToBase64 } from '../import/dropped-files.ts';

/**
 * Adds a team's codebook (REFI-QDA .qdc, or the codebook of a .qdpx project) to the vault's: new
 * codes under their parents, the codes the vault already has kept as they are. What happened is
 * said under the button.
 */
export function ImportCodebookButton({ readOnly }: { readOnly: boolean }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);

  const read = async (file: File) => {
    setBusy(true);
    setSaid(null);
    try {
      const { added, kept } = await api.importCodebook({ name: file.name, dataBase64: await fileToBase64(file) });
      setSaid({ text: t(added === 0 ? 'codes.import.nothingNew' : added === 1 ? 'codes.import.doneOne' : 'codes.import.done', { added, kept, name: file.name }), error: false });
    } catch (failure) {
      setSaid({ text: errorMessage(failure), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="codebook-import" onClick={() => input.current?.click()} disabled={readOnly || busy} title={readOnly ? t('codes.bar.readOnly') : t('codes.import.hint')} aria-label={t('codes.import.button')}>
        <Icon name="import" /> {t('codes.import.short')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".qdc,.qdpx"
        hidden
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void read(file);
        }}
      />
      {said && (
        <p className={said.error ? 'form-error' : 'hint'} role={said.error ? 'alert' : 'status'}>
          {said.text}
        </p>
      )}
    </>
  );
}

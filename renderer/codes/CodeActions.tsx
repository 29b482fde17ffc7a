import { useI18n } from '../i18n/i18n.tsx';
import { Icon, PathIcon } from '../app/icons.tsx';
import { VIEW_ICONS } from './CodebookBar.tsx';
import type { CodeAction, CodeEditing } from './use-code-editing.tsx';
import type { Place } from '../app/navigation.ts';
import type { CodeSummary } from '../../electron/api.ts';

const EDIT_ICONS: Record<Exclude<CodeAction, 'delete'>, string> = {
  newChild: 'M12 5v14M5 12h14',
  rename: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  recolour: 'M12 3a9 9 0 1 0 0 18c1.2 0 2-.8 2-2 0-1.4-1-1.6-1-3 0-1 .8-2 2-2h2a4 4 0 0 0 4-4c0-4-4-7-9-7zM7.5 11.5v.01M10 7.5v.01M15 7.5v.01',
  describe: 'M5 6h14M5 10h14M5 14h9M5 18h6',
  move: 'M4 5v9a2 2 0 0 0 2 2h12M14 12l4 4-4 4',
  merge: 'M6 4v4a6 6 0 0 0 6 6h0a6 6 0 0 1 6 6M18 4v4a6 6 0 0 1-3 5.2M9 17l3 3 3-3',
};

/** The code view's header actions: every codebook edit one click (or Tab, Enter) away. */
export function CodeActions({ code, readOnly, editing, onOpen }: { code: CodeSummary; readOnly: boolean; editing: CodeEditing; onOpen: (place: Place) => void }) {
  const { t } = useI18n();
  return (
    <div className="reader-actions code-actions" role="group" aria-label={t('codes.menu.label')}>
      <button type="button" className="link-button" onClick={() => onOpen({ kind: 'passages', all: [code.id], any: [], none: [] })}>
        <PathIcon d={VIEW_ICONS.passages} /> {t('codes.view.refine')}
      </button>
      {!readOnly &&
        (Object.keys(EDIT_ICONS) as (keyof typeof EDIT_ICONS)[]).map((action) => (
          <button key={action} type="button" className="link-button" onClick={() => editing.run(action, code)}>
            <PathIcon d={EDIT_ICONS[action]} /> {t(`codes.action.${action}`)}
          </button>
        ))}
      {!readOnly && (
        <button type="button" className="link-button danger-text" onClick={() => editing.run('delete', code)}>
          <Icon name="trash" /> {t('codes.action.delete')}
        </button>
      )}
    </div>
  );
}

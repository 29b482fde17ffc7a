import { memo, useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { codeTree } from './code-tree.ts';
import type { CodeSummary } from '../../electron/api.ts';

/** Where a code sits: the top level or under another code, the tree shown by indentation. A code's own sub-codes are listed, and refused by the form with a reason. */
export const ParentSelect = memo(function ParentSelect({
  codes,
  self,
  value,
  onChange,
  autoFocus,
  placeholder,
}: {
  codes: CodeSummary[];
  self?: string | undefined;
  value: string | null;
  onChange: (parent: string | null) => void;
  autoFocus?: boolean;
  /** Instead of "top level": a choice still to make. */
  placeholder?: string;
}) {
  const { t, language } = useI18n();
  // Thousands of options: built again only when the codebook changes, not on each keystroke in the form.
  const options = useMemo(
    () =>
      codeTree(codes, language)
        .filter((row) => row.code.id !== self)
        .map(({ code, depth }) => (
          <option key={code.id} value={code.id}>
            {`${'\u2003'.repeat(depth)}${code.name}`}
          </option>
        )),
    [codes, language, self],
  );
  return (
    <select value={value ?? ''} onChange={(event) => onChange(event.target.value || null)} data-autofocus={autoFocus === true}>
      <option value="">{placeholder ?? t('codes.form.topLevel')}</option>
      {options}
    </select>
  );
});

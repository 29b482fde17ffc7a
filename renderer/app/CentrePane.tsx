import { useEffect, useRef, useState } from 'react';
import { HomeView } from './HomeView.tsx';
import { FindBar } from '../search/FindBar.tsx';
import { useTermHighlight } from '../search/use-term-highlight.ts';
import { SourceReader } from '../reader/SourceReader.tsx';
import { NoteEditor } from '../notes/NoteEditor.tsx';
import { NoteHistoryView } from '../notes/NoteHistoryView.tsx';
import { CodeView } from '../codes/CodeView.tsx';
import { PassagesView } from '../codes/PassagesView.tsx';
import { MatrixView } from '../codes/MatrixView.tsx';
import { CooccurrenceView } from '../codes/CooccurrenceView.tsx';
import { TrashView } from '../vault/TrashView.tsx';
import { ProblemsView } from '../vault/ProblemsView.tsx';
import { CitationsReport } from '../citations/CitationsReport.tsx';
import type { Place } from './navigation.ts';
import type { VaultData } from './use-vault-data.ts';
import type { VaultDialogTab } from '../vault/VaultDialog.tsx';
import type { VaultInfo } from '../../electron/api.ts';

interface CentrePaneProps {
  place: Place;
  /** Ctrl+F finds in this pane (false for the pane beside the main one). */
  findable?: boolean;
  data: VaultData;
  vault: VaultInfo | null;
  onOpen: (place: Place, replace?: boolean) => void;
  onOpenExternal: (url: string) => void;
  onDelete: (kind: 'source' | 'note', id: string, title: string) => void;
  onNewNote: () => void;
  onOpenVaultDialog: (tab: VaultDialogTab) => void;
  onNotice: (text: string) => void;
}

/** Shows what is open, with the words a search found highlighted, and Ctrl+F to find more. */
export function CentrePane(props: CentrePaneProps) {
  const container = useRef<HTMLDivElement>(null);
  const [finding, setFinding] = useState(false);
  const find = props.place.kind === 'source' || props.place.kind === 'note' ? (props.place.find ?? []) : [];
  useTermHighlight(container, 'carnet-search', find, { scrollOnce: true, wholeWords: true });

  const findable = props.findable ?? true;
  useEffect(() => {
    if (!findable) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        setFinding(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [findable]);

  return (
    <>
      {finding && <FindBar container={container} onClose={() => setFinding(false)} />}
      <div ref={container} className="centre-content">
        <CentreContent {...props} />
      </div>
    </>
  );
}

function CentreContent(props: CentrePaneProps) {
  const { place, data, vault } = props;
  const readOnly = vault?.readOnly ?? true;
  if (!vault || place.kind === 'home') {
    return <HomeView vault={vault} data={data} onOpen={props.onOpen} onNewNote={props.onNewNote} onOpenVaultDialog={props.onOpenVaultDialog} />;
  }
  switch (place.kind) {
    case 'source':
      return (
        <SourceReader
          key={place.id}
          id={place.id}
          annotationId={place.annotationId}
          data={data}
          readOnly={readOnly}
          onSelectAnnotation={(annotationId) => props.onOpen({ kind: 'source', id: place.id, annotationId }, true)}
          onOpenExternal={props.onOpenExternal}
          onDelete={(title) => props.onDelete('source', place.id, title)}
          onNotice={props.onNotice}
          onOpenNote={(noteId, citation) => props.onOpen({ kind: 'note', id: noteId, ...(citation !== undefined ? { citation } : {}) })}
        />
      );
    case 'note':
      return (
        <NoteEditor
          key={place.key ?? place.id}
          id={place.draft ? null : place.id}
          citation={place.citation}
          onCreated={(id) => props.onOpen({ kind: 'note', id, key: place.key ?? place.id }, true)}
          notes={data.notes}
          sources={data.sources}
          onError={props.onNotice}
          revision={data.revision}
          readOnly={readOnly}
          onOpen={props.onOpen}
          onOpenExternal={props.onOpenExternal}
          onDelete={(title) => props.onDelete('note', place.id, title)}
        />
      );
    case 'noteHistory':
      return <NoteHistoryView key={place.id} id={place.id} revision={data.revision} readOnly={readOnly} onOpen={props.onOpen} onNotice={props.onNotice} />;
    case 'code':
      return <CodeView id={place.id} data={data} onOpen={props.onOpen} />;
    case 'passages':
      return <PassagesView place={place} data={data} onOpen={props.onOpen} />;
    case 'matrix':
      return <MatrixView data={data} onOpen={props.onOpen} />;
    case 'cooccurrence':
      return <CooccurrenceView place={place} data={data} onOpen={props.onOpen} />;
    case 'trash':
      return <TrashView revision={data.revision} readOnly={readOnly} onNotice={props.onNotice} />;
    case 'problems':
      return <ProblemsView revision={data.revision} />;
    case 'citations':
      return <CitationsReport place={place} data={data} onOpen={props.onOpen} />;
  }
}

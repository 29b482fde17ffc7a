import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import type { Place } from '../app/navigation.ts';
import type { LinkPlace, NoteLinks } from '../../electron/api.ts';

interface NoteBacklinksProps {
  id: string;
  title: string;
  /** Bumped when the vault changes, so links written elsewhere show up. */
  revision: number;
  readOnly: boolean;
  onOpen: (place: Place) => void;
  onError: (message: string) => void;
}

/**
 * Under a note: the notes that link to it, and those that name it without a link (one click links
 * them, as Obsidian's unlinked mentions do). Each entry opens its note with this title highlighted.
 */
export function NoteBacklinks({ id, title, revision, readOnly, onOpen, onError }: NoteBacklinksProps) {
  const { t } = useI18n();
  const [links, setLinks] = useState<NoteLinks | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.noteLinks({ id }).then(
      (found) => live && setLinks(found),
      () => live && setLinks(null),
    );
    return () => {
      live = false;
    };
  }, [id, revision, title]);

  if (!links) return null;
  const open = (place: LinkPlace) => onOpen({ kind: 'note', id: place.noteId, find: [title] });
  const link = async (place: LinkPlace) => {
    const key = `${place.noteId}:${place.line}`;
    setBusy(key);
    try {
      const other = await api.getNote({ id: place.noteId });
      await api.linkMention({ noteId: place.noteId, targetId: id, line: place.line, baseRevision: other.revision });
      setLinks(await api.noteLinks({ id }));
    } catch (error) {
      onError(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="backlinks" aria-label={t('backlinks.label')}>
      <h2>
        {t('backlinks.linked')} <span className="count">{links.backlinks.length}</span>
      </h2>
      {links.backlinks.length === 0 ? (
        <p className="muted">{t('backlinks.none')}</p>
      ) : (
        <ul className="plain-list">
          {links.backlinks.map((place) => (
            <li key={`${place.noteId}:${place.line}`}>
              <LinkPlaceButton place={place} onClick={() => open(place)} />
            </li>
          ))}
        </ul>
      )}
      {links.mentions.length > 0 && (
        <>
          <h2>
            {t('backlinks.mentions')} <span className="count">{links.mentions.length}</span>
          </h2>
          <ul className="plain-list">
            {links.mentions.map((place) => (
              <li key={`${place.noteId}:${place.line}`} className="mention">
                <LinkPlaceButton place={place} onClick={() => open(place)} />
                {!readOnly && (
                  <button type="button" className="link-button" disabled={busy !== null} onClick={() => void link(place)}>
                    {t('backlinks.link')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function LinkPlaceButton({ place, onClick }: { place: LinkPlace; onClick: () => void }) {
  return (
    <button type="button" className="backlink" onClick={onClick}>
      <span className="backlink-title">
        <Icon name="note" /> {place.title}
      </span>
      <span className="backlink-excerpt">{place.excerpt}</span>
    </button>
  );
}

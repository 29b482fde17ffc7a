/** The few icons the UI needs, drawn inline (no icon font, nothing fetched). */
const paths = {
  back: 'M15 18l-6-6 6-6',
  forward: 'M9 18l6-6-6-6',
  plus: 'M12 5v14M5 12h14',
  vault: 'M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z',
  panel: 'M4 5h16v14H4zM15 5v14',
  split: 'M4 5h16v14H4zM12 5v14',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  warning: 'M12 3l9 16H3zM12 10v4M12 17v.5',
  source: 'M6 3h9l4 4v14H6zM14 3v5h5M9 13h7M9 17h7',
  note: 'M5 4h14v16H5zM8 9h8M8 13h8M8 17h5',
  code: 'M4 12l8-8h8v8l-8 8zM15 8.5v.5',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
  close: 'M6 6l12 12M18 6L6 18',
  import: 'M12 3v12M7 10l5 5 5-5M4 17v3h16v-3',
  export: 'M12 15V3M7 8l5-5 5 5M4 17v3h16v-3',
  search: 'M11 4a7 7 0 1 0 0 14a7 7 0 0 0 0-14zM16 16l4.5 4.5',
  history: 'M4 12a8 8 0 1 0 2.3-5.6M4 4v4h4M12 8v4l3 2',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, label }: { name: IconName; label?: string }) {
  return <PathIcon d={paths[name]} label={label} />;
}

/** One stroked 24×24 path: every icon of the UI is drawn this way. */
export function PathIcon({ d, label }: { d: string; label?: string | undefined }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden={label ? undefined : true} role={label ? 'img' : undefined} aria-label={label}>
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Editor, type JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { loadBlocks, saveBlocks, serializeDocument } from '../../../renderer/notes/block-document.ts';
import { noteExtensions } from '../../../renderer/notes/note-extensions.ts';

/**
 * Hand-written research notes in the Markdown people really write in Carnet and Obsidian (GFM
 * tables, nested and task lists, wikilinks, callouts, footnotes, math, HTML, reference links, hard
 * breaks, escapes, setext headings), each also with CRLF line endings and a byte-order mark.
 * Opened and left alone, a note is not written; an appended paragraph or an edit of the first
 * paragraph leaves every other byte as it was; and even when every node is re-serialised the
 * note still renders the same (micromark, CommonMark + GFM).
 */

const editor = new Editor({ element: null, extensions: noteExtensions(), content: { type: 'doc', content: [{ type: 'paragraph' }] } });

const html = (markdown: string) =>
  micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] })
    // A CRLF note renders its line endings as written; the editor writes LF.
    .replace(/\r\n/g, '\n');

const FIXTURES: Record<string, string> = {
  tables: `# Enquête de terrain — Đà Nẵng, mars 2024

Notes prises après les entretiens avec Nguyễn Thị Hương et Trần Văn Đức, à Hội An.

| Informant | Lieu | Âge | Remarque |
| :-- | :-: | --: | --- |
| Nguyễn Thị Hương | Hội An | 54 | dit « chợ » \\| « marché » |
| Trần Văn Đức | Đà Nẵng | 61 | une barre dans le texte : a \\| b |
| สมชาย ใจดี (Somchai Jaidee) | เชียงใหม่ | 47 | interprète khmer–thaï |

## Sources

| Source | Cote | Lien |
|:---|:---:|---:|
| Archives \`ANOM\` | \`GGI 65432\` | [fonds](https://anom.archivesnationales.culture.gouv.fr/) |
| Rapport **IMM6** | \`RSA-1931/2\` | <https://example.org/imm6> |
| Carnet de *Sok Chea* | \`KH-07\` | [[Sok Chea — carnet]] |

Fin des notes du 12 mars; la table des âges est à vérifier avec Phạm Thị Lan.
`,

  lists: `Plan de lecture pour le séminaire « Migrations en Asie du Sud-Est ».

- Cambodge
  - Phnom Penh : entretiens avec Chan Sophal
  - Battambang
    - archives provinciales (ខេត្តបាត់ដំបង)
- Viêt Nam
    - Huế : fonds des Nguyễn
    - Cần Thơ

* Thaïlande
  * Bangkok (กรุงเทพมหานคร)
  * Chiang Mai

+ Laos
+ Myanmar

1) Lire Scott, *The Art of Not Being Governed*
2) Relire Condominas
   1) chapitre 3
   2) chapitre 7
3) Comparer avec les notes de Phạm Quỳnh

1. First point, in English
2. Second point
    - a sub-point indented four spaces
    - another one

- [ ] Écrire à Lê Minh Khuê
- [x] Scanner le carnet de Sok Chea
  - [ ] vérifier la translittération khmère (សុខ ជា)
  - [x] dater les pages
- [ ] Réserver la salle
`,

  obsidian: `# Réunion — projet COMMIT

Compte rendu de la réunion avec [[Nguyễn Văn Thành]] et [[Somsak Chaiyaphum|Somsak]]; voir aussi [[Chronologie#1975]] et la carte ![[carte-mekong.png]].

> [!note] Décision
> On garde la graphie « Hồ Chí Minh » dans les citations.
> Les noms khmers (ឈ្មោះ) suivent la romanisation ALA-LC.

> [!warning]- Attention aux dates
> Le calendrier bouddhique thaï (พ.ศ. 2567) correspond à 2024.

Le témoignage de Chea Sophea[^1] contredit celui rapporté par Phan Bội Châu[^pbc].

[^1]: Entretien du 3 février 2024, Phnom Penh.
[^pbc]: Voir *Ngục Trung Thư*, 1914.
    Seconde ligne du renvoi, indentée.

Liens internes : [[Lê Lợi]], [[Ayutthaya#Chute de 1767|la chute d'Ayutthaya]] et ![[scan-p12.jpg]].
`,

  math: `Modèle de diffusion pour les réseaux de parenté à Nakhon Ratchasima (นครราชสีมา).

$$
P(k) = \\frac{\\lambda^k e^{-\\lambda}}{k!}
$$

Avec $\\lambda = 2.4$ pour Khon Kaen et $\\lambda = 3.1$ pour Udon Thani; voir $k \\geq 1$.

<div class="aside">
<p>Encadré : Trần Quốc Vượng, 1998.</p>
</div>

Raccourci <kbd>Ctrl</kbd>+<kbd>K</kbd>, et un mot <span class="hl">souligné</span> par Võ Thị Sáu.

<!-- à vérifier avec Sokha -->

$$E = mc^2$$

The model is discussed in English by Hà Văn Tấn.
`,

  references: `Journal de terrain
==================

Voir le rapport de [Lê Quý Đôn][ldq] et [l'article][article-thai], ainsi que [Sihanouk][] et [ldq].

Première ligne avec deux espaces  
deuxième ligne après la coupure\\
troisième ligne, après la barre oblique inverse.

\\# pas un titre
1\\. pas une liste
\\- pas une puce
\\*pas d'emphase\\* et \\[pas un lien\\]

Section secondaire
------------------

Texte final, citant Nguyễn Du et Sisowath.

[ldq]: https://example.org/le-quy-don "Lê Quý Đôn"
[article-thai]: <https://example.org/บทความ> 'Article'
[Sihanouk]: https://example.org/norodom-sihanouk
`,
};

interface Variant {
  name: string;
  fixture: string;
  markdown: string;
}

function variants(): Variant[] {
  return Object.entries(FIXTURES).flatMap(([fixture, markdown]) => [
    { name: fixture, fixture, markdown },
    { name: `${fixture} (CRLF)`, fixture, markdown: markdown.replace(/\n/g, '\r\n') },
    { name: `${fixture} (BOM)`, fixture, markdown: `\uFEFF${markdown}` },
    { name: `${fixture} (BOM, CRLF)`, fixture, markdown: `\uFEFF${markdown.replace(/\n/g, '\r\n')}` },
  ]);
}

/**
 * What the editor cannot show as rich text, per fixture: callouts, footnote definitions, math, HTML and
 * definitions by design; in `lists`, the ordered list whose sub-items are indented four spaces, which
 * @tiptap/extension-list's ordered-list tokenizer nests one level too deep (`    - b` under `    - a`).
 */
const RAW_BLOCKS: Record<string, number> = { tables: 0, lists: 1, obsidian: 4, math: 5, references: 3 };

/** What an appended paragraph follows: the note's own ending, then just enough to make a blank line. */
function separatorAfter(markdown: string): string {
  const eol = markdown.includes('\r\n') ? '\r\n' : '\n';
  if (markdown.replace(/^\uFEFF/, '') === '') return '';
  if (/\n[ \t\r]*\n$/.test(markdown)) return '';
  return markdown.endsWith('\n') ? eol : eol + eol;
}

const ADDED = 'Ajout du 14 mars : entretien avec Keo Sothea à Siem Reap.';

function rawCount(doc: ProseMirrorNode): number {
  let raw = 0;
  doc.forEach((node) => {
    if (node.type.name === 'rawMarkdown') raw++;
  });
  return raw;
}

for (const { name, fixture, markdown } of variants()) {
  test(`fixture ${name}: opened and left alone, nothing is written`, () => {
    const loaded = loadBlocks(editor, markdown);
    assert.equal(saveBlocks(editor, loaded), null);
  });

  test(`fixture ${name}: a paragraph appended is the note's own bytes plus that paragraph`, () => {
    const loaded = loadBlocks(editor, markdown);
    editor.commands.insertContentAt(editor.state.doc.content.size, { type: 'paragraph', content: [{ type: 'text', text: ADDED }] });
    const eol = markdown.includes('\r\n') ? '\r\n' : '\n';
    assert.equal(saveBlocks(editor, loaded), `${markdown}${separatorAfter(markdown)}${ADDED}${eol}`);
  });

  test(`fixture ${name}: an edit of the first paragraph leaves every other block byte for byte`, () => {
    const loaded = loadBlocks(editor, markdown);
    let index = -1;
    let position = -1;
    editor.state.doc.forEach((node, offset, at) => {
      if (index === -1 && node.type.name === 'paragraph') {
        index = at;
        position = offset + 1;
      }
    });
    assert.ok(index >= 0, 'the note has a rich-text paragraph');
    editor.view.dispatch(editor.state.tr.insertText('Relu le 15 mars. ', position));
    const saved = saveBlocks(editor, loaded) ?? '';
    const block = loaded.source.blocks[loaded.original[index]!.block]!;
    const before = loaded.source.bom + loaded.source.body.slice(0, block.start);
    const after = loaded.source.body.slice(block.end);
    assert.ok(saved.startsWith(before), `before the paragraph: ${JSON.stringify(saved.slice(0, before.length + 40))}`);
    assert.ok(saved.endsWith(after), `after the paragraph: ${JSON.stringify(saved.slice(before.length))}`);
    assert.ok(saved.slice(before.length, saved.length - after.length).startsWith('Relu le 15 mars. '), JSON.stringify(saved.slice(before.length, saved.length - after.length)));
  });

  test(`fixture ${name}: re-serialised node by node, the note renders the same`, () => {
    loadBlocks(editor, markdown);
    const serialised = serializeDocument(editor);
    const raw = rawCount(editor.state.doc);
    console.log(`# fixture ${name}: ${editor.state.doc.childCount} blocks, ${raw} kept as raw Markdown`);
    // A file ends with its newline, which the serialisation leaves to the save.
    assert.equal(html(serialised).trimEnd(), html(markdown).trimEnd());
    // Line endings and a byte-order mark change nothing to what is rich text (GFM tables included).
    assert.equal(raw, RAW_BLOCKS[fixture]);
  });
}

/**
 * Text a user typed that looks like Markdown: each is a paragraph of plain text (or text and a hard break).
 * Not here: a bare web or mail address, which GFM makes a link (as the editor itself does when one is typed),
 * and spaces at the start or end of a line, which Markdown drops.
 */
const TYPED: JSONContent[][] = [
  [{ type: 'text', text: '# not a heading' }],
  [{ type: 'text', text: '1. not a list' }],
  [{ type: 'text', text: '2) not a list either' }],
  [{ type: 'text', text: '- not a bullet' }],
  [{ type: 'text', text: '+ nor this' }],
  [{ type: 'text', text: '* nor that' }],
  [{ type: 'text', text: '> not a quote' }],
  [{ type: 'text', text: '[[not typed as link]]' }],
  [{ type: 'text', text: '![[not an embed.png]]' }],
  [{ type: 'text', text: '**not bold** and *not italic* and __nor this__' }],
  [{ type: 'text', text: '| a | b |' }, { type: 'hardBreak' }, { type: 'text', text: '|---|---|' }],
  [{ type: 'text', text: 'snake_case_word and _leading and trailing_' }],
  [{ type: 'text', text: '~tilde~ and ~~not struck~~' }],
  [{ type: 'text', text: '`not code`, [not](a-link), <b>not html</b>, <not-autolink> and &amp; as typed' }],
  [{ type: 'text', text: '$x$ is not math, nor [^1] a footnote; it costs $5 or 5 $' }],
  [{ type: 'text', text: '$$ not a math block $$' }],
  [{ type: 'text', text: '---' }],
  [{ type: 'text', text: '```' }],
  [{ type: 'text', text: 'Setext?' }, { type: 'hardBreak' }, { type: 'text', text: '===' }],
  [{ type: 'text', text: 'Ngô Bảo Châu wrote \\ and \\* and a trailing backslash \\' }],
];

function describeText(doc: ProseMirrorNode): string[] {
  const found: string[] = [];
  doc.descendants((node) => {
    if (!['doc', 'paragraph', 'text', 'hardBreak'].includes(node.type.name)) found.push(node.type.name);
    for (const mark of node.marks) found.push(mark.type.name);
  });
  return found;
}

test('text typed like Markdown stays plain text after a save and a reload, in every fixture', () => {
  for (const { name, markdown } of variants()) {
    const loaded = loadBlocks(editor, markdown);
    for (const content of TYPED) editor.commands.insertContentAt(editor.state.doc.content.size, { type: 'paragraph', content });
    const edited = editor.state.doc;
    const saved = saveBlocks(editor, loaded) ?? '';
    loadBlocks(editor, saved);
    assert.ok(editor.state.doc.eq(edited), `${name}: ${JSON.stringify(saved.slice(-800))}\n${JSON.stringify(editor.getJSON().content?.slice(-TYPED.length))}`);
    const typed = editor.state.doc.content.content.slice(-TYPED.length);
    typed.forEach((node, k) => assert.deepEqual(describeText(node), [], `${name}: typed ${JSON.stringify(TYPED[k])}`));
  }
});

test('text typed like Markdown stays plain text in an empty note', () => {
  for (const content of TYPED) {
    const loaded = loadBlocks(editor, '');
    editor.commands.setContent({ type: 'doc', content: [{ type: 'paragraph', content }] });
    const edited = editor.state.doc;
    const saved = saveBlocks(editor, loaded) ?? '';
    loadBlocks(editor, saved);
    assert.ok(editor.state.doc.eq(edited), `${JSON.stringify(content)} saved as ${JSON.stringify(saved)}: ${JSON.stringify(editor.getJSON())}`);
    assert.deepEqual(describeText(editor.state.doc), []);
  }
});

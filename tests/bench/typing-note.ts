/**
 * The long note of the typing benchmark: ~20,000 words of French and English research prose with
 * Vietnamese and Thai names, headings, lists, 20 GFM pipe tables and 200 links (half `[[wikilinks]]`,
 * half web links), behind the same front matter as the sample vault's notes. Deterministic.
 */

export const LONG_NOTE_FILE = 'notes/long-note.md';
export const LONG_NOTE_TITLE = 'Carnet de terrain — long note (bench)';
/** A short paragraph in the middle of the note: the text is typed at its end. */
export const TARGET_TEXT = 'Point de saisie du banc d’essai — Nguyễn Thị Bình, Chiang Mai.';
/** The note's last paragraph: the note is open once the editor shows it. */
export const LAST_TEXT = 'Fin du carnet — Phạm Văn Đồng et Somchai Wongsawat (สมชาย วงศ์สวัสดิ์) relisent le tout.';

const SECTIONS = 20;
const PARAGRAPHS_PER_SECTION = 10;

const NAMES = ['Nguyễn Văn Hùng', 'Trần Thị Hương', 'Lê Quý Vương', 'Phạm Minh Đức', 'Võ Thị Ánh Tuyết', 'Đặng Hữu Phúc', 'Somchai Wongsawat (สมชาย วงศ์สวัสดิ์)', 'Kanokwan Suwannarat (กนกวรรณ สุวรรณรัตน์)', 'Pornthip Rojanasunan', 'Thanawat Chaiyaporn (ธนวัฒน์ ไชยพร)'];
const PLACES = ['Hà Nội', 'Thành phố Hồ Chí Minh', 'Đà Nẵng', 'Cần Thơ', 'Lào Cai', 'Chiang Mai', 'Mae Sot', 'Nong Khai', 'Udon Thani', 'Phnom Penh'];
const FR = [
  'Lors de notre entretien à {place}, {name} a décrit les filières de recrutement qui passent désormais par les messageries.',
  'Les registres consultés au bureau provincial ne mentionnent que les cas déférés au parquet, ce qui limite la comparaison.',
  '{name} insiste sur le rôle des intermédiaires villageois, souvent des parents éloignés, dans le départ des jeunes femmes.',
  'Il faudrait croiser ces chiffres avec ceux de l’Organisation internationale pour les migrations, publiés l’an dernier.',
  'À {place}, les agents frontaliers reçoivent une formation commune depuis la réunion ministérielle de novembre.',
  'La question du retour des victimes reste entière : les centres d’accueil manquent de personnel et de moyens.',
  'Selon {name}, la coopération entre polices s’est améliorée, mais les échanges d’informations restent informels.',
];
const EN = [
  'In {place}, {name} explained that recruiters now contact young workers through social networks before they leave home.',
  'The provincial records only list cases referred to prosecutors, which makes any comparison across years fragile.',
  '{name} pointed out that brokers are often distant relatives, trusted by families who know little of the destination.',
  'These figures should be read against the survey published by the labour ministry, which uses a wider definition.',
  'Border officials in {place} have trained together since the ministerial meeting, according to two of our informants.',
  'Shelters for returning victims remain understaffed, and follow-up after the first month is rare.',
  'According to {name}, police cooperation has improved, yet most information is still exchanged by telephone.',
];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

export interface LongNote {
  markdown: string;
  words: number;
  tables: number;
  wikilinks: number;
  webLinks: number;
}

export function longNote(): LongNote {
  const rand = random(2004);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
  const sentence = (pool: string[]) => pick(pool).replace('{name}', pick(NAMES)).replace('{place}', pick(PLACES));
  const blocks: string[] = [];
  let wikilinks = 0;
  let webLinks = 0;
  let tables = 0;
  for (let s = 0; s < SECTIONS; s++) {
    const french = s % 2 === 0;
    const pool = french ? FR : EN;
    blocks.push(`## ${s + 1}. ${french ? 'Terrain à' : 'Fieldwork in'} ${PLACES[s % PLACES.length]}`);
    for (let p = 0; p < PARAGRAPHS_PER_SECTION; p++) {
      if (p === 4) blocks.push(`### ${french ? 'Entretiens' : 'Interviews'} ${s + 1}.${p}`);
      const sentences = Array.from({ length: 4 + Math.floor(rand() * 2) }, () => sentence(pool));
      const link = (s * PARAGRAPHS_PER_SECTION + p) % 2 === 0 ? `[[${pick(['COMMIT — a working timeline', 'Welcome to Carnet', 'Entretiens Lào Cai', 'Mae Sot notes'])}]]` : `[${french ? 'le rapport' : 'the report'} ${s + 1}.${p}](https://example.org/reports/${s + 1}-${p}?lang=${french ? 'fr' : 'en'})`;
      if (link.startsWith('[[')) wikilinks++;
      else webLinks++;
      sentences.splice(2, 0, `${french ? 'Voir aussi' : 'See also'} ${link}.`);
      blocks.push(sentences.join(' '));
      if (p === 6) {
        blocks.push(Array.from({ length: 5 }, (_, i) => `- ${sentence(pool)}${i === 2 ? ' *(à vérifier)*' : ''}`).join('\n'));
      }
      if (p === 8) {
        tables++;
        const rows = Array.from({ length: 6 }, (_, i) => `| ${pick(PLACES)} | ${pick(NAMES)} | ${2019 + i} | ${Math.floor(rand() * 900) + 10} |`);
        blocks.push([`| ${french ? 'Lieu' : 'Place'} | ${french ? 'Interlocuteur' : 'Informant'} | ${french ? 'Année' : 'Year'} | ${french ? 'Cas' : 'Cases'} |`, '| :--- | :--- | ---: | ---: |', ...rows].join('\n'));
      }
    }
    if (s === SECTIONS / 2 - 1) blocks.push(TARGET_TEXT);
    if (s % 4 === 3) blocks.push(Array.from({ length: 4 }, (_, i) => `${i + 1}. ${sentence(pool)}`).join('\n'));
  }
  blocks.push(LAST_TEXT);
  const body = `# ${LONG_NOTE_TITLE}\n\n${blocks.join('\n\n')}\n`;
  const head = ['---', 'id: bench-long-note', `title: ${LONG_NOTE_TITLE}`, 'tags:', '  - bench', '  - mékong', 'created: 2026-11-24T09:00:00.000Z', 'updated: 2026-11-24T09:00:00.000Z', '---', ''].join('\n');
  return { markdown: head + body, words: body.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, tables, wikilinks, webLinks };
}

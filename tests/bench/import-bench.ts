/**
 * Import speed on generated folders of article-sized files (text captures, saved pages, Markdown),
 * French and English, written the way the seed captures are. Prints files/s and MB/s, and the
 * median time per file for each format. Never part of `npm test`: figures, not pass/fail.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importIntoVault } from '../../electron/importers/import-into-vault.ts';
import { Vault } from '../../electron/vault/vault.ts';

const FILES = Number(process.env.CARNET_BENCH_FILES ?? 1000);

const SENTENCES_FR = [
  'Les ministres des six pays du processus COMMIT se sont réunis à Hà Nội pour faire le point sur la coopération régionale.',
  "La traite des êtres humains prend de nouvelles formes à l'ère numérique, par les réseaux sociaux et les messageries.",
  'Le Cambodge, la Chine, le Laos, le Myanmar, la Thaïlande et le Vietnam ont lancé ce processus en 2004.',
  'Les délégations ont insisté sur la protection des victimes et sur leur retour dans de bonnes conditions.',
  'Les forces de police des pays voisins échangent désormais des informations chaque semaine.',
  'Le vice-ministre Lê Quý Vương a rappelé les engagements pris lors de la quatrième réunion à Phnom Penh.',
  'Un nouveau plan d’action couvre la formation conjointe des policiers et des agents des frontières.',
];
const SENTENCES_EN = [
  'Ministers from the six COMMIT countries met in Hanoi to review regional cooperation against trafficking.',
  'Recruiters now reach people through social networks and messaging applications, delegates said.',
  'Cambodia, China, Laos, Myanmar, Thailand and Vietnam launched the process in 2004.',
  'Officials stressed the protection of victims and their safe return home.',
  'Police forces across the borders now share information every week.',
  'A new action plan covers joint training for police and border officials.',
];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

function article(n: number, rand: () => number): { title: string; paragraphs: string[]; french: boolean } {
  const french = rand() < 0.6;
  const pool = french ? SENTENCES_FR : SENTENCES_EN;
  const paragraphs = Array.from({ length: 6 + Math.floor(rand() * 10) }, (_, p) =>
    Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pool[Math.floor(rand() * pool.length)]).join(' ') + ` (${n}.${p})`,
  );
  return { title: `${french ? 'Dépêche' : 'Dispatch'} ${n}: ${pool[n % pool.length]!.slice(0, 60)}`, paragraphs, french };
}

async function makeCorpus(dir: string): Promise<{ name: string; format: string }[]> {
  const rand = random(42);
  const files: { name: string; format: string }[] = [];
  for (let n = 0; n < FILES; n++) {
    const { title, paragraphs, french } = article(n, rand);
    const roll = rand();
    let name: string;
    let text: string;
    if (roll < 0.7) {
      name = `capture-${n}.txt`;
      text = [`Exemple.vn - ${french ? 'Le portail de la région' : 'News from the region'}`, title, paragraphs[0], `Exemple${french ? 'Info' : 'News'} ${1 + (n % 28)}/11/2025`, ...paragraphs.slice(1), '(TTXVN/Vietnam+)', `Source : https://exemple.vn/article-${n}.html`, 'Comment (0)', 'Même sujet', 'Un autre titre', 'Encore un titre'].join('\n\n');
    } else if (roll < 0.9) {
      name = `page-${n}.html`;
      text = `<!doctype html><html lang="${french ? 'fr' : 'en'}"><head><title>${title}</title><meta property="og:site_name" content="Exemple"><link rel="canonical" href="https://exemple.org/${n}"><meta property="article:published_time" content="2025-11-19"></head><body><nav><a href="/">Accueil</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><footer>© Exemple</footer></body></html>`;
    } else {
      name = `note-${n}.md`;
      text = `---\ntitle: "${title}"\ndate: 2025-11-19\n---\n${paragraphs.join('\n\n')}\n`;
    }
    await fs.writeFile(path.join(dir, name), text);
    files.push({ name, format: path.extname(name).slice(1) });
  }
  return files;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'carnet-bench-import-'));
try {
  const corpusDir = path.join(temp, 'corpus');
  await fs.mkdir(corpusDir);
  const corpus = await makeCorpus(corpusDir);
  const vault = await Vault.create(path.join(temp, 'vault'), 'Bench', );
  const timings: Record<string, number[]> = {};
  let bytes = 0;
  let imported = 0;
  const started = performance.now();
  for (const file of corpus) {
    const data = await fs.readFile(path.join(corpusDir, file.name));
    bytes += data.length;
    const t0 = performance.now();
    const result = await importIntoVault(vault, { name: file.name, bytes: data });
    (timings[file.format] ??= []).push(performance.now() - t0);
    if (result.status === 'imported') imported++;
  }
  const seconds = (performance.now() - started) / 1000;
  await vault.close();
  console.log(`Import benchmark: ${corpus.length} generated files (${(bytes / 1048576).toFixed(1)} MB), ${os.cpus().length} cores, Node ${process.version}`);
  console.log(`| files | imported | seconds | files/s | MB/s |`);
  console.log(`| ---: | ---: | ---: | ---: | ---: |`);
  console.log(`| ${corpus.length} | ${imported} | ${seconds.toFixed(1)} | ${(corpus.length / seconds).toFixed(0)} | ${(bytes / 1048576 / seconds).toFixed(2)} |`);
  console.log('');
  console.log(`| format | files | median ms per file |`);
  console.log(`| --- | ---: | ---: |`);
  for (const [format, values] of Object.entries(timings)) console.log(`| ${format} | ${values.length} | ${median(values).toFixed(2)} |`);
} finally {
  await fs.rm(temp, { recursive: true, force: true });
}

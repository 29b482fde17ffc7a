import type { LineFeatures } from './line-features.ts';
import type { LineClass } from './classify-lines.ts';
import { candidateRegions, type Region } from './article-region.ts';
import { isCommentAuthor, isCommentsHeader } from './comments-header.ts';
import { headlineBefore } from './find-headline.ts';
import type { Line } from './capture-lines.ts';

/**
 * Of the stretches that could be the article, the one a headline introduces: a title-shaped line
 * with a byline or a date under it, just before. Without such a sign, the heaviest stretch.
 */
export function chooseRegion(lines: Line[], features: LineFeatures[], classes: LineClass[], from: number): Region | null {
  const candidates = candidateRegions(classes, features.map((f) => f.chars));
  const comments = lines.findIndex((line, index) => index >= from && isCommentsHeader(line.text));
  let best: Region | null = null;
  let bestScore = 0;
  for (const found of candidates) {
    // An article stops where its comments begin.
    const region = comments > found.start && comments < found.end ? { ...found, end: comments } : found;
    const introduced = headlineBefore(lines, features, region.start, from);
    // Under a comments header, and a thread of "… said:" lines: each a sign of the readers' prose.
    const underHeader = comments !== -1 && region.start > comments;
    const thread = commentAuthors(lines, region) >= 2;
    const score = region.weight * (introduced ? HEADLINE_WEIGHT : 1) * (underHeader ? COMMENTS_WEIGHT : 1) * (thread ? COMMENTS_WEIGHT : 1);
    if (score > bestScore) {
      best = region;
      bestScore = score;
    }
  }
  return best;
}

function commentAuthors(lines: Line[], region: Region): number {
  let count = 0;
  for (let k = Math.max(0, region.start - 3); k < region.end && count < 2; k++) if (isCommentAuthor(lines[k]!.text)) count++;
  return count;
}

/** How much a stretch under a comments header counts: readers' prose, seldom the article. */
const COMMENTS_WEIGHT = 0.25;

/** How much a headline with its byline counts for the stretch under it, against sheer length. */
const HEADLINE_WEIGHT = 2.5;

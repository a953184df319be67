// Plain-language definitions of the technical words the app uses, for students: one place, one wording.

/** One glossary entry. */
export interface GlossaryEntry {
  /** The word as a heading, e.g. "Gini coefficient". */
  readonly term: string;
  /** Two or three short sentences, no other jargon. */
  readonly definition: string;
}

/** Every term that gets a popover (see GlossaryTerm). */
export const GLOSSARY = {
  gini: {
    term: 'Gini coefficient',
    definition:
      'One number for how unevenly something is shared out. 0 means every song has the same number of plays; 1 means one song has them all. Here, the closer to 1, the more the plays pile up on a few songs.',
  },
  lorenz: {
    term: 'Lorenz curve',
    definition:
      'Line the songs up from least to most played, then add up their plays as you go. The curve shows what share of all plays the least played songs hold. If every song had the same plays it would be the straight diagonal; the deeper it sags below it, the more unequal the plays.',
  },
  jaccard: {
    term: 'Jaccard overlap',
    definition:
      'How much two lists have in common: the songs on both lists, divided by the songs on either. 0 means nothing in common; 1 means exactly the same songs.',
  },
  spearman: {
    term: 'Rank correlation (Spearman)',
    definition:
      'Whether two orderings agree. Order the songs by plays and again by quality: 1 means the same order, 0 means no link at all, −1 means the opposite order.',
  },
  kl: {
    term: 'KL divergence',
    definition:
      'How different two mixes are, here the genres in a listener’s slate and the genres they truly like. 0 means the same mix; the bigger it is, the further apart.',
  },
  ips: {
    term: 'IPS (inverse propensity scoring)',
    definition:
      'A fix for position: songs at the top of a slate get clicked more just because people look there first. IPS counts a click in a rarely looked-at place as worth more, so the system learns what people like, not where it put things.',
  },
  xquad: {
    term: 'xQuAD',
    definition:
      'A way to re-order each slate so it mixes popular songs with songs from the long tail (the many rarely played ones), instead of filling it with hits only.',
  },
  ucb: {
    term: 'UCB (upper confidence bound)',
    definition:
      'An exploration rule: “optimism when unsure”. A song the system knows little about gets a bonus, as if it might be great, so it gets shown. The more often it is shown, the smaller its bonus.',
  },
  thompson: {
    term: 'Thompson sampling',
    definition:
      'An exploration rule: for each song the system keeps a range of how good the song might be, and ranks by a guess drawn from that range. Songs it is unsure about sometimes draw a high guess and get shown; as evidence builds up, the guesses settle.',
  },
  unpredictability: {
    term: 'Unpredictability U',
    definition:
      'How much a song’s success is luck (Salganik, Dodds & Watts 2006). Run the same songs and listeners in several worlds; take how far a song’s share of clicks differs between two worlds, averaged over all pairs of worlds and all songs. 0 means every world agrees. “3 per 10,000” means shares differ by 3 clicks in every 10,000.',
  },
} as const satisfies Record<string, GlossaryEntry>;

/** The key of a glossary entry. */
export type GlossaryKey = keyof typeof GLOSSARY;

/**
 * read — the reading layer: the playbook model (sections, units, turns with
 * voice, channel and contexts), speakers, words and placeholders, spoken
 * scripts, use vs mention. Answers "is this a rep speaking to a buyer?" once.
 *
 * May import: parse, ../types. Imported by: fixes, rules, config (types),
 * lint.ts, incremental. (Matrix in ARCHITECTURE.md; test/engine/boundaries.test.ts.)
 */
export { buildModel, startAt, endAt, placeholdersOf, type PlaybookModel, type SectionNode, type Unit, type Turn, type Segment } from './model';
export { voicemailScripts, repMonologues, spokenSeconds, headingBudget, DEFAULT_WPM, type Script } from './spoken';
export { countWords, sentencesIn, sentenceAt, findPlaceholders, type PlaceholderStyle } from './words';
export { createSpeakerClassifier, type SpeakerLabel, type SpeakerRole } from './speakers';
export { tagsForHeading, SECTION_TYPES } from './section-types';
export { isMention } from './mention';

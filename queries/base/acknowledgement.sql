-- A short acknowledgement, the text of a closer (METRICS.md, "Mentions that need no
-- answer"; mentions.sql decides whether it closes a thread). Handles and links are left
-- out (rb_bare_text), then either
--   it has from 1 to 12 words (rb_ack_words: letters only; lower case, accents and
--   apostrophes removed), every one of them in the thank-you vocabulary of
--   rb_ack_vocabulary, and one at least acknowledges ("thanks", "gracias", "merci", "ok";
--   src/analysis/acknowledgements.ts lists them, and the config's metrics.closers adds
--   to them); a word that names a problem may stand in it only beside one that says the
--   problem is over ("problem solved"; rb_ack_vocabulary's problem and resolves), or
--   it has from 1 to 12 words, every one of them in the hand-off vocabulary, one a
--   hand-off verb and one naming the private channel ("DM sent", "MP envoyé"), or
--   it has no word, no digit, and at least one emoji or emoticon ("👍", ":)")
--   (rb_ack_emoji_shape).
-- A question ("?" or "¿") or a negative emoji (rb_negative_emoji) is never one
-- (rb_may_acknowledge), nor a text whose words hold a refusal such as "done with"
-- (rb_ack_refusals, met in mentions.sql).
-- The macros below read one text; the vocabulary is met by a join, once per word of
-- the candidates, in mentions.sql (closer_texts, worded_closers).
--
-- Parameters: none (macros of the analysis's connection; build.ts fills the tables).
CREATE OR REPLACE TEMP MACRO rb_bare_text(t) AS
  trim(regexp_replace(coalesce(t, ''), '(?i)(https?://|www\.)\S*|@[A-Za-z0-9_]+', ' ', 'g'));

-- rb_theme_text(t): rb_bare_text for themes (themes/posts.sql, display.sql), which also takes
-- out the mark of a social post before a handle ("cc @brand", "via @account", "RT @user:"):
-- left in, "cc" was a found subject of a Spanish export; alone, it may be one ("Adobe CC").
CREATE OR REPLACE TEMP MACRO rb_theme_text(t) AS
  trim(regexp_replace(coalesce(t, ''), '(?i)(https?://|www\.)\S*|\b(cc|via|rt)\s*:?\s*@[A-Za-z0-9_]+|@[A-Za-z0-9_]+', ' ', 'g'));

-- rb_without_apostrophes(t): the text without its apostrophes (' ’ `), so that "don't" is
-- one word. Only a text holding one is searched with the regular expression (most hold
-- none).
CREATE OR REPLACE TEMP MACRO rb_without_apostrophes(t) AS
  CASE WHEN contains(t, '''') OR contains(t, '’') OR contains(t, '`') THEN regexp_replace(t, '[''’`]', '', 'g') ELSE t END;

-- rb_theme_apostrophes(t): rb_without_apostrophes for theme words (themes/posts.sql,
-- display.sql), after a French elided article or pronoun (l', d', j', qu', jusqu'...) is
-- set apart from its word, so that "l'itinérance" holds the word "itinérance" ("activer
-- litinérance" was a subject found in the demo, and a configured "itinérance" missed it).
-- Contractions stay one word ("don't", "aujourd'hui"): only a lone letter or qu-word
-- elides. src/themes/words.ts does the same to configured words.
CREATE OR REPLACE TEMP MACRO rb_theme_apostrophes(t) AS
  rb_without_apostrophes(CASE WHEN contains(t, '''') OR contains(t, '’') OR contains(t, '`')
    THEN regexp_replace(t, '(?i)(^|[^\p{L}\p{N}])(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)[''’`](\p{L})', '\1\2 \3', 'g')
    ELSE t END);

CREATE OR REPLACE TEMP MACRO rb_ack_words(bare) AS
  regexp_extract_all(strip_accents(lower(rb_without_apostrophes(bare))), '\p{L}+');

CREATE OR REPLACE TEMP MACRO rb_ack_emoji_shape(bare) AS
  NOT regexp_matches(bare, '[0-9]') AND regexp_matches(bare, '\p{So}|[:;=]-?[)DpP]|<3');

CREATE OR REPLACE TEMP MACRO rb_may_acknowledge(t) AS
  t IS NOT NULL
  AND NOT (contains(t, '?') OR contains(t, '¿'))
  AND NOT EXISTS (SELECT 1 FROM rb_negative_emoji WHERE contains(t, rb_negative_emoji.emoji));

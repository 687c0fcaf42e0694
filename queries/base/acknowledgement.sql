-- A short acknowledgement, the text of a closer (METRICS.md, "Mentions that need no
-- answer"; mentions.sql decides whether it closes a thread). Handles and links are left
-- out (rb_bare_text), then either
--   every word (rb_ack_words: letters only; lower case, accents and apostrophes removed)
--   is in rb_ack_vocabulary, at most 12 of them, and one at least acknowledges
--   ("thanks", "gracias", "merci", "ok"; src/analysis/acknowledgements.ts lists them,
--   and the config's metrics.closers adds to them), or
--   there is no word and no digit, and at least one emoji or emoticon ("👍", ":)")
--   (rb_ack_wordless).
-- A question ("?" or "¿") or a negative emoji (rb_negative_emoji) is never one
-- (rb_may_acknowledge).
-- The vocabulary test is a join of the words with rb_ack_vocabulary, in mentions.sql
-- (closer_words): looking each text's words up in the vocabulary as a list, text by
-- text, cost five times more.
--
-- Parameters: none (macros of the analysis's connection; build.ts fills the tables).
CREATE OR REPLACE TEMP MACRO rb_bare_text(t) AS
  trim(regexp_replace(coalesce(t, ''), '(?i)(https?://|www\.)\S*|@[A-Za-z0-9_]+', ' ', 'g'));

CREATE OR REPLACE TEMP MACRO rb_ack_words(bare) AS
  regexp_extract_all(strip_accents(lower(regexp_replace(bare, '[''’`]', '', 'g'))), '\p{L}+');

CREATE OR REPLACE TEMP MACRO rb_ack_wordless(bare) AS
  NOT regexp_matches(bare, '[0-9]') AND regexp_matches(bare, '\p{So}|[:;=]-?[)DpP]|<3');

CREATE OR REPLACE TEMP MACRO rb_may_acknowledge(t) AS
  t IS NOT NULL
  AND NOT (contains(t, '?') OR contains(t, '¿'))
  AND NOT EXISTS (SELECT 1 FROM rb_negative_emoji WHERE contains(t, rb_negative_emoji.emoji));

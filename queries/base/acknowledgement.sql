-- rb_is_acknowledgement(text): the text is a short acknowledgement, the text of a
-- closer (METRICS.md, "Mentions that need no answer"; mentions.sql decides whether it
-- closes a thread). Handles and links are left out, then either
--   every word (letters only; lower case, accents and apostrophes removed) is in
--   rb_ack_vocabulary, at most 12 of them, and one at least acknowledges ("thanks",
--   "gracias", "merci", "ok"; src/analysis/acknowledgements.ts lists them, and the
--   config's metrics.closers adds to them), or
--   there is no word and no digit, and at least one emoji or emoticon ("👍", ":)").
-- A question ("?" or "¿") or a negative emoji (rb_negative_emoji) is never one.
--
-- Parameters: none (macros of the analysis's connection; build.ts fills the tables).
CREATE OR REPLACE TEMP MACRO rb_bare_text(t) AS
  trim(regexp_replace(coalesce(t, ''), '(?i)(https?://|www\.)\S*|@[A-Za-z0-9_]+', ' ', 'g'));

CREATE OR REPLACE TEMP MACRO rb_ack_words(bare) AS
  regexp_extract_all(strip_accents(lower(regexp_replace(bare, '[''’`]', '', 'g'))), '\p{L}+');

CREATE OR REPLACE TEMP MACRO rb_ack_shape(bare, words) AS
  CASE WHEN len(words) = 0
       THEN NOT regexp_matches(bare, '[0-9]') AND regexp_matches(bare, '\p{So}|[:;=]-?[)DpP]|<3')
       ELSE len(words) <= 12
            AND list_has_all((SELECT list(word) FROM rb_ack_vocabulary), words)
            AND list_has_any((SELECT list(word) FROM rb_ack_vocabulary WHERE acknowledges), words)
  END;

CREATE OR REPLACE TEMP MACRO rb_is_acknowledgement(t) AS
  t IS NOT NULL
  AND NOT (contains(t, '?') OR contains(t, '¿'))
  AND NOT EXISTS (SELECT 1 FROM rb_negative_emoji WHERE contains(t, rb_negative_emoji.emoji))
  AND rb_ack_shape(rb_bare_text(t), rb_ack_words(rb_bare_text(t)));

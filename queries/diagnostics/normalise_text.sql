-- Text normalisation shared by the canned-reply and unsolicited-mention
-- diagnostics. Defines two macros for this connection:
--   rb_strip_signature(text): removes an agent signature at the very end of a
--     post ("^JD", "^ JD", "-Ana", "– Ana M.", "~Ana", "/JD").
--   rb_normalise(text): the text a template is recognised by: URLs removed,
--     signature removed, lower case, accents removed (é -> e, ç -> c, ñ -> n),
--     @handles removed, every word that contains a digit removed (order
--     numbers, dates, amounts), and every run of characters that are not
--     letters (punctuation, emoji, spaces) folded into one space. (The
--     pattern leaves a run that is already one space alone: most runs are,
--     and replacing each costs as much as the rest of the normalisation.)
--   rb_template_text(text): rb_normalise of the text after every capitalised
--     word that follows a lower-case word or a comma (a name inside a
--     sentence: "Hola Ana," "Bonjour Marie,") is replaced by "·", the mark of
--     a slot, so a frequent first name does not split a template. Words at
--     the start of a sentence keep their place.
CREATE OR REPLACE TEMP MACRO rb_strip_signature(t) AS
  regexp_replace(
    regexp_replace(t, '\s*\^\s*[A-Za-z]{1,4}\s*$', ''),
    '(^|\s)[-–—~/]\s*\p{Lu}[\p{L}]*(\s+\p{Lu}[\p{L}]*\.?)?\s*$', '');

CREATE OR REPLACE TEMP MACRO rb_normalise(t) AS
  trim(regexp_replace(
    regexp_replace(
      strip_accents(lower(rb_strip_signature(trim(
        regexp_replace(coalesce(t, ''), '(?i)(https?://|www\.)\S*', ' ', 'g'))))),
      '@[a-z0-9_]+|\S*[0-9]\S*', ' ', 'g'),
    '[^\p{L}·]{2,}|[^\p{L}· ]', ' ', 'g'));

CREATE OR REPLACE TEMP MACRO rb_template_text(t) AS
  rb_normalise(regexp_replace(t, '([\p{Ll},;:]\s+)\p{Lu}\p{Ll}+', '\1·', 'g'));

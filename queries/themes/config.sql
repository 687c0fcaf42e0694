-- The tables themes read, filled from the config by src/themes/index.ts:
--   rb_theme_phrases    (theme, phrase)  each word or phrase of each configured theme,
--                       written as theme_posts writes words (lower case, no accents,
--                       single spaces)
--   rb_theme_stopwords  (word)  words that never make a theme found in the data: the stop
--                       words of the languages present (stopwords-iso), and the words of
--                       the tracked brands' names, handles and topics
--
-- Parameters: none.
CREATE OR REPLACE TEMP TABLE rb_theme_phrases (theme VARCHAR NOT NULL, phrase VARCHAR NOT NULL);
CREATE OR REPLACE TEMP TABLE rb_theme_stopwords (word VARCHAR NOT NULL);

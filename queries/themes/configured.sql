-- Themes, step 2: the mentions of each theme the config defines (rb_theme_phrases:
-- its words and phrases, written as theme_posts writes words). A mention belongs to
-- a theme when it holds one of its phrases between word boundaries; it may belong to
-- several themes.
--
-- Output: theme_matches(post_no, platform, post_id, theme, source 'config'); post_no is the
-- mention's rowid in theme_posts.
-- Parameters: none.
CREATE OR REPLACE TEMP TABLE theme_matches AS
SELECT DISTINCT t.rowid AS post_no, t.platform, t.post_id, ph.theme, 'config' AS source
FROM theme_posts t
JOIN rb_theme_phrases ph ON contains(t.words, ' ' || ph.phrase || ' ');

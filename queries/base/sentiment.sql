-- rb_sentiment(value): the sentiment an export recorded, as negative, neutral
-- or positive; NULL when it is missing or not rated. Word labels in English,
-- Spanish and French are read (any case, accents ignored); numeric scores
-- (Talkwalker) are read by their sign.
CREATE OR REPLACE TEMP MACRO rb_sentiment(value) AS
  CASE
    WHEN strip_accents(lower(trim(value))) IN ('negative', 'neg', 'negativo', 'negatif', 'negativ') THEN 'negative'
    WHEN strip_accents(lower(trim(value))) IN ('neutral', 'neu', 'neutro', 'neutre') THEN 'neutral'
    WHEN strip_accents(lower(trim(value))) IN ('positive', 'pos', 'positivo', 'positif', 'positiv') THEN 'positive'
    WHEN TRY_CAST(trim(value) AS DOUBLE) < 0 THEN 'negative'
    WHEN TRY_CAST(trim(value) AS DOUBLE) = 0 THEN 'neutral'
    WHEN TRY_CAST(trim(value) AS DOUBLE) > 0 THEN 'positive'
    ELSE NULL
  END;

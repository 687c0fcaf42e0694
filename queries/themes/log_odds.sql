-- rb_log_odds_z(y_i, n_i, y_j, n_j, a, a0): the z-score of the weighted log-odds ratio
-- of a term between corpus i and corpus j with an informative Dirichlet prior
-- (Monroe, Colaresi and Quinn, 2008): the term's count y and the corpus' total n on
-- each side, its prior pseudo-count a, and the prior's total a0. NULL when a side
-- leaves no room for the term (n + a0 - y - a <= 0).
--
-- Parameters: none (a macro of the analysis's connection).
CREATE OR REPLACE TEMP MACRO rb_log_odds_z(y_i, n_i, y_j, n_j, a, a0) AS
  CASE WHEN n_i + a0 - y_i - a > 0 AND n_j + a0 - y_j - a > 0 AND a > 0 THEN
    (ln((y_i + a) / (n_i + a0 - y_i - a)) - ln((y_j + a) / (n_j + a0 - y_j - a)))
      / sqrt(1 / (y_i + a) + 1 / (y_j + a))
  END;

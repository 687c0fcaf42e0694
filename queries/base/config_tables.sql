-- Config tables for one metrics run (temporary: they live only on this connection).
-- replybench fills them from replybench.yaml with bound parameters:
--   rb_brands   one row per tracked brand (ord = order in the config)
--   rb_accounts the owned handles of each brand, per platform (lower case, no @); alias marks
--               another name of a configured account (base/user_handles.sql), not an account
--   rb_topics   export topic/query names that tie a mention to a brand (lower case)
--   rb_sla      the response-time targets, in minutes
--   rb_ack_vocabulary  the words a closer may have, and their parts (src/analysis/acknowledgements.ts
--               plus the config's metrics.closers): thanks, in the thank-you vocabulary, of which
--               acknowledges make one; hand_off, in the hand-off vocabulary, of which hands_off
--               are its verbs and private_channel name the private channel; problem names a
--               problem (a thank-you word only beside one that resolves: "problem solved")
--   rb_negative_emoji  emoji and emoticons that make a text a complaint, never a closer
--   rb_ack_refusals  words side by side that make a text a complaint, never a closer ("done with")
--   rb_outside_rule  the response window, and the share of a rate's mentions past which answers the data
--               lacks make it a lower bound (metrics.coverage.responsesMissing); with the macros below
CREATE OR REPLACE TEMP TABLE rb_brands (brand_id VARCHAR NOT NULL, name VARCHAR NOT NULL, role VARCHAR NOT NULL, ord INTEGER NOT NULL);
CREATE OR REPLACE TEMP TABLE rb_accounts (brand_id VARCHAR NOT NULL, platform VARCHAR NOT NULL, handle VARCHAR NOT NULL, alias BOOLEAN NOT NULL);
CREATE OR REPLACE TEMP TABLE rb_topics (brand_id VARCHAR NOT NULL, topic VARCHAR NOT NULL);
CREATE OR REPLACE TEMP TABLE rb_sla (target_min DOUBLE NOT NULL);
CREATE OR REPLACE TEMP TABLE rb_outside_rule (window_us BIGINT NOT NULL, share DOUBLE NOT NULL);
CREATE OR REPLACE TEMP TABLE rb_ack_vocabulary (word VARCHAR NOT NULL, thanks BOOLEAN NOT NULL, acknowledges BOOLEAN NOT NULL, hand_off BOOLEAN NOT NULL, hands_off BOOLEAN NOT NULL, private_channel BOOLEAN NOT NULL, problem BOOLEAN NOT NULL, resolves BOOLEAN NOT NULL);
CREATE OR REPLACE TEMP TABLE rb_negative_emoji (emoji VARCHAR NOT NULL);
CREATE OR REPLACE TEMP TABLE rb_ack_refusals (phrase VARCHAR NOT NULL);

-- rb_lists_missing(listed, measured): whether more than rb_outside_rule's share (metrics.coverage.responsesMissing) of
-- `measured` mentions needing an answer are unanswered while their export lists a response the data lacks (`listed`,
-- base/mentions.sql listed_missing): the rule of coverage responses-missing, for a brand (coverage.sql), a month
-- (trend.sql) or a subject (themes/summary.sql).
CREATE OR REPLACE TEMP MACRO rb_lists_missing(listed, measured) AS measured > 0 AND listed / measured > (SELECT share FROM rb_outside_rule);
-- rb_listed_rate_end(rate, listed, measured): where rb_lists_missing holds, the rate of `measured` mentions were each of
-- `listed` an answer: the other end of a rate that is then a lower bound; NULL where the rate is taken as exact.
CREATE OR REPLACE TEMP MACRO rb_listed_rate_end(rate, listed, measured) AS CASE WHEN rb_lists_missing(listed, measured) THEN rate + listed / measured END;

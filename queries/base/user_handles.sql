-- user_handles: the handle of each numeric user id, as imports learned it from the
-- replies to that user (learned_handles; a reply's text starts with the @handle of the
-- user it answers): the handle most replies gave, over every import. Exports whose
-- authors are user ids (Twitter API v2 without usernames) are matched to the config's
-- handles through it, and the threading rule finds a parent written under either name.
-- Then rb_accounts gains, for each account, its other name: the user id of a handle,
-- and the handle of an account the config names "id:<digits>".
--
-- Parameters: none.
CREATE OR REPLACE TEMP TABLE user_handles AS
SELECT platform, user_id, arg_max(handle, replies) AS handle
FROM (SELECT platform, user_id, handle, sum(replies) AS replies FROM learned_handles GROUP BY platform, user_id, handle)
GROUP BY platform, user_id;

INSERT INTO rb_accounts
SELECT DISTINCT a.brand_id, a.platform, other.name, true
FROM rb_accounts a
JOIN (
  SELECT platform, handle AS known, user_id AS name FROM user_handles
  UNION ALL
  SELECT platform, user_id, handle FROM user_handles
) other ON other.platform = a.platform AND other.known = a.handle
ANTI JOIN rb_accounts present ON present.platform = a.platform AND present.handle = other.name;

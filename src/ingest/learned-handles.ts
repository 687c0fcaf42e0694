import type { Store } from '../store/database.js';
import { NULL_TEXT } from './formats/sql-helpers.js';
import type { CanonicalSelect } from './formats/types.js';

/**
 * The user ids that the batch's replies answer, each with the handle the
 * replies to it (from the whole store, this batch included) start with most
 * often; ties go to the handle of the latest reply, then alphabetically. A
 * reply by the user to themselves (a self-thread) says nothing about the
 * handle and is left out.
 */
const LEARNED_SQL = `
WITH answered AS (
  SELECT DISTINCT platform, reply_to_user AS user_id FROM posts
  WHERE batch_id = $batch_id AND reply_to_user IS NOT NULL AND regexp_full_match(reply_to_user, '[0-9]+')
),
replies AS (
  SELECT p.platform, p.reply_to_user AS user_id, p.created_at,
         nullif(lower(regexp_extract(p.text, '^\\s*@([A-Za-z0-9_]+)', 1)), '') AS handle
  FROM posts p SEMI JOIN answered a ON p.platform = a.platform AND p.reply_to_user = a.user_id
  WHERE p.author <> p.reply_to_user
),
votes AS (
  SELECT platform, user_id, handle, count(*) AS replies, max(created_at) AS latest,
         sum(count(*)) OVER (PARTITION BY platform, user_id) AS replies_total
  FROM replies GROUP BY platform, user_id, handle
)
SELECT platform, user_id, handle, replies, replies_total::BIGINT AS replies_total FROM votes
WHERE handle IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY platform, user_id ORDER BY replies DESC, latest DESC, handle) = 1`;

/**
 * Learns the handles of the numeric user ids that the batch's replies
 * answer (posts.reply_to_user) and stores them in learned_handles, replacing
 * what earlier imports learned for those ids. Returns how many ids the batch
 * learned a handle for. Runs inside the import's transaction, after the
 * batch's posts are stored; a mapping that names no replied-to user costs
 * nothing.
 */
export async function learnHandles(store: Store, batchId: number, select: CanonicalSelect): Promise<number> {
  if (select.columns.reply_to_user === NULL_TEXT) return 0;
  const params = { batch_id: batchId };
  await store.run(`CREATE OR REPLACE TEMP TABLE import_learned AS ${LEARNED_SQL}`, params);
  try {
    await store.run('DELETE FROM learned_handles USING import_learned AS l WHERE learned_handles.platform = l.platform AND learned_handles.user_id = l.user_id');
    return await store.change(
      `INSERT INTO learned_handles (platform, user_id, handle, replies, replies_total, batch_id)
       SELECT platform, user_id, handle, replies, replies_total, $batch_id FROM import_learned ORDER BY platform, user_id`,
      params,
    );
  } finally {
    await store.run('DROP TABLE IF EXISTS import_learned');
  }
}

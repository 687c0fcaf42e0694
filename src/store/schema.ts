/**
 * The store's public schema: analysts query these tables directly, so names
 * and types are part of the contract (see docs/store.md).
 */
export const SCHEMA_VERSION = 6;

export const POST_KINDS = ['post', 'reply', 'repost', 'quote', 'comment'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Canonical post columns, in table order. */
export const POST_COLUMNS = [
  'platform',
  'post_id',
  'created_at',
  'author',
  'author_name',
  'author_followers',
  'kind',
  'parent_id',
  'parent_url',
  'thread_id',
  'text',
  'url',
  'language',
  'sentiment',
  'topic',
  'batch_id',
  'response_ids',
  'reply_to_user',
] as const;
export type PostColumn = (typeof POST_COLUMNS)[number];

/**
 * `(platform, post_id)` is unique in `posts`, but no index enforces it: the
 * import checks it inside its transaction (an index doubled the file and cost
 * a second per million rows at commit). Version 1 had the PRIMARY KEY.
 */
const POSTS_BODY = `(
  platform         VARCHAR     NOT NULL,
  post_id          VARCHAR     NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL,
  author           VARCHAR     NOT NULL,
  author_name      VARCHAR,
  author_followers BIGINT,
  kind             VARCHAR     NOT NULL CHECK (kind IN ('post', 'reply', 'repost', 'quote', 'comment')),
  parent_id        VARCHAR,
  parent_url       VARCHAR,
  thread_id        VARCHAR,
  text             VARCHAR,
  url              VARCHAR,
  language         VARCHAR,
  sentiment        VARCHAR,
  topic            VARCHAR,
  batch_id         INTEGER     NOT NULL,
  response_ids     VARCHAR,
  reply_to_user    VARCHAR
)`;

/** The posts table's definition under another name (a schema upgrade fills it, then renames it). */
export function postsTableDdl(name: string): string {
  return `CREATE TABLE ${name} ${POSTS_BODY}`;
}

export const SCHEMA_DDL = `
CREATE TABLE IF NOT EXISTS posts ${POSTS_BODY};

CREATE TABLE IF NOT EXISTS import_batches (
  batch_id      INTEGER     PRIMARY KEY,
  file          VARCHAR     NOT NULL,
  sha256        VARCHAR     NOT NULL,
  format        VARCHAR     NOT NULL,
  encoding      VARCHAR     NOT NULL,
  platform      VARCHAR,
  rows_read     BIGINT      NOT NULL,
  imported      BIGINT      NOT NULL,
  duplicates    BIGINT      NOT NULL,
  rejected      BIGINT      NOT NULL,
  skipped_blank BIGINT      NOT NULL,
  warnings      VARCHAR[],
  imported_at   TIMESTAMPTZ NOT NULL,
  -- the warnings as data (JSON, src/ingest/notices.ts), for the report's own language;
  -- NULL for imports by replybench before schema version 5
  notices       VARCHAR,
  -- the zone the file's times that name no offset were read in (--timezone, or a mapping's
  -- date.timezone); NULL when every time of its layout names its offset, or for imports
  -- by replybench before schema version 6
  local_times_in VARCHAR
);

CREATE TABLE IF NOT EXISTS import_rejects (
  batch_id INTEGER NOT NULL,
  file     VARCHAR NOT NULL,
  line     BIGINT,
  reason   VARCHAR NOT NULL,
  raw      VARCHAR
);

-- The handle of each numeric user id that replies answer (Twitter API v2 names
-- users by id only), learned from the replies: a reply's text starts with the
-- @handle of the user it answers, and the handle most replies give wins.
-- One row per (platform, user_id), rewritten by each import that adds replies to it.
CREATE TABLE IF NOT EXISTS learned_handles (
  platform      VARCHAR NOT NULL,
  user_id       VARCHAR NOT NULL,
  handle        VARCHAR NOT NULL,
  replies       BIGINT  NOT NULL,
  replies_total BIGINT  NOT NULL,
  batch_id      INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS replybench_meta (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);
`;

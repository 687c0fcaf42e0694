import { optionalColumn, matchesLayout } from './mapping-context.js';
import {
  daylightSavingWarning,
  firstOf,
  handle,
  idText,
  localOrIsoInstant,
  NULL_COUNT,
  NULL_TEXT,
  platformFallback,
  platformFromUrl,
  textCell,
} from './sql-helpers.js';
import type { ExportFormat, FormatLayout } from './types.js';

const COMMENT_EXPORT: FormatLayout = {
  label: 'Facebook/Instagram comment export',
  columns: [['Comment ID'], ['Comment Text'], ['Created Time'], ['Author ID', 'Author Name'], ['Parent Comment ID', 'Is Reply', 'Depth']],
};
const GRAPH_API: FormatLayout = { label: 'Facebook Graph API comments', columns: [['id'], ['message'], ['created_time'], ['from.id', 'from.name']] };

/** The page post a Facebook or Instagram URL points at (a comment's URL names its post too). */
function postFromUrl(url: string): string {
  const match = (pattern: string): string => `NULLIF(regexp_extract(trim(${url}), '${pattern}', 1), '')`;
  return `COALESCE(
    ${match('facebook\\.com/[^?]*/(?:posts|videos|permalink|reel)/([0-9A-Za-z]+)')},
    ${match('facebook\\.com/.*[?&](?:story_fbid|fbid)=([0-9A-Za-z]+)')},
    ${match('instagram\\.com/(?:[^/]+/)?(?:p|reel|reels|tv)/([A-Za-z0-9_-]+)')})`;
}

/** A URL without the comment that `comment_id` / `reply_comment_id` select in it: the post's own URL. */
function withoutComment(url: string): string {
  const removed = `regexp_replace(trim(${url}), '[?&](?:reply_)?comment_id=[^&#]*', '', 'g')`;
  // Removing the first parameter leaves the next one starting with '&'.
  return `NULLIF(regexp_replace(${removed}, '^([^?]*)&', '\\1?'), '')`;
}

/**
 * Comments on a Facebook page's (or Instagram account's) posts, from
 * comment-export tools (`Comment ID, Author Name, Author ID, Comment Text,
 * Created Time, ..., Depth, Is Reply, Parent Comment ID, Parent Author, URL`)
 * or flattened from the Graph API (`id, message, created_time, from.id,
 * from.name, parent.id`). Every row is a comment: a reply (the page's own
 * answers included) names its parent comment; a top-level comment answers
 * the post, kept as the parent URL. Authors are the numeric ids (a config
 * names the page as `id:<Author ID>`), or the name where the export hides the
 * id. The thread is the post, from the URL or the `<post>_<comment>` id.
 */
export const facebookCommentsFormat: ExportFormat = {
  id: 'facebook-comments',
  label: 'Facebook/Instagram comments',
  tool: 'Facebook / Instagram',
  matches: (header) => matchesLayout(header, COMMENT_EXPORT) || matchesLayout(header, GRAPH_API),
  layouts: [COMMENT_EXPORT, GRAPH_API],
  requiredColumns: (header) => {
    const layout = matchesLayout(header, GRAPH_API) && !matchesLayout(header, COMMENT_EXPORT) ? GRAPH_API : COMMENT_EXPORT;
    return layout.columns.slice(0, 3).map((names) => names[0] ?? '');
  },
  select: (context) => {
    const optional = (...names: string[]): string => optionalColumn(context, ...names);
    const id = idText(context.col('Comment ID', 'id'));
    const created = context.col('Created Time', 'created_time');
    const { instant, local } = localOrIsoInstant(created, null, context.timezoneParam);
    const url = optional('URL', 'permalink_url');
    const parent = idText(optional('Parent Comment ID', 'parent.id'));
    const author = firstOf(idText(optional('Author ID', 'from.id')), handle(optional('Author Name', 'from.name')));
    const platform = firstOf(platformFromUrl(url), ...platformFallback(context.platformParam), "'facebook'");
    const ownUrl = `CASE WHEN contains(${url}, 'comment_id=') THEN trim(${url}) END`;
    return {
      columns: {
        platform,
        post_id: id,
        created_at: instant,
        author,
        author_name: textCell(optional('Author Name', 'from.name')),
        author_followers: NULL_COUNT,
        kind: "'comment'",
        parent_id: parent,
        // A top-level comment answers the post: its URL lets the analysis find the post when another export holds it.
        parent_url: `CASE WHEN ${parent} IS NULL THEN ${withoutComment(url)} END`,
        thread_id: firstOf(postFromUrl(url), `CASE WHEN contains(${id}, '_') THEN split_part(${id}, '_', 1) END`),
        text: textCell(optional('Comment Text', 'message')),
        url: ownUrl,
        language: NULL_TEXT,
        sentiment: NULL_TEXT,
        topic: NULL_TEXT,
        response_ids: NULL_TEXT,
        reply_to_user: NULL_TEXT,
      },
      rawDate: created,
      rejectWhen: [{ when: `${author} IS NULL`, reason: 'the author is empty (Author ID and Author Name, or from.id and from.name: the Graph API leaves them out unless read with a page access token)' }],
      warnWhen: [daylightSavingWarning(local, context.timezoneParam, created)],
    };
  },
};

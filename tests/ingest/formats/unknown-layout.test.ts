import { describe, expect, it } from 'vitest';
import { closestLayout } from '../../../src/ingest/choose-format.js';
import { importError, openStore, tempFile } from '../helpers.js';

describe('an unknown layout names the closest known format and the columns it lacks', () => {
  it('a Twitter API v2 export without conversation_id', async () => {
    const store = await openStore();
    const path = tempFile('tweets.csv', 'id,text,author_id,created_at,in_reply_to_user_id\n1,hi,2,2024-10-09T14:00:00.000Z,\n');
    const message = await importError(store, path);
    expect(message).toContain(`${path}:1: unknown export layout (header: "id", "text", "author_id", "created_at", "in_reply_to_user_id").`);
    expect(message).toContain(' The closest is Twitter API v2 CSV (--format twitter-v2), which also needs the column "conversation_id". ');
    expect(message).toMatch(/replybench recognises twcs, .*--format generic --mapping file\.yaml \(replybench import --write-mapping mapping\.yaml <file> writes one with the best guess of each column\)\.$/);
  });

  it('a current Meltwater export with Author instead of Author Handle', () => {
    expect(closestLayout(['Date', 'Time', 'URL', 'Author', 'Source Domain', 'Content Type', 'Hit Sentence'])).toMatchObject({
      label: 'Meltwater export (current layout)',
      missing: ['Author Handle'],
    });
  });

  it('alternative names count once; nothing in common names nothing', () => {
    expect(closestLayout(['id', 'message', 'created_time'])).toMatchObject({ label: 'Facebook Graph API comments', missing: ['from.id'] });
    expect(closestLayout(['foo', 'bar'])).toBeNull();
  });
});

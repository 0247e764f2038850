import type { BoardAttachment } from '@shared/board/schemas';
import type { DbOrTx } from '@server/db/client';
import type { IncomingFile } from '@server/http/multipart';
import { documentsOfOwners, type DocumentsService, storeDocumentIn } from '@server/modules/documents';
import { loadPeople } from '@server/modules/org';
import { canSee, findChannel } from './channels';
import * as repo from './repo';

/** Files on posts are documents owned by the post: a photo of the damage, the customer's letter. */
export const POST_DOCUMENT = 'board_post';

/** Stores a post's checked files with it, in the post's transaction. */
export async function storePostFiles(tx: DbOrTx, postId: string, authorId: string, files: IncomingFile[]) {
  const stored: BoardAttachment[] = [];
  for (const file of files) {
    const doc = await storeDocumentIn(tx, {
      kind: 'attachment',
      ownerType: POST_DOCUMENT,
      ownerId: postId,
      fileName: file.fileName,
      contentType: file.contentType.split(';')[0]!.trim().toLowerCase(),
      content: file.content,
      createdById: authorId,
    });
    stored.push({ id: doc.id, fileName: doc.fileName, contentType: doc.contentType, size: doc.size });
  }
  return stored;
}

/** The files of a page of posts, by post. */
export async function attachmentsOfPosts(tx: DbOrTx, postIds: string[]): Promise<Map<string, BoardAttachment[]>> {
  const byPost = new Map<string, BoardAttachment[]>();
  for (const doc of await documentsOfOwners(tx, POST_DOCUMENT, postIds)) {
    const list = byPost.get(doc.ownerId) ?? [];
    list.push({ id: doc.id, fileName: doc.fileName, contentType: doc.contentType, size: doc.size });
    byPost.set(doc.ownerId, list);
  }
  return byPost;
}

/** A post's files are read by whoever reads its channel, as the post itself. */
export function registerPostDocuments(documents: DocumentsService) {
  documents.registerOwner(POST_DOCUMENT, async (tx, actor, postId) => {
    const post = await repo.findPost(tx, postId);
    const channel = post && (await findChannel(tx, post.channelId));
    if (!channel) return 'unknown';
    const person = (await loadPeople(tx, [actor.userId])).get(actor.userId);
    return person && canSee(person, channel) ? 'allowed' : 'forbidden';
  });
}

import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { documents } from './tables';

export interface NewDocument {
  kind: string;
  ownerType: string;
  ownerId: string;
  fileName: string;
  contentType: string;
  content: Buffer;
  createdById: string | null;
}

export interface StoredDocument {
  id: string;
  kind: string;
  ownerType: string;
  ownerId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

const meta = {
  id: documents.id,
  kind: documents.kind,
  ownerType: documents.ownerType,
  ownerId: documents.ownerId,
  fileName: documents.fileName,
  contentType: documents.contentType,
  size: documents.size,
  sha256: documents.sha256,
  createdAt: documents.createdAt,
};

/** Stores a document in the caller's transaction; returns it without its bytes. */
export async function storeDocumentIn(tx: DbOrTx, doc: NewDocument): Promise<StoredDocument> {
  const sha256 = createHash('sha256').update(doc.content).digest('hex');
  const [row] = await tx
    .insert(documents)
    .values({ ...doc, size: doc.content.length, sha256 })
    .returning(meta);
  return row!;
}

/** A document with its bytes, or null. The caller has checked that the reader may see its owner. */
export async function documentWithContent(
  tx: DbOrTx,
  id: string,
): Promise<(StoredDocument & { content: Buffer }) | null> {
  const [row] = await tx
    .select({ ...meta, content: documents.content })
    .from(documents)
    .where(eq(documents.id, id));
  return row ?? null;
}

/** A record's documents, newest first, without their bytes. */
export async function documentsOf(tx: DbOrTx, ownerType: string, ownerId: string): Promise<StoredDocument[]> {
  return tx
    .select(meta)
    .from(documents)
    .where(and(eq(documents.ownerType, ownerType), eq(documents.ownerId, ownerId)))
    .orderBy(desc(documents.createdAt));
}

/** The documents of many records of one kind at once, oldest first, without their bytes. */
export async function documentsOfOwners(tx: DbOrTx, ownerType: string, ownerIds: string[]): Promise<StoredDocument[]> {
  if (ownerIds.length === 0) return [];
  return tx
    .select(meta)
    .from(documents)
    .where(and(eq(documents.ownerType, ownerType), inArray(documents.ownerId, ownerIds)))
    .orderBy(asc(documents.createdAt), asc(documents.fileName));
}

/**
 * Stores a document unless its owner already holds one of the same kind with the same bytes:
 * a re-render of unchanged data returns the document already there instead of a copy.
 */
export async function storeOnceIn(tx: DbOrTx, doc: NewDocument): Promise<StoredDocument> {
  const sha256 = createHash('sha256').update(doc.content).digest('hex');
  const [existing] = await tx
    .select(meta)
    .from(documents)
    .where(
      and(
        eq(documents.ownerType, doc.ownerType),
        eq(documents.ownerId, doc.ownerId),
        eq(documents.kind, doc.kind),
        eq(documents.sha256, sha256),
      ),
    )
    .limit(1);
  return existing ?? storeDocumentIn(tx, doc);
}

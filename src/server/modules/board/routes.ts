import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BoardChannel,
  BoardPerson,
  BoardPost,
  BoardReactionInput,
  BoardSearchQuery,
  BoardSearchResult,
  BoardThread,
  BoardThreadPage,
  BoardThreadQuery,
  BoardThreadSummary,
  NewBoardPost,
  NewBoardThread,
} from '@shared/board/schemas';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES } from '@shared/requests/attachments';
import { currentUser } from '@server/http/access';
import { parseFormFields, readMultipartForm } from '@server/http/multipart';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';

/** The board is everyone's: each route still checks the channel is one the caller reads. */
const EVERYONE = { roles: 'any' } as const;
const MEGABYTES = ATTACHMENT_MAX_BYTES / (1024 * 1024);
const UPLOAD_LIMIT = ATTACHMENT_MAX_FILES * ATTACHMENT_MAX_BYTES + 1024 * 1024;
const FILES_NOTE = `up to ${ATTACHMENT_MAX_FILES} files of ${MEGABYTES} MB in "files": PDF, images, text, e-mails, Word, Excel`;

/** A post's fields and files sent as multipart/form-data; "mentions" is a JSON array of user ids. */
async function readPostForm(request: FastifyRequest) {
  const { fields, files } = await readMultipartForm(request, {
    filesField: 'files',
    maxFileBytes: ATTACHMENT_MAX_BYTES,
    maxFiles: ATTACHMENT_MAX_FILES,
  });
  let mentions: unknown = undefined;
  if (fields.mentions) {
    try {
      mentions = JSON.parse(fields.mentions);
    } catch {
      mentions = fields.mentions;
    }
  }
  return { fields: { ...fields, mentions }, files };
}

export async function boardRoutes(root: FastifyInstance, { board }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['board'];
  await app.register(fastifyMultipart, {
    limits: { fileSize: ATTACHMENT_MAX_BYTES, files: ATTACHMENT_MAX_FILES, fields: 10, fieldSize: 64 * 1024 },
    throwFileSizeLimit: true,
  });

  app.get('/api/board/channels', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: 'The channels the caller reads, with unread counts',
      response: { 200: z.object({ items: z.array(BoardChannel) }) },
    },
    handler: async (request) => ({ items: await board.channels(currentUser(request)) }),
  });

  app.get('/api/board/channels/:id/threads', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: "A channel's threads, last posted in first",
      params: IdParams,
      querystring: BoardThreadQuery,
      response: { 200: BoardThreadPage },
    },
    handler: (request) => board.threads(currentUser(request), request.params.id, request.query),
  });

  app.post('/api/board/channels/:id/threads', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: 'Start a thread with its first post',
      params: IdParams,
      body: NewBoardThread,
      response: { 201: BoardThreadSummary },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await board.createThread(currentUser(request), request.params.id, request.body)),
  });

  app.post('/api/board/channels/:id/threads/with-files', {
    config: { access: EVERYONE },
    bodyLimit: UPLOAD_LIMIT,
    schema: {
      tags,
      summary: `Start a thread whose first post carries files (multipart: "title", "body", optional "contactId" and "mentions"; ${FILES_NOTE})`,
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 201: BoardThreadSummary },
    },
    handler: async (request, reply) => {
      const { fields, files } = await readPostForm(request);
      const input = parseFormFields(NewBoardThread, fields);
      return reply.status(201).send(await board.createThread(currentUser(request), request.params.id, input, files));
    },
  });

  app.post('/api/board/channels/:id/read', {
    config: { access: EVERYONE },
    schema: { tags, summary: 'Mark the channel read', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await board.markRead(currentUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/board/channels/:id/readers', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: 'The colleagues who read the channel, whom a post may @mention',
      params: IdParams,
      response: { 200: z.object({ items: z.array(BoardPerson) }) },
    },
    handler: async (request) => ({ items: await board.readers(currentUser(request), request.params.id) }),
  });

  app.get('/api/board/threads/:id', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: 'A thread with its newest posts',
      params: IdParams,
      response: { 200: BoardThread },
    },
    handler: (request) => board.thread(currentUser(request), request.params.id),
  });

  app.post('/api/board/threads/:id/posts', {
    config: { access: EVERYONE },
    schema: { tags, summary: 'Reply in a thread', params: IdParams, body: NewBoardPost, response: { 201: BoardPost } },
    handler: async (request, reply) =>
      reply.status(201).send(await board.reply(currentUser(request), request.params.id, request.body)),
  });

  app.post('/api/board/threads/:id/posts/with-files', {
    config: { access: EVERYONE },
    bodyLimit: UPLOAD_LIMIT,
    schema: {
      tags,
      summary: `Reply with files (multipart: "body", optional "mentions"; ${FILES_NOTE})`,
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 201: BoardPost },
    },
    handler: async (request, reply) => {
      const { fields, files } = await readPostForm(request);
      const input = parseFormFields(NewBoardPost, fields);
      return reply.status(201).send(await board.reply(currentUser(request), request.params.id, input, files));
    },
  });

  app.post('/api/board/posts/:id/reactions', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: 'Give a reaction, or take it back',
      params: IdParams,
      body: BoardReactionInput,
      response: { 200: BoardPost },
    },
    handler: (request) => board.react(currentUser(request), request.params.id, request.body.emoji),
  });

  app.get('/api/board/search', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: 'Posts and thread titles containing the words, in the channels the caller reads',
      querystring: BoardSearchQuery,
      response: { 200: BoardSearchResult },
    },
    handler: (request) => board.search(currentUser(request), request.query.q),
  });

  app.get('/api/contacts/:id/board-threads', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: "The board's threads about a customer",
      params: IdParams,
      response: { 200: z.object({ items: z.array(BoardThreadSummary) }) },
    },
    handler: async (request) => ({ items: await board.threadsOfContact(currentUser(request), request.params.id) }),
  });
}

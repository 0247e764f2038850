import { fieldError } from '@shared/errors/codes';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { REQUEST_TYPES, type RequestType, TEMPLATE_KINDS, type TemplateKind } from '@shared/requests/enums';
import type { RenderedTemplate, Template, TemplateUpdate } from '@shared/requests/templates';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import type { UserActor } from '@server/http/access';
import { ValidationError } from '@server/http/errors';
import { recordAudit } from '@server/modules/audit';
import { messageTemplates } from './tables';
import { defaultTemplate } from './defaults';
import { fillTemplate, SAMPLE_CONTEXT, type TemplateContext, unknownPlaceholders } from './render';

type TemplateDto = z.infer<typeof Template>;
type Rendered = z.infer<typeof RenderedTemplate>;
type Update = z.infer<typeof TemplateUpdate>;
export type { TemplateContext } from './render';

/** A template nobody has edited yet carries this date. */
const NEVER = new Date(0).toISOString();

export interface PreviewInput {
  requestType: RequestType;
  kind: TemplateKind;
  subject?: string | null;
  body: string;
}

export type TemplatesService = ReturnType<typeof createTemplatesService>;

/** Phone scripts, voicemail texts and e-mails per request type (R3.3): built-in German defaults, editable by managers. */
export function createTemplatesService({ db, clock }: Deps) {
  function assertPlaceholders(subject: string | null | undefined, body: string) {
    const errors = [
      ...unknownPlaceholders(subject ?? '').map((name) => ({
        field: 'subject',
        in: 'body',
        ...fieldError('unknown_placeholder', { placeholder: `{{${name}}}` }),
        message: `unknown placeholder {{${name}}}`,
      })),
      ...unknownPlaceholders(body).map((name) => ({
        field: 'body',
        in: 'body',
        ...fieldError('unknown_placeholder', { placeholder: `{{${name}}}` }),
        message: `unknown placeholder {{${name}}}`,
      })),
    ];
    if (errors.length > 0) throw new ValidationError(errors);
  }

  async function stored(tx: DbOrTx, type: RequestType, kind: TemplateKind) {
    const [row] = await tx
      .select()
      .from(messageTemplates)
      .where(and(eq(messageTemplates.requestType, type), eq(messageTemplates.kind, kind)))
      .limit(1);
    return row ?? null;
  }

  /** The template in force: the saved one, else the built-in default. */
  async function get(type: RequestType, kind: TemplateKind, tx: DbOrTx = db): Promise<TemplateDto> {
    const row = await stored(tx, type, kind);
    if (row)
      return {
        requestType: type,
        kind,
        subject: row.subject,
        body: row.body,
        updatedAt: row.updatedAt.toISOString(),
        isDefault: false,
      };
    return { requestType: type, kind, ...defaultTemplate(type, kind), updatedAt: NEVER, isDefault: true };
  }

  return {
    get,

    async list(): Promise<TemplateDto[]> {
      const rows = await db.select().from(messageTemplates);
      const saved = new Map(rows.map((r) => [`${r.requestType}/${r.kind}`, r]));
      return REQUEST_TYPES.flatMap((type) =>
        TEMPLATE_KINDS.map((kind): TemplateDto => {
          const row = saved.get(`${type}/${kind}`);
          if (row)
            return {
              requestType: type,
              kind,
              subject: row.subject,
              body: row.body,
              updatedAt: row.updatedAt.toISOString(),
              isDefault: false,
            };
          return { requestType: type, kind, ...defaultTemplate(type, kind), updatedAt: NEVER, isDefault: true };
        }),
      );
    },

    async update(actor: UserActor, type: RequestType, kind: TemplateKind, input: Update): Promise<TemplateDto> {
      // Voicemail and phone scripts are spoken: a subject only makes sense for e-mail.
      const subject = kind === 'email' ? (input.subject ?? defaultTemplate(type, kind).subject) : null;
      assertPlaceholders(subject, input.body);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx
          .insert(messageTemplates)
          .values({ requestType: type, kind, subject, body: input.body, updatedBy: actor.userId, updatedAt: now })
          .onConflictDoUpdate({
            target: [messageTemplates.requestType, messageTemplates.kind],
            set: { subject, body: input.body, updatedBy: actor.userId, updatedAt: now },
          });
        await recordAudit(tx, now, actor, {
          action: 'template.updated',
          entityType: 'message_template',
          entityId: null,
          data: { requestType: type, kind },
        });
      });
      return get(type, kind);
    },

    /** Back to the built-in text. */
    async reset(actor: UserActor, type: RequestType, kind: TemplateKind): Promise<TemplateDto> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx
          .delete(messageTemplates)
          .where(and(eq(messageTemplates.requestType, type), eq(messageTemplates.kind, kind)));
        await recordAudit(tx, now, actor, {
          action: 'template.reset',
          entityType: 'message_template',
          entityId: null,
          data: { requestType: type, kind },
        });
      });
      return get(type, kind);
    },

    /** The editor's preview: an unsaved text filled with example data. */
    preview(input: PreviewInput): Rendered {
      const subject = input.kind === 'email' ? (input.subject ?? null) : null;
      assertPlaceholders(subject, input.body);
      return { kind: input.kind, ...fillTemplate({ subject, body: input.body }, SAMPLE_CONTEXT) };
    },

    /** The template for one request, ready to read out or send; `missing` names what the request lacks. */
    async render(type: RequestType, kind: TemplateKind, context: TemplateContext, tx: DbOrTx = db): Promise<Rendered> {
      const template = await get(type, kind, tx);
      return { kind, ...fillTemplate(template, context) };
    },
  };
}

import { fieldError } from '@shared/errors/codes';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesFor } from '@shared/auth/policies';
import {
  CUSTOMER_EMAIL_LOCALES,
  CustomerEmailTemplate,
  CustomerEmailTemplateUpdate,
} from '@shared/correspondence/schemas';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { currentUser } from '@server/http/access';
import { ValidationError } from '@server/http/errors';
import { recordAudit } from '@server/modules/audit';
import { OWN_CUSTOMER_EMAIL_KEYS } from './customer-email-defaults';
import { customerEmailTemplateIn, unknownCustomerEmailPlaceholders } from './customer-email';
import { customerEmailTemplates } from './tables';

const Params = z.object({
  key: z.enum(OWN_CUSTOMER_EMAIL_KEYS as [string, ...string[]]),
  locale: z.enum(CUSTOMER_EMAIL_LOCALES),
});
type Key = (typeof OWN_CUSTOMER_EMAIL_KEYS)[number];

async function present(db: DbOrTx, key: Key, locale: (typeof CUSTOMER_EMAIL_LOCALES)[number]) {
  const t = await customerEmailTemplateIn(db, key, locale);
  return {
    key,
    locale,
    subject: t.subject,
    body: t.body,
    isDefault: t.isDefault,
    updatedAt: (t.updatedAt ?? new Date(0)).toISOString(),
  };
}

/** Customer e-mail texts (offer sent, test-drive confirmation, order, reply), edited by managers. */
export async function customerEmailTemplateRoutes(root: FastifyInstance, { db, clock }: Deps) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/customer-email-templates', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['templates'],
      summary: 'Customer e-mail texts in German and English (built-in ones where nobody saved their own)',
      response: { 200: z.array(CustomerEmailTemplate) },
    },
    handler: async () => {
      const list = [];
      for (const key of OWN_CUSTOMER_EMAIL_KEYS)
        for (const locale of CUSTOMER_EMAIL_LOCALES) list.push(await present(db, key, locale));
      return list;
    },
  });

  app.put('/api/customer-email-templates/:key/:locale', {
    config: { access: { roles: rolesFor('templates.edit') } },
    schema: {
      tags: ['templates'],
      summary: 'Save a customer e-mail text',
      params: Params,
      body: CustomerEmailTemplateUpdate,
      response: { 200: CustomerEmailTemplate },
    },
    handler: async (request) => {
      const { key, locale } = request.params;
      const { subject, body } = request.body;
      const errors = (['subject', 'body'] as const).flatMap((field) =>
        unknownCustomerEmailPlaceholders(field === 'subject' ? subject : body).map((name) => ({
          field,
          in: 'body' as const,
          ...fieldError('unknown_placeholder', { placeholder: `{{${name}}}` }),
          message: `unknown placeholder {{${name}}}`,
        })),
      );
      if (errors.length > 0) throw new ValidationError(errors);
      const actor = currentUser(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx
          .insert(customerEmailTemplates)
          .values({ key, locale, subject, body, updatedBy: actor.userId, updatedAt: now })
          .onConflictDoUpdate({
            target: [customerEmailTemplates.key, customerEmailTemplates.locale],
            set: { subject, body, updatedBy: actor.userId, updatedAt: now },
          });
        await recordAudit(tx, now, actor, {
          action: 'template.updated',
          entityType: 'customer_email_template',
          entityId: null,
          data: { key, locale },
        });
      });
      return present(db, key as Key, locale);
    },
  });

  app.delete('/api/customer-email-templates/:key/:locale', {
    config: { access: { roles: rolesFor('templates.edit') } },
    schema: {
      tags: ['templates'],
      summary: 'Back to the built-in customer e-mail text',
      params: Params,
      response: { 200: CustomerEmailTemplate },
    },
    handler: async (request) => {
      const { key, locale } = request.params;
      const actor = currentUser(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx
          .delete(customerEmailTemplates)
          .where(and(eq(customerEmailTemplates.key, key), eq(customerEmailTemplates.locale, locale)));
        await recordAudit(tx, now, actor, {
          action: 'template.reset',
          entityType: 'customer_email_template',
          entityId: null,
          data: { key, locale },
        });
      });
      return present(db, key as Key, locale);
    },
  });
}

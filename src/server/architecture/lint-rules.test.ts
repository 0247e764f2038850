import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The boundaries are only worth something if lint fails when someone crosses them: these run the
// project's real lint configuration on code that crosses them.
const eslint = new ESLint({ ignore: false });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

// The first lint builds the TypeScript program of the whole project: on a busy machine that takes a while.
describe('lint keeps modules apart', { timeout: 120_000 }, () => {
  it("reports a module importing another module's tables", async () => {
    const ids = await ruleIds(
      "import { contacts } from '../contacts/tables';\nexport const table = contacts;\n",
      'src/server/modules/imports/new-file.ts',
    );
    expect(ids).toContain('local/module-boundaries');
  });

  it("reports an adapter importing a module's repository, also through the alias", async () => {
    const ids = await ruleIds(
      "import * as calls from '@server/modules/telephony/repo';\nexport const c = calls;\n",
      'src/server/integrations/csta/new-file.ts',
    );
    expect(ids).toContain('local/module-boundaries');
  });

  it('lets a module use its own tables, and a table reference another for a foreign key', async () => {
    expect(
      await ruleIds(
        "import { contacts } from './tables';\nexport const t = contacts;\n",
        'src/server/modules/contacts/x.ts',
      ),
    ).not.toContain('local/module-boundaries');
    expect(
      await ruleIds(
        "import { users } from '../org/tables';\nexport const u = users;\n",
        'src/server/modules/contacts/tables.ts',
      ),
    ).not.toContain('local/module-boundaries');
  });

  it("reports a module importing another module's file other than its index.ts, and allows the index", async () => {
    expect(
      await ruleIds(
        "import type { OrgService } from '../org/service';\nexport type O = OrgService;\n",
        'src/server/modules/contacts/new-file.ts',
      ),
    ).toContain('local/module-boundaries');
    expect(
      await ruleIds(
        "import { recordTimeline } from '@server/modules/timeline/service';\nexport const r = recordTimeline;\n",
        'src/server/modules/contacts/new-file.ts',
      ),
    ).toContain('local/module-boundaries');
    expect(
      await ruleIds(
        "import type { OrgService } from '@server/modules/org';\nexport type O = OrgService;\n",
        'src/server/modules/contacts/new-file.ts',
      ),
    ).not.toContain('local/module-boundaries');
  });

  it('reports an import cycle', async () => {
    const [result] = await eslint.lintFiles(['test/lint-fixtures/cycle/first.ts']);
    expect(result?.messages.map((message) => message.ruleId)).toContain('import-x/no-cycle');
  });
});

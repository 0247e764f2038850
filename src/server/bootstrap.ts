import type { Config } from './config';
import type { Database } from './db/client';
import { seedDemoActivities } from './demo/activities';
import { seedDemoCampaigns } from './demo/campaigns';
import { seedDemoCustomers } from './demo/customers';
import { seedDemoDuty } from './demo/duty';
import { DEMO_LOCATIONS, DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganisation } from './demo/org';
import { seedDemoMailboxes } from './demo/mailboxes';
import { seedDemoMessages } from './demo/messages';
import { seedDemoComplaints } from './demo/complaints';
import { seedDemoRequests } from './demo/requests';
import { seedDemoLetters } from './demo/letters';
import { seedDemoSales } from './demo/sales';
import { seedDemoServiceTickets } from './demo/service-tickets';
import { seedDemoSurveys } from './demo/surveys';
import { seedDemoTelephony } from './demo/telephony';
import type { Services } from './services';

export interface BootstrapResult {
  seededDemo: boolean;
  /**
   * The bulk of the demo data (customers, vehicles, requests, activities). The server runs
   * it right after it starts listening, so the login page is up at once.
   */
  seedDemoData?: () => Promise<void>;
  admin?: { email: string; password?: string; generated: boolean };
}

/** Advisory lock so two processes starting on an empty PostgreSQL do not both seed. */
const BOOTSTRAP_LOCK = 7_134_002;

/**
 * First start on an empty database: demo data (unless CRM_DEMO=0), then an
 * administrator. The admin's password comes from CRM_ADMIN_PASSWORD or is
 * generated, printed once, and must be changed at first login.
 */
export async function bootstrap(
  config: Config,
  database: Database,
  services: Services,
  now: Date = new Date(),
): Promise<BootstrapResult> {
  const locked = database.engine === 'postgres';
  if (locked) await database.query('SELECT pg_advisory_lock($1)', [BOOTSTRAP_LOCK]);
  try {
    if ((await services.org.countUsers()) > 0) return { seededDemo: false };
    let homeLocationId: string;
    let seededDemo = false;
    let seedDemoData: (() => Promise<void>) | undefined;
    if (config.demo) {
      const { locations } = await seedDemoOrganisation(services);
      seedDemoData = async () => {
        await seedDemoCustomers(services, database, { now });
        await seedDemoRequests(services, database, { now });
        await seedDemoActivities(services, database, { now });
        await seedDemoTelephony(database);
        await seedDemoDuty(services, database, { now });
        await seedDemoSales(services, database, { now });
        await seedDemoMessages(services, database, { now });
        await seedDemoLetters(services, database);
        await seedDemoServiceTickets(services, database, { now });
        await seedDemoMailboxes(services, database);
        await seedDemoSurveys(services, database);
        // Last night's lifecycle run: satisfaction calls, service reminders, re-purchase activities due now.
        await services.lifecycle.runAt(now);
        await seedDemoCampaigns(services, database, { now });
        await seedDemoComplaints(services, database, { now });
        // Desk phones can fetch the directory at once instead of after the first night.
        await services.phonebook.generateAll();
      };
      homeLocationId = locations[0]!.id;
      seededDemo = true;
    } else {
      const existing = await services.org.listLocations();
      homeLocationId =
        existing[0]?.id ??
        (
          await services.org.createLocation(null, {
            ...DEMO_LOCATIONS[0]!,
            name: 'Hauptbetrieb',
            code: 'HQ',
            email: null,
          })
        ).id;
    }
    const email = config.admin.email ?? DEMO_LOGINS.admin;
    const { initialPassword } = await services.org.createUser(
      null,
      {
        email,
        firstName: 'System',
        lastName: 'Administrator',
        role: 'admin',
        homeLocationId,
        locationIds: [],
        department: 'administration',
        phoneExtension: null,
        locale: 'de',
        active: true,
        password: config.admin.password,
      },
      { mustChangePassword: !config.admin.password },
    );
    return {
      seededDemo,
      seedDemoData,
      admin: { email, password: initialPassword, generated: !config.admin.password },
    };
  } finally {
    if (locked) await database.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK]);
  }
}

export function printBootstrap(result: BootstrapResult, url: string) {
  if (!result.admin) return;
  const lines = ['', '  Autohaus CRM is set up.', `  Open ${url} and log in as:`, `    ${result.admin.email}`];
  if (result.admin.password) {
    lines.push(`    one-time password: ${result.admin.password}`, '  (shown only now; you will be asked to change it)');
  }
  if (result.seededDemo) {
    lines.push('', `  Demo users (password "${DEMO_PASSWORD}"):`);
    for (const [role, email] of Object.entries(DEMO_LOGINS))
      if (role !== 'admin') lines.push(`    ${role.padEnd(10)} ${email}`);
  }
  console.log(`${lines.join('\n')}\n`);
}

// The public face of service-tickets: service processes (versioned templates) and the tickets run on them.
export { createServiceTicketsService, type ServiceTicketsDeps, type ServiceTicketsService } from './service';
export { DEADLINE_JOB as SERVICE_DEADLINE_JOB } from './deadline';

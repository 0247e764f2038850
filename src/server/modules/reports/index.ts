// The public face of reports: the home page figures, monitoring and the daily summary.
export { createReportsService, type ReportsService } from './service';

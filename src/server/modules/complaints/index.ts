// The public face of complaints: complaint cases with qualification, similar cases, remedy, costs and reports.
export { createComplaintsModule, type ComplaintsModule } from './module';
export { moveComplaintsContactIn } from './merge';
export { insertComplaintRows, type NewComplaintRow } from './bulk';

// What other features use of test drives: the opportunity page's list and the booking dialog.
export { OpportunityTestDrives } from './OpportunityTestDrives';
export { BookTestDriveDialog, type BookingPreset } from './BookTestDriveDialog';
export { testDriveRoutes } from './routes';

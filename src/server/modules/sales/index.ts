// The public face of sales: opportunities, test drives, offers, purchase orders and delivery.
export { createTestDrivesService, type TestDrivesService } from './test-drives/service';

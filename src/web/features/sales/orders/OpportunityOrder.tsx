/** The opportunity's purchase order and delivery; shown once the orders screens exist. */
export function OpportunityOrder(_props: { opportunityId: string; contactId: string }) {
  return null;
}

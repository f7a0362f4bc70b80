/**
 * Every SQL statement the services run lives in this folder: one module per query (or per
 * table's small family of queries), each taking `(db | trx, input)` and returning domain types.
 */
export {
  insertStatement,
  insertStatements,
  type InsertStatementInput,
  type InsertStatementResult,
  type StatementRecord,
} from './insert-statement.ts';
export {
  insertDeadLetter,
  listDeadLetters,
  type StoredDeadLetter,
  type InsertDeadLetterInput,
  type ListDeadLettersInput,
} from './dead-letters.ts';
export { countUnpublishedStatements, markStatementsEnqueued, unpublishedStatements, type SweepCursor, type UnpublishedStatement } from './statement-enqueue.ts';
export { getFeedState, recordFeedPoll, seenFeedItems, markFeedItemsSeen, type FeedState } from './feeds.ts';
export {
  storeExtraction,
  storeExtractions,
  refreshIncidents,
  incidentsById,
  incidentId,
  compareVersions,
  type EventRecord,
  type CasualtyRecord,
  type StoreExtractionInput,
  type StoreExtractionResult,
} from './violation-events.ts';
export { countStatements, statementsPage, type ReplayRange } from './replay.ts';
export {
  AGREEMENT_LEVELS,
  AGREEMENT_STATUSES,
  insertAgreement,
  insertReportedAgreement,
  agreementsReachedNear,
  agreementsOfParties,
  lockAgreementsOfParties,
  addAgreementSource,
  addAgreementSources,
  agreementOfSourceEvent,
  agreementsOfSourceEvents,
  agreementSources,
  agreementReporters,
  insertAgreementTransitions,
  agreementTransitions,
  agreementsDueInForce,
  getAgreement,
  listAgreements,
  updateAgreement,
  endAgreement,
  agreementsForRules,
  agreementsToEvaluate,
  markAgreementEvaluated,
  type AgreementLevel,
  type AgreementStatus,
  type AgreementRecord,
  type AgreementPatch,
  type NewAgreementInput,
  type ReportedAgreementInput,
  type AgreementSourceInput,
  type AgreementSourceRecord,
  type AgreementTransitionInput,
  type AgreementTransitionRecord,
  type ListAgreementsInput,
} from './agreements.ts';
export {
  lockAlertGroup,
  lockAlertGroups,
  findOpenAlerts,
  lockOpenAlertsAndLinked,
  getAlert,
  lockAlert,
  insertAlert,
  insertAlerts,
  upsertAlerts,
  saveAlert,
  openAlertsInRegions,
  listAlerts,
  listAlertsToTick,
  type TickDue,
  type AlertSeverity,
  type AlertStateName,
  type AlertRecord,
  type ListAlertsInput,
} from './alerts.ts';
export {
  insertAlertTransitions,
  insertTransitionsOfAlerts,
  listAlertTransitions,
  type AlertTransitionInput,
  type AlertTransitionRecord,
} from './alert-transitions.ts';
export {
  linkAlertEvent,
  linkAlertEvents,
  eventsInAlerts,
  unlinkAlertEvents,
  forgetSummariesOfSuperseded,
  summaryIncidentsOf,
  writeSummaryIncidents,
  type SummaryIncident,
  alertEventIds,
} from './alert-events.ts';
export { writeAlertChanges, type AlertChanges } from './alert-writes.ts';
export { getBreachEvents, readEventBatch, alertBreachEvents, candidateBreachEvents, type StoredBreachEvent, type EventBatch } from './breach-events.ts';
export {
  enqueueDelivery,
  enqueueDeliveries,
  claimDueDeliveries,
  recordDeliverySuccess,
  recordDeliverySuccesses,
  recordDeliveryFailure,
  listDeliveries,
  type DeliveryNotification,
  type DeliveryStatus,
  type DeliveryRecord,
  type EnqueueDeliveryInput,
} from './deliveries.ts';
// Read models of the API and dashboard (services/api): keyset-paged, current rows by default.
export { pageSize, likePrefix, type Keyset, type Page } from './keyset.ts';
export {
  searchEvents,
  getEventView,
  statementEvents,
  type EventView,
  type EventPlaceView,
  type EvidenceSpan,
  type SearchEventsInput,
} from './event-search.ts';
export { listIncidents, getIncidentView, type IncidentView, type ListIncidentsInput } from './incident-view.ts';
export { listStatements, getStatementView, type StatementView, type ListStatementsInput } from './statement-view.ts';
export { casualtySeries, type CasualtySeries, type CasualtyPoint, type CasualtySeriesInput } from './casualty-series.ts';
export {
  violationsPerDayArea,
  breachesPerAgreement,
  type ViolationsPerDayArea,
  type BreachesPerAgreement,
} from './violation-stats.ts';
export {
  ALERT_CHANGES_CHANNEL,
  alertCounts,
  listAlertViews,
  getAlertView,
  type AlertCountsInput,
  type AlertView,
  type ListAlertViewsInput,
} from './alert-history.ts';
export { alertDetails, type AlertDetailsRecord, type CasualtyClaim, type ReportTime } from './alert-details.ts';

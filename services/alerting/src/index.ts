/**
 * `@ceasefire/alerting-service`: the alerting worker (run `src/main.ts`), and what others reuse:
 * the webhook signature helpers for receivers, and the operator actions the CLI shares with the
 * HTTP API.
 */
export {
  verifyWebhookSignature,
  signWebhook,
  TIMESTAMP_HEADER,
  SIGNATURE_HEADER,
  IDEMPOTENCY_HEADER,
  type VerifyWebhookInput,
  type SignatureRefusal,
} from './channels/webhook.ts';
export * from '@ceasefire/operations';
export { alertingConfigSchema, type AlertingConfig } from './config.ts';
export { AlertEngine, groupKeyOf, type EngineOptions } from './engine.ts';
export { DeliveryWorker, backoffDelay, type DeliveryPolicy } from './delivery.ts';
export { buildOperatorApi } from './http.ts';
export type { Channel, OutgoingNotification, SendResult } from './channels/types.ts';

// What tests and the bench reuse of the classifier: how an extraction becomes rows and messages.
export * from './records.ts';

/**
 * Every SQL statement the services run lives in this folder: one module per query (or per
 * table's small family of queries), each taking `(db | trx, input)` and returning domain types.
 */
export {
  insertStatement,
  type InsertStatementInput,
  type InsertStatementResult,
  type StatementRecord,
} from './insert-statement.ts';
export {
  insertDeadLetter,
  listDeadLetters,
  type DeadLetter,
  type InsertDeadLetterInput,
  type ListDeadLettersInput,
} from './dead-letters.ts';
export { statementsNotEnqueued, markStatementsEnqueued } from './statement-enqueue.ts';

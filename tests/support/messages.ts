import { encodeMessage, STATEMENT_DATASCHEMA, type StatementMessage, statementsTopic } from '@ceasefire/contracts';

/** A valid statement message, numbered so tests can tell them apart. */
export function statementMessage(n: number): StatementMessage {
  return {
    specversion: '1.0',
    id: `msg-${n}`,
    type: 'ceasefire.statement',
    source: 'ceasefire/test',
    time: '2022-09-16T08:00:00Z',
    dataschema: STATEMENT_DATASCHEMA,
    datacontenttype: 'application/json',
    subject: `st_${n}`,
    data: {
      id: `st_${n}`,
      text: `Statement number ${n}: shooting was heard near Kulundu on the morning of September 16.`,
      language: 'en',
      published_at: '2022-09-16T14:20:00+06:00',
      published_zone: 'Asia/Bishkek',
      source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
      url: null,
      received_at: '2022-09-16T08:21:00Z',
      origin: { kind: 'cli', ref: 'test' },
    },
  };
}

export function encodedStatement(n: number) {
  return { key: `st_${n}`, value: encodeMessage(statementsTopic, statementMessage(n)) };
}

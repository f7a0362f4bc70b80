import type { Knex } from 'knex';

/**
 * Messages a stage could not parse or process, kept with the error and their origin. The
 * origin (topic, partition, offset) is unique, so a poison message redelivered after a crash
 * is still one row.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('dead_letters', (t) => {
    t.bigIncrements('id').primary();
    // The stage that gave up: ingester, classifier, alerting.
    t.text('stage').notNullable();
    t.text('topic').notNullable();
    t.integer('partition').notNullable();
    // Kafka offsets are int64.
    t.bigInteger('offset').notNullable();
    t.text('key');
    // The original bytes: a message that failed to parse may not be valid UTF-8 or JSON.
    t.binary('payload');
    t.jsonb('headers').notNullable().defaultTo(knex.raw(`'{}'::jsonb`));
    // From the closed list of error codes in the runtime's error taxonomy.
    t.text('error_code').notNullable();
    t.text('error_message').notNullable();
    t.timestamp('failed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['topic', 'partition', 'offset'], { indexName: 'dead_letters_origin_key' });
    t.check(`partition >= 0 and "offset" >= 0`, [], 'dead_letters_position');
    t.check(`jsonb_typeof(headers) = 'object'`, [], 'dead_letters_headers_object');
    t.index(['failed_at'], 'dead_letters_failed_at_idx');
    t.index(['stage', 'failed_at'], 'dead_letters_stage_failed_at_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('dead_letters');
}

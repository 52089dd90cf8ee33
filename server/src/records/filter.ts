/**
 * Builds a WHERE clause with numbered parameters. Each condition is SQL with
 * `?` for its values, numbered in order:
 *
 *     const f = new Filter();
 *     f.add('team_id = ?', teamId);
 *     f.when(q.status, 'status = ?');
 *     await m.query(`SELECT … FROM t ${f.where} LIMIT ${f.param(25)}`, f.params);
 *
 * A `?` inside a string literal is not supported: pass the literal as a value.
 */
export class Filter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** `params` may already hold values the surrounding SQL refers to as $1…$n. */
  constructor(initial: unknown[] = []) {
    this.params.push(...initial);
  }

  /** A condition with its values, one for each `?`. */
  add(sql: string, ...values: unknown[]): this {
    const marks = sql.match(/\?/g)?.length ?? 0;
    if (marks !== values.length) {
      throw new Error(`Filter: ${marks} placeholders but ${values.length} values in "${sql}"`);
    }
    let i = 0;
    this.conditions.push(sql.replace(/\?/g, () => this.param(values[i++])));
    return this;
  }

  /** `add` when the value was given (not undefined, null or ''); the value fills every `?`. */
  when(value: unknown, sql: string): this {
    if (value === undefined || value === null || value === '') return this;
    const marks = sql.match(/\?/g)?.length ?? 0;
    return this.add(sql, ...Array.from({ length: marks }, () => value));
  }

  /** `column` within the dates given (`YYYY-MM-DD`, either end open when not given). */
  during(column: string, from: string | null | undefined, to: string | null | undefined): this {
    return this.when(from, `${column} >= ?::date`).when(to, `${column} <= ?::date`);
  }

  /** One more parameter, as its placeholder (`$n`), for SQL outside the WHERE clause. */
  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  /** The conditions joined by AND, or '' when there are none. */
  get sql(): string {
    return this.conditions.join(' AND ');
  }

  /** `WHERE …`, or '' when there are no conditions. */
  get where(): string {
    return this.conditions.length ? `WHERE ${this.sql}` : '';
  }

  /** `AND …`, or '', for appending to SQL that already has a WHERE. */
  get and(): string {
    return this.conditions.length ? `AND ${this.sql}` : '';
  }
}

import { Out } from '../../common/api-docs';
import { EnumField, QueryBool } from '../../common/validation';

/** The largest import body (SPEC, common rules for §7–§13): every other route keeps 1 MB. */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

export const HSDS_FORMATS = ['hsds', 'hsds-json'] as const;
export type HsdsFormat = (typeof HSDS_FORMATS)[number];

export class HsdsExportQuery {
  @EnumField(HSDS_FORMATS, {
    presence: 'optional',
    description:
      '`hsds` (default): a zip of the HSDS tabular CSV files; `hsds-json`: the same tables as one JSON object',
  })
  format?: HsdsFormat;
}

export class HsdsImportQuery {
  @QueryBool('true: check the file and report what would happen, writing nothing')
  dryRun?: boolean;
}

export class RowProblemResponse {
  @Out.text({ description: 'The field, e.g. `name` or `peerpath_tags[2]`' })
  field: string;

  @Out.text({ example: 'must be text' })
  message: string;
}

export class RefusedRowResponse {
  @Out.text({ description: '`service.csv` (zip) or `service` (JSON)' })
  file: string;

  @Out.int({ minimum: 1, description: '1: the first row of the table (in CSV, under the header)' })
  row: number;

  @Out.text({ nullable: true, description: 'The row’s HSDS id, when it has one' })
  id: string | null;

  @Out.array(() => RowProblemResponse)
  errors: RowProblemResponse[];
}

export class ImportReportResponse {
  @Out.bool({ description: 'true: nothing was written' })
  dryRun: boolean;

  @Out.int({ minimum: 0, description: 'Resources added (a dry run: that would be added)' })
  created: number;

  @Out.int({ minimum: 0, description: 'Resources changed, found by HSDS service id' })
  updated: number;

  @Out.array(() => RefusedRowResponse, {
    description: 'Rows refused, with reasons (at most 500 listed)',
  })
  refused: RefusedRowResponse[];

  @Out.int({ minimum: 0, description: 'All the rows refused' })
  refusedTotal: number;
}

/** The JSON form of the request body, for the API document (rows are checked against PeerPath's HSDS schema). */
export const HSDS_JSON_BODY = {
  type: 'object',
  required: ['service'],
  properties: Object.fromEntries(
    ['organization', 'service', 'location', 'phone', 'service_at_location'].map((t) => [
      t,
      { type: 'array', items: { type: 'object', additionalProperties: true } },
    ]),
  ),
};

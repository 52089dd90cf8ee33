import type { CreateTeamRequest } from '@peerpath/shared';
import { TextField } from '../../common/validation';

export class CreateTeamDto implements CreateTeamRequest {
  @TextField({ max: 120, example: 'Northside Recovery Hub' })
  name: string;
}

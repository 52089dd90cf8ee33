import { TextField } from '../../common/validation';

export class CreateTeamDto {
  @TextField({ max: 120, example: 'Northside Recovery Hub' })
  name: string;
}

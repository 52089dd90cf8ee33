import { Initial1795636879599 } from './1795636879599-Initial';
import { SearchAndAuditGuards1795636879600 } from './1795636879600-SearchAndAuditGuards';
import { AuditChain1795637352685 } from './1795637352685-AuditChain';
import { ReportPeriodIndexes1795640000000 } from './1795640000000-ReportPeriodIndexes';
import { ReportRollups1795650000000 } from './1795650000000-ReportRollups';
import { ParticipantListIndex1795650000001 } from './1795650000001-ParticipantListIndex';
import { ParticipantListVersion1795650000002 } from './1795650000002-ParticipantListVersion';
import { ContactFirstDay1795650000003 } from './1795650000003-ContactFirstDay';
import { LoginAttemptReservation1795660000100 } from './1795660000100-LoginAttemptReservation';
import { RotatedRefreshTokens1795660000101 } from './1795660000101-RotatedRefreshTokens';
import { SessionVoid1795660000200 } from './1795660000200-SessionVoid';
import { TeamNameIgnoresCase1795660000300 } from './1795660000300-TeamNameIgnoresCase';
import { AuditAccessDenied1795660000301 } from './1795660000301-AuditAccessDenied';
import { ParticipantNextStep1795660000500 } from './1795660000500-ParticipantNextStep';
import { MustChangePassword1795660000501 } from './1795660000501-MustChangePassword';
import { RecoveryPlans1795660000610 } from './1795660000610-RecoveryPlans';
import { SessionNotes1795660000700 } from './1795660000700-SessionNotes';
import { TeamInstruments1795660000900 } from './1795660000900-TeamInstruments';
import { Measures1795660000901 } from './1795660000901-Measures';
import { Consents1795660001000 } from './1795660001000-Consents';
import { RecordKeys1795660001100 } from './1795660001100-RecordKeys';
import { TimeEntries1795660001200 } from './1795660001200-TimeEntries';
import { OutcomesIndex1795660001300 } from './1795660001300-OutcomesIndex';
import { RecurringGroups1795660002000 } from './1795660002000-RecurringGroups';
import { TimeEntryRecordKey1795660002100 } from './1795660002100-TimeEntryRecordKey';
import { Supervisions1795660002110 } from './1795660002110-Supervisions';
import { CalendarTokens1795660002120 } from './1795660002120-CalendarTokens';
import { Credentials1795660002190 } from './1795660002190-Credentials';
import { ReferralStatuses1795660002200 } from './1795660002200-ReferralStatuses';
import { ResourceVerifiedAndHsds1795660002300 } from './1795660002300-ResourceVerifiedAndHsds';
import { ConsentScans1795660002400 } from './1795660002400-ConsentScans';
import { Billing1795660002500 } from './1795660002500-Billing';
import { RollupCellKeys1795660002700 } from './1795660002700-RollupCellKeys';
import { CellKeyIndexes1795660002900 } from './1795660002900-CellKeyIndexes';
import { RollupKeyUnits1795660002910 } from './1795660002910-RollupKeyUnits';
import { NoteCosignIndex1795660003000 } from './1795660003000-NoteCosignIndex';
import { MonthRollups1795660003100 } from './1795660003100-MonthRollups';
import { ContactPeriodIndex1795660003200 } from './1795660003200-ContactPeriodIndex';
import { HandoutMonthRollups1795660003300 } from './1795660003300-HandoutMonthRollups';
import { RecordMonthRollups1795660003400 } from './1795660003400-RecordMonthRollups';
import { ContactRecordKey1795660003500 } from './1795660003500-ContactRecordKey';
import { OutcomeMonthRollups1795660003600 } from './1795660003600-OutcomeMonthRollups';
import { ReferralDaysMonthIndex1795660003700 } from './1795660003700-ReferralDaysMonthIndex';
import { ParticipantOrgListIndex1795660003800 } from './1795660003800-ParticipantOrgListIndex';

/** Every migration, in order. A new migration is added here as well as generated. */
export const MIGRATIONS = [
  Initial1795636879599,
  SearchAndAuditGuards1795636879600,
  AuditChain1795637352685,
  ReportPeriodIndexes1795640000000,
  ReportRollups1795650000000,
  ParticipantListIndex1795650000001,
  ParticipantListVersion1795650000002,
  ContactFirstDay1795650000003,
  LoginAttemptReservation1795660000100,
  RotatedRefreshTokens1795660000101,
  SessionVoid1795660000200,
  TeamNameIgnoresCase1795660000300,
  AuditAccessDenied1795660000301,
  ParticipantNextStep1795660000500,
  MustChangePassword1795660000501,
  RecoveryPlans1795660000610,
  SessionNotes1795660000700,
  TeamInstruments1795660000900,
  Measures1795660000901,
  Consents1795660001000,
  RecordKeys1795660001100,
  TimeEntries1795660001200,
  OutcomesIndex1795660001300,
  RecurringGroups1795660002000,
  TimeEntryRecordKey1795660002100,
  Supervisions1795660002110,
  CalendarTokens1795660002120,
  Credentials1795660002190,
  ReferralStatuses1795660002200,
  ResourceVerifiedAndHsds1795660002300,
  ConsentScans1795660002400,
  Billing1795660002500,
  RollupCellKeys1795660002700,
  CellKeyIndexes1795660002900,
  RollupKeyUnits1795660002910,
  NoteCosignIndex1795660003000,
  MonthRollups1795660003100,
  ContactPeriodIndex1795660003200,
  HandoutMonthRollups1795660003300,
  RecordMonthRollups1795660003400,
  ContactRecordKey1795660003500,
  OutcomeMonthRollups1795660003600,
  ReferralDaysMonthIndex1795660003700,
  ParticipantOrgListIndex1795660003800,
];

import type {
  AdvocacyCategory,
  AdvocacyLevel,
  AdvocacyStatus,
  AttendanceStatus,
  DecidedBy,
  FocusArea,
  GoalStatus,
  HandoutMethod,
  HandoutOutcome,
  LifeArea,
  ParticipantStatus,
  ParticipantType,
  PlanStatus,
  ResourceCategory,
  Role,
  SessionActivity,
  SessionSetting,
  SessionType,
  WellnessSection,
} from './enums';

/** Human words for every enum value, in the language peer workers use. */
export const LABELS = {
  role: { worker: 'Peer support worker', supervisor: 'Supervisor', admin: 'Administrator' },
  sessionType: {
    support_group: 'Support group',
    one_to_one_mentoring: 'One-to-one mentoring',
    condition_specific_group: 'Condition-specific group',
    family_support_group: 'Family support group',
    online_forum: 'Online forum',
    educational_group: 'Educational group',
  },
  sessionSetting: {
    community_center: 'Community center',
    hospital: 'Hospital',
    clinic: 'Clinic',
    online: 'Online',
    phone: 'Phone',
    home_visit: 'Home visit',
    other: 'Other',
  },
  sessionActivity: {
    coping_strategies: 'Coping strategies',
    social_skills: 'Social skills',
    health_literacy: 'Health literacy',
    shared_decision_making: 'Shared decision-making',
    advocacy: 'Advocacy',
    resource_sharing: 'Resource sharing',
    emotional_support: 'Emotional support',
  },
  attendanceStatus: { attended: 'Attended', absent: 'Absent', excused: 'Excused' },
  participantStatus: { active: 'Active', inactive: 'Inactive', discharged: 'Discharged' },
  participantType: { individual: 'Individual', family_caregiver: 'Family member or caregiver' },
  focusArea: {
    depression: 'Depression',
    anxiety: 'Anxiety',
    bipolar: 'Bipolar',
    psychosis: 'Psychosis',
    trauma: 'Trauma',
    substance_use: 'Substance use',
    eating_disorder: 'Eating disorder',
    general_wellbeing: 'General wellbeing',
  },
  advocacyLevel: { individual: 'Individual', systemic: 'Systemic' },
  advocacyCategory: {
    healthcare_navigation: 'Healthcare navigation',
    housing: 'Housing',
    benefits: 'Benefits',
    legal: 'Legal',
    employment: 'Employment',
    education: 'Education',
    discrimination: 'Discrimination',
    policy: 'Policy',
    other: 'Other',
  },
  advocacyStatus: {
    open: 'Open',
    in_progress: 'In progress',
    done: 'Done',
    cancelled: 'Cancelled',
  },
  resourceCategory: {
    crisis: 'Crisis',
    mental_health_treatment: 'Mental health treatment',
    substance_use_treatment: 'Substance use treatment',
    housing: 'Housing',
    food: 'Food',
    employment: 'Employment',
    benefits: 'Benefits',
    legal: 'Legal',
    peer_support_group: 'Peer support group',
    education: 'Education',
    transportation: 'Transportation',
    other: 'Other',
  },
  handoutMethod: {
    printed: 'Printed',
    email: 'Email',
    text: 'Text message',
    warm_handoff: 'Warm handoff',
    verbal: 'Told in person',
  },
  handoutOutcome: {
    pending: 'Awaiting follow-up',
    contacted: 'Made contact',
    scheduled: 'Appointment booked',
    connected: 'Connected',
    not_connected: 'Not connected',
    declined: 'Chose not to go ahead',
    no_capacity: 'No space right now',
    not_eligible: 'Not eligible',
  },
  decidedBy: {
    participant: 'The participant decided',
    shared: 'Decided together',
    deferred: 'Decision deferred',
  },
  planStatus: { draft: 'Draft', active: 'In use', superseded: 'Earlier version' },
  lifeArea: {
    emotional: 'Feelings and mood',
    environmental: 'Home and surroundings',
    financial: 'Money',
    intellectual: 'Learning and interests',
    occupational: 'Work and purpose',
    physical: 'Body and health',
    social: 'People and connection',
    spiritual: 'Meaning and values',
  },
  goalStatus: {
    active: 'Working on it',
    achieved: 'Achieved',
    paused: 'Paused',
    discontinued: 'Set aside',
  },
  wellnessSection: {
    toolbox: 'My wellness toolbox',
    dailyMaintenance: 'What I do every day to stay well',
    triggers: 'Things that can upset me',
    earlyWarningSigns: 'Early signs I am not doing well',
    whenThingsBreakDown: 'When things are getting much worse',
    crisisPlan: 'My crisis plan',
    postCrisis: 'After a crisis',
  },
} satisfies {
  role: Record<Role, string>;
  sessionType: Record<SessionType, string>;
  sessionSetting: Record<SessionSetting, string>;
  sessionActivity: Record<SessionActivity, string>;
  attendanceStatus: Record<AttendanceStatus, string>;
  participantStatus: Record<ParticipantStatus, string>;
  participantType: Record<ParticipantType, string>;
  focusArea: Record<FocusArea, string>;
  advocacyLevel: Record<AdvocacyLevel, string>;
  advocacyCategory: Record<AdvocacyCategory, string>;
  advocacyStatus: Record<AdvocacyStatus, string>;
  resourceCategory: Record<ResourceCategory, string>;
  handoutMethod: Record<HandoutMethod, string>;
  handoutOutcome: Record<HandoutOutcome, string>;
  decidedBy: Record<DecidedBy, string>;
  planStatus: Record<PlanStatus, string>;
  lifeArea: Record<LifeArea, string>;
  goalStatus: Record<GoalStatus, string>;
  wellnessSection: Record<WellnessSection, string>;
};

import type {
  AdvocacyCategory,
  DisclosureMethod,
  InformationKind,
  TimeEntryKind,
  FocusArea,
  LifeArea,
  ResourceCategory,
  SessionActivity,
  SessionSetting,
  SessionType,
} from '@peerpath/shared';

/*
 * The words and weights the scale organisation is made of. Names are invented
 * from common given and family names; nothing here describes a real person.
 * Weights need not sum to 1: each table is normalised where it is used.
 */

export type Weighted<T> = readonly (readonly [T, number])[];

export const FIRST_NAMES = (
  'Aaliyah Aaron Abdul Ada Adrian Aisha Alan Alejandro Alice Amara Amir Ana Andre Angela ' +
  'Anika Ashley Ben Bianca Brandon Brianna Caleb Camila Carlos Carmen Casey Chen Chloe ' +
  'Chris Daniel Dana Darius David Deborah Deshawn Diego Elena Eli Emily Eric Fatima Felix ' +
  'Gabriel Grace Hana Hannah Hassan Ibrahim Imani Isaac Isabel Jacob Jada Jamal James ' +
  'Jasmine Javier Jessica Joel Jordan Jose Joy Julia Kai Kareem Kayla Kevin Kiara Laura ' +
  'Leila Liam Linh Lucas Luis Malik Maria Marcus Mateo Maya Mei Michael Mohammed Nadia ' +
  'Naomi Nathan Nia Noah Olivia Omar Patrick Priya Rachel Rafael Riley Rosa Ryan Samuel ' +
  'Sara Sofia Tariq Tessa Thomas Tyrone Valentina Victor Wei Xavier Yasmin Yusuf Zara Zoe'
).split(' ');

/** About a quarter contain "son", the fragment the participant-search benchmark uses. */
export const LAST_NAMES = (
  'Adams Ahmed Ali Anderson Baker Banda Bennett Brooks Brown Campbell Carlson Carter ' +
  'Castillo Chen Clarke Collins Cruz Davidson Davis Dawson Diaz Edwards Ellison Evans ' +
  'Fischer Flores Garcia Gibson Gonzalez Gupta Harris Harrison Hernandez Hill Hudson Hughes ' +
  'Ibrahim Jackson Jameson Johnson Jones Kaur Kelly Khan Kim Larson Lee Lewis Lopez Martin ' +
  'Martinez Mason Mendoza Miller Mitchell Moore Morales Morrison Murphy Nelson Nguyen ' +
  'Okafor Olson Ortiz Patel Patterson Perez Peterson Phillips Quinn Ramirez Reyes ' +
  'Richardson Rivera Roberts Robinson Rodriguez Ross Sanchez Santos Scott Shah Simpson ' +
  'Singh Smith Stevenson Sullivan Taylor Thompson Torres Tran Turner Walker Watson White ' +
  'Williams Wilson Wright Young Zhang'
).split(' ');

export const NICKNAMES =
  'AJ Bea Bird CJ Dee Frankie Jay Jo Kit Lou Max Mo Nic Pip Ray Sunny Tee Viv'.split(' ');

export const PRONOUNS: Weighted<string> = [
  ['she/her', 0.45],
  ['he/him', 0.42],
  ['they/them', 0.1],
  ['she/they', 0.02],
  ['he/they', 0.01],
];

export const TEAM_PLACES = [
  'Northside',
  'Riverside',
  'Eastgate',
  'Westbrook',
  'Harbour',
  'Lakeshore',
  'Hillcrest',
  'Southfield',
  'Meadowbank',
  'Oakridge',
  'Cedar Valley',
  'Kingsway',
  'Millbrook',
  'Stonebridge',
  'Fairview',
  'Elmwood',
  'Bayview',
  'Parkdale',
  'Maple Grove',
  'Ashford',
  'Brookside',
  'Clearwater',
  'Crossroads',
  'Greenhill',
  'Highland',
  'Ironbridge',
  'Juniper',
  'Larkspur',
  'Marshfield',
  'Newhaven',
  'Orchard',
  'Pinecrest',
  'Queensbury',
  'Redwood',
  'Silverlake',
  'Thornbury',
  'Union Square',
  'Valleyview',
  'Willowdale',
  'Yardley',
];

export const TEAM_KINDS = [
  'Peer Recovery Hub',
  'Peer Support Collective',
  'Wellbeing Peers',
  'Recovery Circle',
];

export const SESSION_TYPE_WEIGHTS: Weighted<SessionType> = [
  ['one_to_one_mentoring', 0.55],
  ['support_group', 0.17],
  ['condition_specific_group', 0.1],
  ['educational_group', 0.08],
  ['family_support_group', 0.05],
  ['online_forum', 0.05],
];

export const SETTINGS_ONE_TO_ONE: Weighted<SessionSetting> = [
  ['community_center', 0.3],
  ['phone', 0.2],
  ['home_visit', 0.15],
  ['clinic', 0.15],
  ['hospital', 0.08],
  ['online', 0.08],
  ['other', 0.04],
];

export const SETTINGS_GROUP: Weighted<SessionSetting> = [
  ['community_center', 0.55],
  ['clinic', 0.15],
  ['online', 0.15],
  ['hospital', 0.1],
  ['other', 0.05],
];

export const DURATIONS: Record<SessionType, Weighted<number>> = {
  one_to_one_mentoring: [
    [30, 0.2],
    [45, 0.3],
    [60, 0.35],
    [90, 0.15],
  ],
  support_group: [
    [60, 0.3],
    [90, 0.5],
    [120, 0.2],
  ],
  condition_specific_group: [
    [60, 0.35],
    [90, 0.45],
    [120, 0.2],
  ],
  family_support_group: [
    [90, 0.6],
    [120, 0.4],
  ],
  online_forum: [
    [45, 0.3],
    [60, 0.5],
    [90, 0.2],
  ],
  educational_group: [
    [60, 0.2],
    [90, 0.3],
    [120, 0.35],
    [180, 0.15],
  ],
};

/** The chance each activity is ticked on a session (at least one always is). */
export const ACTIVITY_CHANCE: Record<SessionActivity, number> = {
  coping_strategies: 0.45,
  social_skills: 0.25,
  health_literacy: 0.2,
  shared_decision_making: 0.15,
  advocacy: 0.1,
  resource_sharing: 0.3,
  emotional_support: 0.7,
};

export const GROUP_TITLES: Record<Exclude<SessionType, 'one_to_one_mentoring'>, string[]> = {
  support_group: [
    'Monday Recovery Circle',
    'Tuesday Peer Circle',
    'Wednesday Wellness Group',
    'Thursday Check-in Group',
    'Friday Connections',
    'Weekend Drop-in',
  ],
  condition_specific_group: [
    'Hearing Voices Group',
    'Bipolar Peer Group',
    'Anxiety Skills Circle',
    'Smart Recovery Meeting',
    'Trauma-informed Peer Group',
    'Depression Support Circle',
  ],
  family_support_group: ['Family Connections', 'Carers Circle', 'Parents in Recovery'],
  online_forum: ['Evening Online Circle', 'Online Peer Forum', 'Night Owls Online'],
  educational_group: [
    'Wellness Recovery Action Planning',
    'Understanding Medication',
    'Budgeting Basics',
    'Navigating Benefits',
    'Sleep and Wellbeing',
    'Relapse Prevention Workshop',
  ],
};

export const ONE_TO_ONE_TITLES = [
  'Check-in',
  'Goal planning',
  'Recovery plan review',
  'Crisis follow-up',
  'Appointment support',
  'Housing paperwork',
  'Walk and talk',
];

/** Session notes are built from two or three of these; none names anyone. */
export const NOTE_SENTENCES = [
  'Talked through the week and what went well.',
  'Practised a grounding exercise together.',
  'Reviewed the recovery plan and updated two goals.',
  'Shared my own experience of returning to work.',
  'Discussed sleep routine and small changes to try.',
  'Agreed to look at housing options before next time.',
  'Participant felt more settled than last session.',
  'Explored what helps on difficult days.',
  'Went over the crisis plan and who to call.',
  'Planned how to raise concerns at the next appointment.',
  'Group discussed coping with isolation.',
  'Good energy in the room; several new members joined.',
  'Covered warning signs and early support options.',
  'Looked at local activities and volunteering.',
  'Role-played a conversation with a landlord.',
  'Checked in about medication side effects and next steps with the prescriber.',
  'Discussed boundaries with family members.',
  'Participant set a goal to attend a community class.',
  'Reflected on progress since enrolment.',
  'Talked about managing money this month.',
  'Session was shorter than planned; rescheduled the rest.',
  'Shared information about the peer-run warm line.',
  'Practised breathing techniques for anxious moments.',
  'Discussed triggers and a plan for the weekend.',
];

export const ATTENDANCE_NOTES = [
  'Arrived late',
  'Left early',
  'Joined by phone',
  'First time attending',
  'Brought a friend',
  'Called to say unwell',
];

export const RESOURCE_WEIGHTS: Weighted<ResourceCategory> = [
  ['mental_health_treatment', 0.14],
  ['substance_use_treatment', 0.12],
  ['housing', 0.12],
  ['peer_support_group', 0.1],
  ['food', 0.09],
  ['benefits', 0.09],
  ['employment', 0.08],
  ['crisis', 0.06],
  ['legal', 0.06],
  ['education', 0.06],
  ['transportation', 0.04],
  ['other', 0.04],
];

export const RESOURCE_NAMES: Record<ResourceCategory, string[]> = {
  crisis: ['Crisis Line', 'Mobile Crisis Team', 'Crisis Respite House', 'Safe Haven Cafe'],
  mental_health_treatment: [
    'Community Mental Health Clinic',
    'Outpatient Therapy Service',
    'Early Psychosis Service',
    'Mood Disorders Clinic',
    'Trauma Therapy Centre',
  ],
  substance_use_treatment: [
    'Recovery Clinic',
    'Detox Unit',
    'Medication-assisted Treatment Programme',
    'Harm Reduction Service',
  ],
  housing: [
    'Housing Advice Centre',
    'Supported Housing Programme',
    'Tenancy Support Service',
    'Emergency Shelter',
  ],
  food: ['Food Bank', 'Community Kitchen', 'Community Pantry'],
  employment: ['Supported Employment Service', 'Job Club', 'Work and Wellbeing Programme'],
  benefits: ['Welfare Rights Advice', 'Benefits Helpline', 'Money Advice Service'],
  legal: ['Legal Aid Clinic', 'Tenants Legal Service', 'Advocacy Law Centre'],
  peer_support_group: [
    'Hearing Voices Network',
    'Recovery Cafe',
    'Family Peer Network',
    'SMART Recovery',
  ],
  education: ['Recovery College', 'Adult Learning Centre', 'Digital Skills Class'],
  transportation: ['Community Transport', 'Travel Voucher Scheme'],
  other: ['Library Outreach', 'Community Garden', 'Volunteer Centre'],
};

export const RESOURCE_TAGS = [
  'walk-in',
  'free',
  'multilingual',
  'youth',
  'women-only',
  'lgbtq+',
  'evening',
  'weekend',
  'wheelchair-accessible',
  'referral-needed',
];

export const HANDOUT_METHODS: Weighted<string> = [
  ['printed', 0.25],
  ['text', 0.2],
  ['warm_handoff', 0.2],
  ['verbal', 0.2],
  ['email', 0.15],
];

export const HANDOUT_NOTES = [
  'Participant asked for the opening hours.',
  'Introduced to the intake worker in person.',
  'Will call after their appointment.',
  'Prefers a text reminder.',
  'Second referral to this service.',
];

export const ADVOCACY_INDIVIDUAL: Weighted<AdvocacyCategory> = [
  ['healthcare_navigation', 0.26],
  ['housing', 0.2],
  ['benefits', 0.18],
  ['employment', 0.1],
  ['legal', 0.08],
  ['discrimination', 0.06],
  ['education', 0.05],
  ['other', 0.06],
  ['policy', 0.01],
];

export const ADVOCACY_SYSTEMIC: Weighted<AdvocacyCategory> = [
  ['policy', 0.4],
  ['discrimination', 0.15],
  ['housing', 0.15],
  ['healthcare_navigation', 0.15],
  ['benefits', 0.05],
  ['other', 0.1],
];

export const ADVOCACY_TITLES: Record<AdvocacyCategory, string[]> = {
  healthcare_navigation: [
    'Get a GP appointment',
    'Transfer to a new prescriber',
    'Request a care review',
  ],
  housing: [
    'Repair request to landlord',
    'Apply for supported housing',
    'Challenge an eviction notice',
  ],
  benefits: [
    'Disability benefit application',
    'Appeal a benefits decision',
    'Replace lost ID for benefits',
  ],
  legal: ['Find a legal aid lawyer', 'Prepare for a court date'],
  employment: ['Reasonable adjustments at work', 'Return-to-work plan'],
  education: ['Enrol at the recovery college', 'Support at a college interview'],
  discrimination: ['Complaint about treatment at a pharmacy', 'Report discrimination by a service'],
  policy: [
    'Peer voice on the hospital discharge policy',
    'Longer opening hours for the crisis cafe',
    'Accessible forms at the benefits office',
  ],
  other: ['Set up a bank account', 'Get a replacement phone'],
};

export const ADVOCACY_OUTCOMES = [
  'Resolved as the participant wanted.',
  'Partly resolved; follow-up agreed.',
  'Service agreed to change its process.',
  'Appointment secured.',
  'Application approved.',
];

export interface DecisionTopic {
  topic: string;
  options: { label: string; pros?: string; cons?: string }[];
  priorities: string;
  decision: string;
}

export const DECISION_TOPICS: DecisionTopic[] = [
  {
    topic: 'Medication options',
    options: [
      { label: 'Stay on the current dose', pros: 'Stable for now', cons: 'Side effects continue' },
      {
        label: 'Ask the prescriber about a lower dose',
        pros: 'Fewer side effects',
        cons: 'Risk of relapse',
      },
      { label: 'Try a different medication', cons: 'Weeks to adjust' },
    ],
    priorities: 'Feeling clear-headed at work',
    decision: 'Ask the prescriber about a lower dose',
  },
  {
    topic: 'Housing move',
    options: [
      { label: 'Stay in the current flat', pros: 'Close to family', cons: 'Damp and costly' },
      { label: 'Apply for supported housing', pros: 'Support on site', cons: 'Waiting list' },
    ],
    priorities: 'Somewhere quiet and safe',
    decision: 'Apply for supported housing',
  },
  {
    topic: 'Treatment programme',
    options: [
      { label: 'Outpatient programme', pros: 'Keeps the job', cons: 'Evenings are busy' },
      {
        label: 'Residential programme',
        pros: 'Intensive support',
        cons: 'Time away from children',
      },
      { label: 'Peer support only for now' },
    ],
    priorities: 'Staying close to the children',
    decision: 'Outpatient programme',
  },
  {
    topic: 'Returning to work',
    options: [
      { label: 'Start part-time', pros: 'Gradual', cons: 'Less income' },
      { label: 'Wait three months', pros: 'More time to recover' },
    ],
    priorities: 'Routine and income',
    decision: 'Start part-time',
  },
  {
    topic: 'Telling family about diagnosis',
    options: [
      { label: 'Tell one sibling first', pros: 'Trusted person' },
      {
        label: 'Family meeting with the worker present',
        pros: 'Support in the room',
        cons: 'Stressful',
      },
      { label: 'Not now' },
    ],
    priorities: 'Being understood without pressure',
    decision: 'Tell one sibling first',
  },
  {
    topic: 'Therapy type',
    options: [
      { label: 'Group therapy', pros: 'Meet others', cons: 'Sharing in a group' },
      { label: 'One-to-one therapy', pros: 'Private', cons: 'Longer wait' },
    ],
    priorities: 'Feeling safe to talk',
    decision: 'One-to-one therapy',
  },
  {
    topic: 'Managing debt',
    options: [
      { label: 'Debt advice appointment', pros: 'Expert help' },
      { label: 'Payment plan with the lender', cons: 'Tight budget' },
    ],
    priorities: 'Stop the letters',
    decision: 'Debt advice appointment',
  },
  {
    topic: 'Crisis plan',
    options: [
      { label: 'Crisis line first', pros: 'Available at night' },
      { label: 'Call the peer worker', cons: 'Office hours only' },
      { label: 'Go to the crisis cafe', pros: 'Face to face' },
    ],
    priorities: 'Avoiding hospital admission',
    decision: 'Crisis line first, then the crisis cafe',
  },
];

export const NEXT_STEPS = [
  'Book the appointment this week.',
  'Bring the letter to the next session.',
  'Call the service together on Monday.',
  'Think it over and talk again next week.',
  'Worker to send the information by text.',
];

/** The chance a participant lists each focus area (none is fine: they are optional). */
export const FOCUS_CHANCE: Record<FocusArea, number> = {
  depression: 0.35,
  anxiety: 0.35,
  bipolar: 0.08,
  psychosis: 0.07,
  trauma: 0.2,
  substance_use: 0.35,
  eating_disorder: 0.04,
  general_wellbeing: 0.15,
};

/*
 * Recovery plans, session notes and outcome measures (SPEC §7–§9). A plan is
 * written with the person, so its goals, strengths and wellness sections are
 * in their own words (first person); a note is the worker's account.
 */

/** Goals as the person says them, by life area; each with the small steps towards it. */
export const GOALS: Record<LifeArea, { statement: string; steps: string[] }[]> = {
  emotional: [
    {
      statement: 'I want to notice when I am getting low and do something kind for myself.',
      steps: [
        'Write three lines in my mood diary each evening',
        'Call my sister when I feel a dip',
        'Try the breathing exercise before bed',
      ],
    },
    {
      statement: 'I want to feel less on edge when I am around people.',
      steps: [
        'Stay for the whole of group once a week',
        'Practise grounding on the bus',
        'Tell my peer worker how it went',
      ],
    },
    {
      statement: 'I want to get through the anniversary in March without drinking.',
      steps: [
        'Plan the day with my peer worker',
        'Ask a friend to be with me that evening',
        'Go to the Sunday meeting that week',
      ],
    },
  ],
  environmental: [
    {
      statement: 'I want a place of my own that feels safe and quiet.',
      steps: [
        'Fill in the housing application',
        'Visit two flats with my peer worker',
        'Ask about help with the deposit',
      ],
    },
    {
      statement: 'I want my room to be somewhere I like coming back to.',
      steps: [
        'Clear one corner each weekend',
        'Put up the photos from my kids',
        'Get a lamp for the evenings',
      ],
    },
  ],
  financial: [
    {
      statement: 'I want to know where my money goes and have some left at the end of the month.',
      steps: [
        'Write down what I spend for two weeks',
        'Set up the rent as a standing order',
        'Meet the benefits adviser',
      ],
    },
    {
      statement: 'I want to pay off the phone debt so I can stop worrying about the letters.',
      steps: [
        'Open the letters with my peer worker',
        'Agree a payment plan',
        'Put aside ten dollars each week',
      ],
    },
  ],
  intellectual: [
    {
      statement: 'I want to finish my GED, because I promised myself I would.',
      steps: [
        'Sign up for the evening class',
        'Study for half an hour on Tuesdays and Thursdays',
        'Book the maths test',
      ],
    },
    {
      statement: 'I want to learn to use a computer well enough to apply for jobs myself.',
      steps: [
        'Go to the library drop-in',
        'Set up an email address',
        'Send one application on my own',
      ],
    },
  ],
  occupational: [
    {
      statement: 'I want to get back to work, part time to start with.',
      steps: [
        'Update my CV with my peer worker',
        'Talk to the employment service',
        'Apply for two jobs a week',
      ],
    },
    {
      statement: 'I want to volunteer somewhere that gives my week a shape.',
      steps: [
        'Visit the food bank on a Wednesday',
        'Ask about the kitchen rota',
        'Do one full shift',
      ],
    },
  ],
  physical: [
    {
      statement: 'I want to sleep through the night more often than not.',
      steps: [
        'No phone after eleven',
        'Walk in the afternoon',
        'Talk to my doctor about the tablets',
      ],
    },
    {
      statement: 'I want to walk to the park and back without stopping.',
      steps: [
        'Walk to the corner shop every day',
        'Add one more street each week',
        'Walk with the group on Saturdays',
      ],
    },
    {
      statement: 'I want to keep my appointments with the doctor and the dentist.',
      steps: [
        'Put the dates in my phone',
        'Ask for reminders by text',
        'Bring a friend to the dentist',
      ],
    },
  ],
  social: [
    {
      statement: 'I want to rebuild things with my daughter, slowly and at her pace.',
      steps: [
        'Write her a letter',
        'Ask if we can meet for coffee',
        'Keep every arrangement I make',
      ],
    },
    {
      statement: 'I want to have people in my life who are not part of my using days.',
      steps: [
        'Come to the Thursday group',
        'Swap numbers with one person there',
        'Go to the community lunch',
      ],
    },
  ],
  spiritual: [
    {
      statement: 'I want some quiet time each day that is just for me.',
      steps: [
        'Sit in the garden for ten minutes each morning',
        'Try the meditation app',
        'Go to the quiet room at the centre',
      ],
    },
    {
      statement: 'I want to feel I belong somewhere again.',
      steps: [
        'Go back to the community choir',
        'Visit the centre on a Sunday',
        'Help set up for the summer fair',
      ],
    },
  ],
};

export const PLAN_STRENGTHS = [
  'I am stubborn in a good way: when I decide something, I see it through.',
  'I am a good listener, people have always come to me to talk.',
  'I have kept going through a lot, and I am still here.',
  'I can cook for a crowd and I love doing it.',
  'My faith and my kids keep me going.',
  'I am honest about where I am, even when it is hard.',
  'I am good with my hands and I like fixing things.',
  'I make people laugh, even on bad days.',
];

export const PLAN_WHAT_MATTERS = [
  'Being a dad my kids can count on.',
  'Having my own front door and a key to it.',
  'Staying well enough to keep my job.',
  'Getting back to the things I used to enjoy, like painting.',
  'Feeling calm in my own head.',
  'Being part of something, not on my own all the time.',
];

export const WELLNESS_WORDS: Record<string, string[]> = {
  toolbox: [
    'Walking the dog, calling my sister, music with headphones, a hot shower.',
    'Writing things down, the breathing I learned in group, a cup of tea outside.',
  ],
  dailyMaintenance: [
    'Get up by nine, eat breakfast, take my tablets, get outside at least once.',
    'Check in with myself at lunch, text someone, go to bed before midnight.',
  ],
  triggers: [
    'Arguments at home, payday, not sleeping, the anniversary in March.',
    'Being on my own all weekend, letters from the council, loud places.',
  ],
  earlyWarningSigns: [
    'I stop answering my phone and stay in bed.',
    'I get snappy and stop eating properly.',
  ],
  whenThingsBreakDown: [
    'I stop going out at all and I stop taking care of myself.',
    'I start thinking about using again and I avoid everyone.',
  ],
  crisisPlan: [
    'Call my peer worker or the crisis line; my sister can stay with me; please do not call my father.',
    'I want my friend Dee with me; the crisis team knows me; my medication list is in my wallet.',
  ],
  postCrisis: [
    'A quiet few days, someone to help with shopping, back to group when I am ready.',
    'Check in with my peer worker every day for a week.',
  ],
};

/** A note's sections, worker's words; the response is how the person took it. */
export const NOTE_WORDS = {
  goal: [
    'Work on the first step of their plan goal this week.',
    'Keep going with the goal they chose last month.',
    'Talk through what is getting in the way of the goal.',
  ],
  data: [
    'Met at the centre. Participant arrived on time and talked about the week.',
    'Phone check-in. Participant said the weekend had been hard but they got through it.',
    'Met for coffee. Participant brought the letters they had been worried about.',
  ],
  behavior: [
    'Came in quiet at first, then more open as we talked.',
    'Engaged and chatty; said they had been looking forward to the session.',
    'Tired and a bit flat, but stayed for the whole session.',
  ],
  intervention: [
    'Shared my own experience of early recovery; we went through the plan steps together.',
    'Practised the grounding exercise; looked at options for the housing form.',
    'Listened and reflected back; helped break the goal into a first small step.',
  ],
  response: [
    'Said "I feel like I can actually do this one."',
    'Said talking it through helped and they want to try the first step this week.',
    'Was unsure but agreed to give it a go and tell me how it went.',
  ],
  assessment: [
    'Making steady progress; more confident than last month.',
    'Finding things hard right now but using their coping tools.',
    'Keen to work on the next step; support is helping.',
  ],
  plan: [
    'Meet again next week; participant will make the phone call before then.',
    'Check in by phone on Friday; bring the form to group.',
    'Keep going with the daily walk; review the goal at the next session.',
  ],
  text: [
    'Good session. We talked about how the week went and what helped. They are proud of keeping to the routine.',
    'Checked in about the plan. The first step is done; we agreed the next one together.',
    'A harder week. We went through the wellness toolbox and picked two things to try before we next meet.',
  ],
};

export const ADDENDA = [
  'Participant called afterwards to say the phone call went well.',
  'Correction: the next meeting is on Thursday, not Wednesday.',
];

export const RETURN_COMMENTS = [
  'Please add what the participant said about their goal.',
  'Could you say which step we agreed next?',
];

export const VOID_REASONS = ['Entered for the wrong person', 'Answers entered twice by mistake'];

export const ALERT_RESOLUTIONS = [
  'Talked it through the same day; they are safe and have the crisis line number. Checking in tomorrow.',
  'Called them that afternoon with their permission; safety plan updated and shared with the supervisor.',
];

/** Work outside sessions (SPEC §11): mostly paperwork, outreach and travel between people. */
export const TIME_ENTRY_KIND_WEIGHTS: Weighted<TimeEntryKind> = [
  ['documentation', 30],
  ['outreach', 20],
  ['travel', 20],
  ['admin', 12],
  ['training', 8],
  ['community_event', 6],
  ['supervision', 4],
];

/** Minutes of one time entry: most are half an hour to an hour. */
export const TIME_ENTRY_MINUTES: Weighted<number> = [
  [15, 10],
  [30, 30],
  [45, 20],
  [60, 22],
  [90, 8],
  [120, 6],
  [180, 3],
  [240, 1],
];

export const TIME_ENTRY_NOTES: Record<TimeEntryKind, string[]> = {
  outreach: [
    'Dropped in at the shelter to say hello to people I have not seen in a while',
    'Called round people who missed group this week',
    'Stopped by the drop-in centre to let people know about the new group',
  ],
  travel: [
    'Drove to the clinic and back for a home visit',
    'Bus across town to meet someone at the library',
    'Drive out to the county office',
  ],
  documentation: [
    'Caught up on notes from the week',
    'Finished notes after a busy afternoon',
    'Tidied up plans before reviews',
  ],
  training: [
    'Trauma-informed care refresher',
    'Naloxone training with the team',
    'Motivational interviewing practice session',
  ],
  supervision: ['Prepared for supervision', 'Reflective practice with a colleague'],
  community_event: [
    'Recovery month walk in the park',
    'Resource fair at the community centre',
    'Shared our story at the library talk',
  ],
  admin: ['Team meeting', 'Sorted out the group room booking', 'Emails and phone messages'],
};

/** Minutes of one supervision. */
export const SUPERVISION_MINUTES: Weighted<number> = [
  [30, 15],
  [45, 25],
  [60, 40],
  [75, 8],
  [90, 12],
];

export const SUPERVISION_TOPICS = [
  'Talked through a hard week with one of the people I support',
  'Boundaries with someone who calls often',
  'How I am looking after myself',
  'Caseload and what to let go of',
  'Planning for a recovery plan review',
  'A warm handoff to housing that went well',
  'Sharing my own story and when it helps',
  'Getting notes signed on time',
  'Someone who has stopped answering and what to try next',
  'Ideas for the new group',
];

export const SUPERVISION_ACTIONS = [
  'Call the housing office together next week',
  'Book a day off this month',
  'Try a shorter check-in call',
  'Bring the plan review to the team meeting',
  'Sign off the notes from last week',
  'Ask the clinic about a warm handoff',
  'Read the boundaries handout before next time',
];

/** Whom people ask us to share with, why, and what (SPEC §10); the first ones are their care providers. */
export const CONSENT_TEMPLATES: readonly {
  recipient: string;
  purpose: string;
  information: InformationKind[];
  part2?: boolean;
  event?: string;
}[] = [
  {
    recipient: 'Riverside Community Clinic',
    purpose: 'So my nurse knows I am coming to groups and how I am doing.',
    information: ['attendance', 'measures'],
  },
  {
    recipient: 'New Dawn Treatment Center',
    purpose: 'A warm handoff to my counsellor, so I do not start from scratch.',
    information: ['attendance', 'plan', 'notes', 'substance_use_records'],
    part2: true,
  },
  {
    recipient: 'Hillside Family Doctors',
    purpose: 'So my doctor knows about my recovery plan and can support it.',
    information: ['plan', 'contact_details'],
  },
  {
    recipient: 'Harbor Housing Help Desk',
    purpose: 'So my housing worker knows what we are working on and can back up my application.',
    information: ['contact_details', 'plan', 'advocacy'],
  },
  {
    recipient: 'County Benefits Office',
    purpose: 'To help sort out my benefits claim without telling the story again.',
    information: ['contact_details', 'advocacy'],
    event: 'When my benefits claim is decided',
  },
  {
    recipient: 'Drug Court Coordinator',
    purpose: 'To show the court I am going to my recovery meetings.',
    information: ['attendance', 'substance_use_records'],
    part2: true,
  },
  {
    recipient: 'Workforce Centre job coach',
    purpose: 'So my job coach knows my goals and when I am free.',
    information: ['plan', 'attendance'],
  },
  {
    recipient: 'My sister',
    purpose: 'So my sister can call you if she is worried about me and cannot reach me.',
    information: ['contact_details'],
    event: 'When I say so',
  },
];

/** How many of the consent templates are care providers (a person's first consent is one of these). */
export const CARE_PROVIDER_TEMPLATES = 3;

export const DISCLOSURE_METHOD_WEIGHTS: Weighted<DisclosureMethod> = [
  ['phone', 35],
  ['email', 25],
  ['in_person', 15],
  ['portal', 15],
  ['fax', 5],
  ['mail', 5],
];

export const EMERGENCY_RECIPIENTS = ['County Mobile Crisis Team', 'Emergency services (911)'];

export const EMERGENCY_REASONS = [
  'They told me they did not feel safe and then stopped answering. I gave the crisis team their address so someone could check on them.',
  'They collapsed during group. I told the paramedics their name and the medicine they take.',
  'Their partner called to say they had not come home after a hard day; I shared their phone number with the crisis team.',
];

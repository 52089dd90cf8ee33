import type {
  AdvocacyCategory,
  AdvocacyStatus,
  DecisionOption,
  HandoutMethod,
  HandoutOutcome,
  ResourceCategory,
} from '@peerpath/shared';

/**
 * The demo organisation's words (demo-records.ts writes them): the resource
 * directory, advocacy titles and outcomes, handout notes and shared
 * decision-making notes. Plain data, no code.
 */

export interface DemoResource {
  name: string;
  category: ResourceCategory;
  description: string;
  phone: string | null;
  url: string | null;
  address: string | null;
  tags: string[];
  active?: boolean;
}

export const RESOURCES: DemoResource[] = [
  // crisis
  {
    name: 'Riverbend Crisis Line',
    category: 'crisis',
    description:
      'Free, confidential support by phone, day and night, for anyone in emotional distress or thinking about suicide.',
    phone: '555-0100',
    url: 'https://crisis.example.org',
    address: null,
    tags: ['24/7', 'phone', 'free'],
  },
  {
    name: 'Crisis Text Support',
    category: 'crisis',
    description:
      'Text-based crisis support for people who find calling hard. Trained volunteers reply within minutes.',
    phone: '555-0101',
    url: 'https://text-support.example.org',
    address: null,
    tags: ['24/7', 'text', 'young people'],
  },
  {
    name: 'Mobile Crisis Team',
    category: 'crisis',
    description:
      'Mental health professionals who come to you in a crisis, as an alternative to the emergency department.',
    phone: '555-0102',
    url: 'https://mobile-crisis.example.org',
    address: null,
    tags: ['outreach', 'home visit'],
  },
  {
    name: 'Harbor Crisis Café',
    category: 'crisis',
    description:
      'A calm, welcoming drop-in space in the evenings for people who are struggling. No appointment needed.',
    phone: '555-0103',
    url: 'https://crisis-cafe.example.org',
    address: '41 Quay Street',
    tags: ['drop-in', 'evenings', 'peer staff'],
  },
  // mental_health_treatment
  {
    name: 'Northgate Community Mental Health Clinic',
    category: 'mental_health_treatment',
    description:
      'Assessment, counselling and psychiatry for adults. Self-referral accepted; sliding-scale fees.',
    phone: '555-0110',
    url: 'https://northgate-clinic.example.org',
    address: '200 Northgate Road',
    tags: ['counselling', 'psychiatry', 'sliding scale'],
  },
  {
    name: 'Early Intervention in Psychosis Service',
    category: 'mental_health_treatment',
    description:
      'Support for people aged 14–65 experiencing a first episode of psychosis, including family work.',
    phone: '555-0111',
    url: 'https://eip.example.org',
    address: '3 Elm Court',
    tags: ['psychosis', 'family'],
  },
  {
    name: 'Trauma Recovery Program',
    category: 'mental_health_treatment',
    description:
      'Trauma-informed group and individual therapy. Waiting list usually six to eight weeks.',
    phone: '555-0112',
    url: 'https://trauma-recovery.example.org',
    address: '88 Willow Lane',
    tags: ['trauma', 'ptsd', 'groups'],
  },
  {
    name: 'Eating Disorder Outpatient Service',
    category: 'mental_health_treatment',
    description: 'Specialist outpatient treatment and dietetic support for eating disorders.',
    phone: '555-0113',
    url: 'https://eating-support.example.org',
    address: '14 Beacon Street',
    tags: ['eating disorders', 'dietitian'],
  },
  // substance_use_treatment
  {
    name: 'Open Door Recovery Service',
    category: 'substance_use_treatment',
    description:
      'Drug and alcohol treatment including community detox, prescribing and key-working.',
    phone: '555-0120',
    url: 'https://opendoor.example.org',
    address: '9 Station Road',
    tags: ['detox', 'alcohol', 'opioids'],
  },
  {
    name: 'Medication-Assisted Treatment Clinic',
    category: 'substance_use_treatment',
    description: 'Buprenorphine and methadone treatment with same-week starts for most people.',
    phone: '555-0121',
    url: 'https://mat-clinic.example.org',
    address: '77 Market Street',
    tags: ['opioids', 'same week'],
  },
  {
    name: 'Needle Exchange and Harm Reduction',
    category: 'substance_use_treatment',
    description:
      'Clean supplies, naloxone kits and training, and testing. Anonymous and non-judgemental.',
    phone: '555-0122',
    url: 'https://harm-reduction.example.org',
    address: '5 Canal Walk',
    tags: ['harm reduction', 'naloxone', 'anonymous'],
  },
  {
    name: 'Residential Rehab Referral Line',
    category: 'substance_use_treatment',
    description: 'Advice on residential rehabilitation options and help with funding applications.',
    phone: '555-0123',
    url: 'https://rehab-referral.example.org',
    address: null,
    tags: ['residential', 'funding'],
  },
  // housing
  {
    name: 'Housing Options Advice Centre',
    category: 'housing',
    description:
      'Advice for anyone homeless or at risk of losing their home, including emergency accommodation.',
    phone: '555-0130',
    url: 'https://housing-options.example.org',
    address: '1 Civic Square',
    tags: ['homelessness', 'emergency'],
  },
  {
    name: 'Supported Housing Network',
    category: 'housing',
    description:
      'Shared and self-contained supported housing for people in mental health or addiction recovery.',
    phone: '555-0131',
    url: 'https://supported-housing.example.org',
    address: null,
    tags: ['supported housing', 'recovery'],
  },
  {
    name: 'Tenancy Sustainment Team',
    category: 'housing',
    description:
      'Practical help to keep a tenancy: arrears plans, repairs, and talking to landlords.',
    phone: '555-0132',
    url: 'https://tenancy-support.example.org',
    address: '60 Park Row',
    tags: ['arrears', 'landlords'],
  },
  {
    name: 'Night Shelter (winter only)',
    category: 'housing',
    description: 'Emergency beds from November to March. Referral through the outreach team.',
    phone: '555-0133',
    url: 'https://night-shelter.example.org',
    address: '23 Chapel Street',
    tags: ['emergency', 'winter'],
    active: false,
  },
  // food
  {
    name: 'Harbor Street Food Pantry',
    category: 'food',
    description: 'Groceries twice a week, no referral needed. Fresh produce on Thursdays.',
    phone: '555-0140',
    url: 'https://harbor-pantry.example.org',
    address: '12 Harbor Street',
    tags: ['groceries', 'no referral', 'free'],
  },
  {
    name: 'Community Kitchen Lunch Club',
    category: 'food',
    description: 'A hot lunch and company every weekday at noon. Pay what you can.',
    phone: '555-0141',
    url: 'https://lunch-club.example.org',
    address: 'St Mark’s Hall, 2 Mill Lane',
    tags: ['hot meals', 'social'],
  },
  {
    name: 'Fresh Start Food Bank',
    category: 'food',
    description: 'Three-day emergency food parcels with a voucher from a support worker.',
    phone: '555-0142',
    url: 'https://freshstart-foodbank.example.org',
    address: '30 Orchard Way',
    tags: ['food parcels', 'voucher'],
  },
  {
    name: 'Grow Together Allotments',
    category: 'food',
    description: 'Shared growing plots and cooking sessions; free produce to take home.',
    phone: '555-0143',
    url: 'https://grow-together.example.org',
    address: 'Riverside Allotments',
    tags: ['gardening', 'cooking', 'wellbeing'],
  },
  // employment
  {
    name: 'Individual Placement and Support (IPS)',
    category: 'employment',
    description:
      'Employment specialists who help people with mental health conditions find and keep paid work.',
    phone: '555-0150',
    url: 'https://ips.example.org',
    address: '200 Northgate Road',
    tags: ['paid work', 'job coaching'],
  },
  {
    name: 'Recovery-Friendly Employers Scheme',
    category: 'employment',
    description:
      'Local employers who welcome applicants in recovery; introductions and interview preparation.',
    phone: '555-0151',
    url: 'https://recovery-employers.example.org',
    address: null,
    tags: ['recovery', 'interviews'],
  },
  {
    name: 'Volunteer Centre',
    category: 'employment',
    description: 'Volunteering roles to build confidence, routine and references.',
    phone: '555-0152',
    url: 'https://volunteer.example.org',
    address: '18 High Street',
    tags: ['volunteering', 'confidence'],
  },
  // benefits
  {
    name: 'Welfare Rights Advice',
    category: 'benefits',
    description: 'Benefit checks, help with forms, and representation at appeals and tribunals.',
    phone: '555-0160',
    url: 'https://welfare-rights.example.org',
    address: '1 Civic Square',
    tags: ['appeals', 'forms', 'disability benefits'],
  },
  {
    name: 'Money and Debt Advice Line',
    category: 'benefits',
    description: 'Free, confidential debt advice and budgeting support.',
    phone: '555-0161',
    url: 'https://debt-advice.example.org',
    address: null,
    tags: ['debt', 'budgeting'],
  },
  {
    name: 'Utility Hardship Fund',
    category: 'benefits',
    description: 'Grants towards energy and water arrears for low-income households.',
    phone: '555-0162',
    url: 'https://hardship-fund.example.org',
    address: null,
    tags: ['grants', 'energy bills'],
  },
  // legal
  {
    name: 'Community Law Centre',
    category: 'legal',
    description: 'Free legal advice on housing, employment, discrimination and immigration.',
    phone: '555-0170',
    url: 'https://lawcentre.example.org',
    address: '44 Bridge Street',
    tags: ['free advice', 'discrimination'],
  },
  {
    name: 'Mental Health Advocacy Service',
    category: 'legal',
    description: 'Independent advocates for people detained or treated under mental health law.',
    phone: '555-0171',
    url: 'https://mh-advocacy.example.org',
    address: null,
    tags: ['independent advocacy', 'rights'],
  },
  {
    name: 'Court Support Volunteers',
    category: 'legal',
    description: 'Volunteers who accompany people to court and explain what will happen.',
    phone: '555-0172',
    url: 'https://court-support.example.org',
    address: 'Magistrates’ Court, Victoria Road',
    tags: ['court', 'accompaniment'],
  },
  // peer_support_group
  {
    name: 'Tuesday Evening Recovery Circle',
    category: 'peer_support_group',
    description: 'A peer-led group for anyone in recovery from alcohol or drugs. Come as you are.',
    phone: '555-0180',
    url: 'https://recovery-circle.example.org',
    address: 'Library Meeting Room, 5 Church Street',
    tags: ['evenings', 'addiction', 'peer-led'],
  },
  {
    name: 'Hearing Voices Group',
    category: 'peer_support_group',
    description:
      'A safe space to talk about hearing voices and other unusual experiences, led by people with lived experience.',
    phone: '555-0181',
    url: 'https://hearing-voices.example.org',
    address: '3 Elm Court',
    tags: ['voices', 'psychosis', 'peer-led'],
  },
  {
    name: 'Families Together',
    category: 'peer_support_group',
    description:
      'Support group for family members and carers of people with mental health or substance use problems.',
    phone: '555-0182',
    url: 'https://families-together.example.org',
    address: 'Community Centre, 10 Oak Avenue',
    tags: ['family', 'carers'],
  },
  {
    name: 'Mood Matters Online Forum',
    category: 'peer_support_group',
    description:
      'A moderated online community for people living with depression and bipolar disorder.',
    phone: null,
    url: 'https://moodmatters.example.org',
    address: null,
    tags: ['online', 'depression', 'bipolar'],
  },
  {
    name: 'Saturday Walk and Talk',
    category: 'peer_support_group',
    description:
      'A gentle group walk followed by coffee. Good for a first step into group support.',
    phone: '555-0184',
    url: 'https://walk-talk.example.org',
    address: 'Meet at the park gates, Riverside Park',
    tags: ['outdoors', 'weekends'],
    active: false,
  },
  // education
  {
    name: 'Recovery College',
    category: 'education',
    description:
      'Free courses on understanding mental health, wellbeing and recovery, co-produced with people with lived experience.',
    phone: '555-0190',
    url: 'https://recovery-college.example.org',
    address: '15 College Road',
    tags: ['courses', 'free', 'co-produced'],
  },
  {
    name: 'Adult Literacy and Numeracy',
    category: 'education',
    description: 'Friendly small-group classes in reading, writing and maths.',
    phone: '555-0191',
    url: 'https://adult-learning.example.org',
    address: '15 College Road',
    tags: ['literacy', 'maths'],
  },
  {
    name: 'Digital Skills Drop-In',
    category: 'education',
    description: 'Help with phones, email, online forms and video calls. Devices to borrow.',
    phone: '555-0192',
    url: 'https://digital-skills.example.org',
    address: 'Central Library',
    tags: ['digital', 'devices'],
  },
  // transportation
  {
    name: 'Community Transport Dial-a-Ride',
    category: 'transportation',
    description:
      'Door-to-door minibus for people who find public transport hard. Book two days ahead.',
    phone: '555-0193',
    url: 'https://dial-a-ride.example.org',
    address: null,
    tags: ['minibus', 'accessible'],
  },
  {
    name: 'Appointment Travel Vouchers',
    category: 'transportation',
    description: 'Bus and taxi vouchers for health appointments, for people on low incomes.',
    phone: '555-0194',
    url: 'https://travel-vouchers.example.org',
    address: null,
    tags: ['vouchers', 'appointments'],
  },
  {
    name: 'Bike Recycling Project',
    category: 'transportation',
    description: 'Low-cost refurbished bikes and free repair sessions.',
    phone: '555-0195',
    url: 'https://bike-project.example.org',
    address: '7 Foundry Yard',
    tags: ['bikes', 'low cost'],
  },
  // other
  {
    name: 'ID Document Help Desk',
    category: 'other',
    description: 'Help to replace lost birth certificates, ID cards and bank cards.',
    phone: '555-0196',
    url: 'https://id-help.example.org',
    address: '1 Civic Square',
    tags: ['documents', 'bank account'],
  },
  {
    name: 'Pet Care Support',
    category: 'other',
    description: 'Short-term pet fostering during hospital stays or treatment.',
    phone: '555-0197',
    url: 'https://pet-care.example.org',
    address: null,
    tags: ['pets', 'hospital stays'],
  },
];

export const INDIVIDUAL_ADVOCACY: Record<AdvocacyCategory, string[]> = {
  healthcare_navigation: [
    'Help book a psychiatry follow-up after discharge',
    'Chase the delayed referral to talking therapies',
    'Go with them to the medication review',
    'Request a change of doctor at the health centre',
  ],
  housing: [
    'Support the housing benefit appeal',
    'Ask the landlord to fix the damp in the bedroom',
    'Apply for supported housing',
    'Agree a rent arrears payment plan',
  ],
  benefits: [
    'Help complete the disability benefit form',
    'Challenge a benefits sanction',
    'Apply for the hardship fund for energy bills',
  ],
  legal: [
    'Find free legal advice about the tenancy dispute',
    'Arrange court support for the hearing',
  ],
  employment: [
    'Ask the employer for reasonable adjustments',
    'Plan a phased return to work with HR',
  ],
  education: ['Request exam adjustments at the college', 'Enrol on a Recovery College course'],
  discrimination: [
    'Raise a complaint about how they were treated at the pharmacy',
    'Challenge a refused tenancy application',
  ],
  policy: ['Share their experience with the patient advisory panel'],
  other: ['Replace a lost ID card', 'Open a basic bank account'],
};

export const SYSTEMIC_ADVOCACY: {
  category: AdvocacyCategory;
  title: string;
  description: string;
}[] = [
  {
    category: 'policy',
    title: 'Ask the council to keep the drop-in centre open at weekends',
    description: 'Several participants have no support from Friday evening to Monday morning.',
  },
  {
    category: 'healthcare_navigation',
    title: 'Ask the clinic to offer evening appointments',
    description: 'People in work are missing appointments they cannot move.',
  },
  {
    category: 'healthcare_navigation',
    title: 'Propose a peer worker presence in the emergency department',
    description: 'Feedback shows people leave before being seen when no one explains the wait.',
  },
  {
    category: 'housing',
    title: 'Raise the shortage of recovery-friendly housing with the housing office',
    description:
      'Participants leaving rehab are being offered housing next to places they used to use.',
  },
  {
    category: 'discrimination',
    title: 'Offer stigma-free language training to reception staff at the health centre',
    description: 'Repeated reports of people being described by their diagnosis at the front desk.',
  },
  {
    category: 'employment',
    title: 'Recruit local employers to the recovery-friendly hiring scheme',
    description: 'Aim for five new employers this year.',
  },
  {
    category: 'benefits',
    title: 'Ask the benefits office for a named contact for peer workers',
    description: 'Calls take over an hour; a named contact would free up time for participants.',
  },
  {
    category: 'education',
    title: 'Run a mental health awareness session at the community college',
    description: 'Student services asked for help supporting learners in recovery.',
  },
  {
    category: 'policy',
    title: 'Feed back on hospital discharge planning for people in recovery',
    description: 'People are discharged on a Friday with no medication plan over the weekend.',
  },
];

export const SYSTEMIC_STATUSES: AdvocacyStatus[] = [
  'done',
  'in_progress',
  'open',
  'cancelled',
  'done',
  'in_progress',
  'open',
];

export const DONE_OUTCOMES = [
  'Appointment booked and attended.',
  'Decision overturned on appeal; payments backdated.',
  'Landlord agreed to carry out the repairs within two weeks.',
  'Agreed in writing; the participant is pleased with the result.',
  'Form submitted with supporting letter; award confirmed.',
  'Meeting held and the request was accepted.',
];
export const CANCELLED_OUTCOMES = [
  'The participant chose to handle this themselves.',
  'No longer needed after the participant moved.',
  'Put on hold at the participant’s request.',
];

export const HANDOUT_NOTES: Record<HandoutMethod, string[]> = {
  printed: [
    'Gave the leaflet and went through the opening times together.',
    'Printed the map and bus route.',
  ],
  email: [
    'Sent the link and the referral form by email.',
    'Emailed the details so they can share them with their partner.',
  ],
  text: ['Texted the phone number and address.', 'Sent the details by text as they prefer.'],
  warm_handoff: [
    'Introduced them in person to the staff member on duty.',
    'Made a three-way call and booked the first visit together.',
  ],
  verbal: ['Talked it through during the session.', 'Mentioned it; they will think about it.'],
};

export interface DemoDecision {
  topic: string;
  options: DecisionOption[];
  priorities: string;
  decision: string;
  nextSteps: string;
}

export const DECISIONS: DemoDecision[] = [
  {
    topic: 'Whether to start the medication the doctor suggested for low mood',
    options: [
      {
        label: 'Start the medication now',
        pros: 'Could help with sleep and energy within a few weeks',
        cons: 'Worried about side effects and weight gain',
      },
      {
        label: 'Try talking therapy first',
        pros: 'Feels more in control of their own recovery',
        cons: 'Waiting list is about eight weeks',
      },
      {
        label: 'Do both together',
        pros: 'Support from two directions',
        cons: 'Feels like a lot to take on at once',
      },
    ],
    priorities: 'Being able to look after the children and keep working part-time.',
    decision: 'Start talking therapy and review medication with the doctor in a month.',
    nextSteps: 'Worker helps complete the self-referral form this week.',
  },
  {
    topic: 'Choosing a peer support group',
    options: [
      {
        label: 'Tuesday evening recovery circle',
        pros: 'Close to home; people of a similar age',
        cons: 'Nervous about speaking in a big group',
      },
      {
        label: 'Online forum',
        pros: 'Can join from home at any time',
        cons: 'Misses seeing people face to face',
      },
    ],
    priorities: 'Meeting people who understand, without feeling put on the spot.',
    decision: 'Join the online forum first and visit the Tuesday group with the worker next month.',
    nextSteps: 'Worker sends the forum sign-up link by text.',
  },
  {
    topic: 'Planning a return to work',
    options: [
      {
        label: 'Phased return over four weeks',
        pros: 'Builds confidence gradually',
        cons: 'Less pay for a month',
      },
      {
        label: 'Wait another month before going back',
        pros: 'More time to settle new routines',
        cons: 'Worried about losing touch with the team',
      },
      {
        label: 'Look for a different role',
        pros: 'A fresh start with less pressure',
        cons: 'Uncertain job market',
      },
    ],
    priorities: 'Keeping the job they enjoy while protecting their recovery.',
    decision: 'Ask the manager for a phased return with reasonable adjustments.',
    nextSteps: 'Draft the request together and send it before the occupational health meeting.',
  },
  {
    topic: 'Where to live after leaving the hostel',
    options: [
      {
        label: 'Stay with their sister for now',
        pros: 'Family support close by',
        cons: 'Overcrowded; strain on the relationship',
      },
      {
        label: 'Apply for supported housing',
        pros: 'Staff on site and other people in recovery',
        cons: 'Could take several months',
      },
      {
        label: 'Private rent with the deposit scheme',
        pros: 'Own front door and more independence',
        cons: 'Rent is high and the area is unfamiliar',
      },
    ],
    priorities: 'Somewhere quiet, away from old contacts, with support nearby.',
    decision: 'Apply for supported housing and stay with their sister in the meantime.',
    nextSteps: 'Worker books an appointment with the housing options team.',
  },
  {
    topic: 'Choosing a way to stop drinking safely',
    options: [
      {
        label: 'Community detox with daily check-ins',
        pros: 'Stays at home with their dog',
        cons: 'Hard to avoid triggers at home',
      },
      {
        label: 'Inpatient detox',
        pros: 'Medical support around the clock',
        cons: 'Two weeks away from family',
      },
      {
        label: 'Cut down slowly with the clinic',
        pros: 'Feels manageable',
        cons: 'Has tried this before without success',
      },
    ],
    priorities: 'Doing it safely and not letting the family down again.',
    decision: 'Community detox, with a friend staying over for the first week.',
    nextSteps: 'Referral to the recovery service for a detox assessment.',
  },
  {
    topic: 'Whether to tell their family about their recovery',
    options: [
      {
        label: 'Tell their mother this month',
        pros: 'Would feel a weight lifted',
        cons: 'Afraid of how she will react',
      },
      {
        label: 'Wait until they feel more settled',
        pros: 'More time to prepare',
        cons: 'Keeping it secret is tiring',
      },
    ],
    priorities: 'Being honest without losing the family’s support.',
    decision: 'Not decided yet; the participant wants more time to think.',
    nextSteps: 'Talk it over again at the next session.',
  },
  {
    topic: 'What to include in a personal crisis plan',
    options: [
      {
        label: 'Keep the crisis line number on their phone',
        pros: 'Always to hand',
        cons: 'Has found phone calls hard in the past',
      },
      {
        label: 'Share the plan with a close friend',
        pros: 'Someone who knows the early signs',
        cons: 'Does not want to be a burden',
      },
      {
        label: 'Use the crisis café in the evenings',
        pros: 'Somewhere calm to go',
        cons: 'Needs a bus to get there',
      },
    ],
    priorities: 'Knowing what to do when evenings get hard.',
    decision: 'Save the text support number and share the plan with their friend.',
    nextSteps: 'Write the plan together and give a copy to the friend.',
  },
  {
    topic: 'Going back to college',
    options: [
      {
        label: 'Enrol for September',
        pros: 'A goal to work towards',
        cons: 'Worried about the workload',
      },
      {
        label: 'Start with a short Recovery College course',
        pros: 'Low pressure; builds confidence',
        cons: 'Does not lead to a qualification',
      },
    ],
    priorities: 'Learning something new without risking their wellbeing.',
    decision: 'Take the short course this term and decide about September afterwards.',
    nextSteps: 'Worker sends the Recovery College prospectus by email.',
  },
];

/**
 * Referral journeys (SPEC §12): the steps after the handout, oldest first.
 * The first few of a team are taken in this order, so every status shows up;
 * the weight is how often a later referral takes the journey.
 */
export const REFERRAL_JOURNEYS: { steps: HandoutOutcome[]; weight: number }[] = [
  { steps: ['contacted', 'scheduled', 'connected'], weight: 5 },
  { steps: ['contacted', 'no_capacity'], weight: 1 },
  { steps: ['contacted', 'scheduled'], weight: 1.5 },
  { steps: ['connected'], weight: 3 },
  { steps: ['contacted'], weight: 1.5 },
  { steps: ['scheduled', 'not_eligible'], weight: 0.7 },
  { steps: ['not_connected'], weight: 1.5 },
  { steps: ['declined'], weight: 1 },
  { steps: ['contacted', 'scheduled', 'connected', 'not_connected', 'connected'], weight: 0.3 },
];

/** What a worker writes with each step: plain, warm, about what the person did. */
export const REFERRAL_STEP_NOTES: Record<HandoutOutcome, string[]> = {
  pending: ['Still thinking it over; we will talk again at the next visit.'],
  contacted: [
    'Called them together from the drop-in; they were friendly and took details.',
    'Sent the email herself and had a reply the same day.',
    'Left a message; the intake worker rang back the next morning.',
  ],
  scheduled: [
    'First appointment booked for next week; bus route sorted.',
    'Intake booked for Thursday morning, with a friend going along.',
    'Has a date for the welcome session and is looking forward to it.',
  ],
  connected: [
    'Went to the first appointment and is going back next week.',
    'Now a regular on Tuesdays and says it helps.',
    'Got the support and is proud of making the call.',
  ],
  not_connected: [
    'Could not get there this month; we will try another option together.',
    'The times did not fit around work; looking for an evening service.',
  ],
  declined: [
    'Decided this is not the right fit for now, and that is their call.',
    'Prefers to lean on family support for this; door left open.',
  ],
  no_capacity: [
    'Waiting list is full until spring; we found a drop-in meanwhile.',
    'No space right now; name is on the list and we check monthly.',
  ],
  not_eligible: [
    'Outside the service area; we looked up the one nearer home together.',
    'Income just over their limit; trying the community fund instead.',
  ],
};

import type { DataSource, EntityManager } from 'typeorm';
import {
  addDays,
  todayIn,
  type AdvocacyCategory,
  type AdvocacyStatus,
  type DecidedBy,
  type DecisionOption,
  type HandoutMethod,
  type HandoutOutcome,
  type ResourceCategory,
} from '@peerpath/shared';
import type { ResolvedConfig } from '../../config/config';

/**
 * Demo advocacy, resource directory, handouts and decision notes: about 40
 * resources in every category, and for each team six months of individual and
 * systemic advocacy (every status, some overdue), handouts (every outcome, some
 * follow-ups due) and shared decision-making notes. Runs after the teams, users
 * and participants exist and reads them from the database; with no participants
 * it still seeds the directory and systemic advocacy. Deterministic (seeded
 * random numbers), batched inserts, one transaction.
 */

interface DemoResource {
  name: string;
  category: ResourceCategory;
  description: string;
  phone: string | null;
  url: string | null;
  address: string | null;
  tags: string[];
  active?: boolean;
}

const RESOURCES: DemoResource[] = [
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

const INDIVIDUAL_ADVOCACY: Record<AdvocacyCategory, string[]> = {
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

const SYSTEMIC_ADVOCACY: { category: AdvocacyCategory; title: string; description: string }[] = [
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

const SYSTEMIC_STATUSES: AdvocacyStatus[] = [
  'done',
  'in_progress',
  'open',
  'cancelled',
  'done',
  'in_progress',
  'open',
];

const DONE_OUTCOMES = [
  'Appointment booked and attended.',
  'Decision overturned on appeal; payments backdated.',
  'Landlord agreed to carry out the repairs within two weeks.',
  'Agreed in writing; the participant is pleased with the result.',
  'Form submitted with supporting letter; award confirmed.',
  'Meeting held and the request was accepted.',
];
const CANCELLED_OUTCOMES = [
  'The participant chose to handle this themselves.',
  'No longer needed after the participant moved.',
  'Put on hold at the participant’s request.',
];

const HANDOUT_NOTES: Record<HandoutMethod, string[]> = {
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

interface DemoDecision {
  topic: string;
  options: DecisionOption[];
  priorities: string;
  decision: string;
  nextSteps: string;
}

const DECISIONS: DemoDecision[] = [
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

/** Reproducible pseudo-random numbers (mulberry32), so the demo looks the same every time. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const weighted = <T extends string>(w: Record<T, number>): T => {
    const entries = Object.entries(w) as [T, number][];
    let r = next() * entries.reduce((s, [, n]) => s + n, 0);
    for (const [k, n] of entries) if ((r -= n) < 0) return k;
    return entries[entries.length - 1][0];
  };
  return { next, int, pick, weighted };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** A created/updated stamp on the record's own day, read in the connection's time zone. */
const stamp = (date: string, hour: number) => `${date} ${String(hour).padStart(2, '0')}:15:00`;

/** Multi-row INSERT in chunks: parameterised, a few statements in all. */
async function insertRows(m: EntityManager, table: string, columns: string[], rows: unknown[][]) {
  const chunk = Math.floor(30_000 / columns.length);
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const params: unknown[] = [];
    const values = part.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
    await m.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`,
      params,
    );
  }
}

interface Person {
  id: string;
  teamId: string;
}
interface DemoParticipant {
  id: string;
  teamId: string;
  primaryWorkerId: string | null;
  enrolledOn: string;
  dischargedOn: string | null;
}

export async function seedDemoRecords(ds: DataSource, config: ResolvedConfig): Promise<void> {
  const today = todayIn(config.orgTimezone);
  const windowStart = addDays(today, -182);
  const rnd = random(20_260_501);

  await ds.transaction(async (m) => {
    const [{ n: existing }] = await m.query(`SELECT count(*)::int AS n FROM resource`);
    if (existing === 0) {
      await insertRows(
        m,
        'resource',
        ['name', 'category', 'description', 'phone', 'url', 'address', 'tags', 'active'],
        RESOURCES.map((r) => [
          r.name,
          r.category,
          r.description,
          r.phone,
          r.url,
          r.address,
          r.tags,
          r.active ?? true,
        ]),
      );
    }
    const resources: { id: string; category: ResourceCategory }[] = await m.query(
      `SELECT id, category FROM resource WHERE active ORDER BY name`,
    );
    const [{ n: already }] = await m.query(
      `SELECT (SELECT count(*) FROM advocacy_action) + (SELECT count(*) FROM handout)
            + (SELECT count(*) FROM decision_note) AS n`,
    );
    if (Number(already) > 0) return;

    const staff: Person[] = await m.query(
      `SELECT id, team_id AS "teamId" FROM app_user
        WHERE active AND role IN ('worker', 'supervisor') AND team_id IS NOT NULL ORDER BY email`,
    );
    const participants: DemoParticipant[] = await m.query(
      `SELECT id, team_id AS "teamId", primary_worker_id AS "primaryWorkerId",
              enrolled_on AS "enrolledOn", discharged_on AS "dischargedOn"
         FROM participant ORDER BY team_id, last_name, first_name, id`,
    );
    const staffOf = new Map<string, string[]>();
    for (const s of staff) staffOf.set(s.teamId, [...(staffOf.get(s.teamId) ?? []), s.id]);
    const workerFor = (p: { teamId: string; primaryWorkerId?: string | null }) => {
      const team = staffOf.get(p.teamId) ?? [];
      if (p.primaryWorkerId && team.includes(p.primaryWorkerId) && rnd.next() < 0.8) {
        return p.primaryWorkerId;
      }
      return rnd.pick(team);
    };

    const advocacy: unknown[][] = [];
    const handouts: unknown[][] = [];
    const notes: unknown[][] = [];

    /** Status, dates and version of an action opened on `openedOn`, older ones further along. */
    const advance = (openedOn: string, given?: AdvocacyStatus) => {
      const age = daysBetween(openedOn, today);
      const status: AdvocacyStatus =
        given ??
        (age > 60
          ? rnd.weighted({ done: 6, cancelled: 1, in_progress: 2, open: 1 })
          : age > 14
            ? rnd.weighted({ done: 3, cancelled: 1, in_progress: 4, open: 2 })
            : rnd.weighted({ open: 5, in_progress: 3, done: 1 }));
      const dueOn = rnd.next() < 0.85 ? addDays(openedOn, rnd.int(10, 45)) : null;
      const completedOn =
        status === 'done' ? earlier(addDays(openedOn, rnd.int(3, Math.max(3, age))), today) : null;
      const outcome =
        status === 'done'
          ? rnd.pick(DONE_OUTCOMES)
          : status === 'cancelled'
            ? rnd.pick(CANCELLED_OUTCOMES)
            : null;
      const version = status === 'open' ? 1 : status === 'in_progress' ? 2 : 3;
      const updatedOn =
        completedOn ??
        (status === 'open' ? openedOn : earlier(addDays(openedOn, rnd.int(1, 10)), today));
      return { status, dueOn, completedOn, outcome, version, updatedOn };
    };

    for (const [teamId, team] of staffOf) {
      // Systemic advocacy: the team's work on the system around participants.
      for (const [i, s] of SYSTEMIC_ADVOCACY.entries()) {
        // Every status in every team: finished work is older, open work recent.
        const status = SYSTEMIC_STATUSES[i % SYSTEMIC_STATUSES.length];
        const openedOn = addDays(today, -(status === 'open' ? rnd.int(5, 50) : rnd.int(30, 180)));
        const a = advance(openedOn, status);
        advocacy.push([
          teamId,
          null,
          'systemic',
          s.category,
          s.title,
          s.description,
          a.status,
          a.outcome,
          openedOn,
          a.dueOn,
          a.completedOn,
          rnd.pick(team),
          a.version,
          stamp(openedOn, rnd.int(9, 16)),
          stamp(a.updatedOn, 17),
        ]);
      }
    }

    for (const p of participants) {
      if (!staffOf.get(p.teamId)?.length) continue;
      const from = later(windowStart, p.enrolledOn);
      const to = earlier(today, p.dischargedOn ?? today);
      const span = daysBetween(from, to);
      if (span < 0) continue;
      const day = () => addDays(from, rnd.int(0, span));

      for (let i = rnd.int(0, 3); i > 0; i--) {
        const category = rnd.weighted<AdvocacyCategory>({
          healthcare_navigation: 5,
          housing: 5,
          benefits: 4,
          legal: 1,
          employment: 2,
          education: 1,
          discrimination: 1,
          policy: 0.3,
          other: 1,
        });
        const openedOn = day();
        const a = advance(openedOn);
        advocacy.push([
          p.teamId,
          p.id,
          'individual',
          category,
          rnd.pick(INDIVIDUAL_ADVOCACY[category]),
          rnd.next() < 0.4 ? 'Agreed together at the last session.' : null,
          a.status,
          a.outcome,
          openedOn,
          a.dueOn,
          a.completedOn,
          workerFor(p),
          a.version,
          stamp(openedOn, rnd.int(9, 16)),
          stamp(a.updatedOn, 17),
        ]);
      }

      for (let i = rnd.int(0, 4); i > 0 && resources.length; i--) {
        const resource = rnd.pick(resources);
        const method = rnd.weighted<HandoutMethod>({
          printed: 3,
          email: 2,
          text: 3,
          warm_handoff: 2,
          verbal: 2,
        });
        const givenOn = day();
        const followUpOn = rnd.next() < 0.8 ? addDays(givenOn, rnd.int(5, 21)) : null;
        let outcome: HandoutOutcome = 'pending';
        let outcomeOn: string | null = null;
        if (followUpOn && followUpOn <= today && rnd.next() < 0.7) {
          outcome = rnd.weighted({ connected: 6, not_connected: 2, declined: 1.5 });
        } else if (!followUpOn && daysBetween(givenOn, today) > 10 && rnd.next() < 0.5) {
          outcome = rnd.weighted({ connected: 3, not_connected: 1, declined: 2 });
        }
        if (outcome !== 'pending') {
          const base = followUpOn ?? givenOn;
          outcomeOn = earlier(addDays(base, rnd.int(-2, 4)), today);
          outcomeOn = later(outcomeOn, givenOn);
        }
        handouts.push([
          p.teamId,
          p.id,
          resource.id,
          workerFor(p),
          givenOn,
          method,
          rnd.next() < 0.7 ? rnd.pick(HANDOUT_NOTES[method]) : null,
          followUpOn,
          outcome,
          outcomeOn,
          stamp(givenOn, rnd.int(9, 16)),
          stamp(outcomeOn ?? givenOn, 17),
        ]);
      }

      for (let i = rnd.next() < 0.6 ? rnd.int(1, 2) : 0; i > 0; i--) {
        const d = rnd.pick(DECISIONS);
        const discussedOn = day();
        const undecided = d.decision.startsWith('Not decided');
        const decidedBy: DecidedBy = undecided
          ? 'deferred'
          : rnd.weighted({ shared: 5, participant: 3, deferred: 0.5 });
        notes.push([
          p.teamId,
          p.id,
          workerFor(p),
          discussedOn,
          d.topic,
          JSON.stringify(d.options),
          d.priorities,
          decidedBy === 'deferred' ? null : d.decision,
          decidedBy,
          d.nextSteps,
          rnd.next() < 0.6 ? addDays(discussedOn, rnd.int(7, 35)) : null,
          stamp(discussedOn, rnd.int(9, 16)),
          stamp(discussedOn, 17),
        ]);
      }
    }

    await insertRows(
      m,
      'advocacy_action',
      [
        'team_id',
        'participant_id',
        'level',
        'category',
        'title',
        'description',
        'status',
        'outcome',
        'opened_on',
        'due_on',
        'completed_on',
        'worker_id',
        'version',
        'created_at',
        'updated_at',
      ],
      advocacy,
    );
    await insertRows(
      m,
      'handout',
      [
        'team_id',
        'participant_id',
        'resource_id',
        'worker_id',
        'given_on',
        'method',
        'note',
        'follow_up_on',
        'outcome',
        'outcome_on',
        'created_at',
        'updated_at',
      ],
      handouts,
    );
    await insertRows(
      m,
      'decision_note',
      [
        'team_id',
        'participant_id',
        'worker_id',
        'discussed_on',
        'topic',
        'options',
        'participant_priorities',
        'decision',
        'decided_by',
        'next_steps',
        'follow_up_on',
        'created_at',
        'updated_at',
      ],
      notes,
    );
  });
}

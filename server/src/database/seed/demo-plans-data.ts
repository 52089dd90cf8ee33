import type { LifeArea, NoteFormat, WellnessSection } from '@peerpath/shared';

/**
 * The words of the demo recovery plans and session notes. Plans are in the
 * person's own first-person words; notes are the worker's, and never name
 * anyone (a group note speaks of "the group", never of another attendee).
 */

export interface GoalIdea {
  statement: string;
  steps: string[];
}

// prettier-ignore
export const GOALS: Record<LifeArea, GoalIdea[]> = {
  emotional: [
    { statement: 'I want to notice when I’m getting overwhelmed and do something kind for myself before it spirals.', steps: ['Write down three signs that I’m getting overwhelmed', 'Try the breathing exercise from group twice a week', 'Text my sister when I notice the signs'] },
    { statement: 'I’d like to get through a bad day without shutting everyone out.', steps: ['Tell one person when I’m having a bad day', 'Keep my coping card in my wallet'] },
    { statement: 'I want to feel less anxious when I leave the house.', steps: ['Walk to the corner shop and back three times a week', 'Take the bus one stop with my peer worker', 'Go to the library on my own'] },
  ],
  environmental: [
    { statement: 'I want a place of my own that feels safe and calm.', steps: ['Fill in the housing application', 'Visit two flats with my peer worker', 'Ask about the furniture bank'] },
    { statement: 'I’d like my room to be somewhere I actually want to spend time.', steps: ['Clear the desk so I can sit there', 'Put up the photos from my nan', 'Get a lamp that isn’t so harsh'] },
    { statement: 'I want to keep my tenancy and get on with my neighbours.', steps: ['Set up a reminder for rent day', 'Go to the tenants’ meeting once'] },
  ],
  financial: [
    { statement: 'I want to stop dreading opening my post.', steps: ['Open the post with my peer worker once a week', 'Sort letters into “do now” and “can wait”', 'Call the debt advice line'] },
    { statement: 'I’d like to have a little money left at the end of the month.', steps: ['Write down what I spend for two weeks', 'Try the budgeting sheet from the education group', 'Put a little aside each week'] },
    { statement: 'I want to sort out my benefits so I’m getting what I’m entitled to.', steps: ['Book an appointment at the welfare rights clinic', 'Gather my letters in one folder'] },
  ],
  intellectual: [
    { statement: 'I want to start reading again, even just a few pages a night.', steps: ['Get a library card', 'Read for ten minutes before bed'] },
    { statement: 'I’d like to finish the English course I started before I got ill.', steps: ['Call the college about starting again', 'Find a quiet place to study twice a week'] },
    { statement: 'I want to learn to use a computer well enough to apply for things online.', steps: ['Go to the free computer class at the library', 'Set up my own email address'] },
  ],
  occupational: [
    { statement: 'I want to do something useful with my days, maybe volunteering.', steps: ['Look at the volunteer board at the community centre', 'Try one shift at the food bank', 'Talk about how it went in our next session'] },
    { statement: 'I’d like to get back to work part-time by the summer.', steps: ['Update my CV with my peer worker', 'Practise talking about the gap in my work history', 'Apply for two jobs'] },
    { statement: 'I want to keep my job and not let stress push me out again.', steps: ['Ask my manager about a regular check-in', 'Take my full lunch break every day'] },
  ],
  physical: [
    { statement: 'I want to sleep through the night more often than not.', steps: ['Same bedtime on weeknights', 'No phone in bed', 'Keep a sleep diary for two weeks'] },
    { statement: 'I’d like to get my body moving again — walking, nothing fancy.', steps: ['Walk round the park twice a week', 'Join the Saturday walking group'] },
    { statement: 'I want to stay sober one day at a time and feel proud of it.', steps: ['Go to a mutual aid meeting every week', 'Call my sponsor when cravings hit', 'Mark each week on my calendar'] },
    { statement: 'I want to eat at least one proper meal a day.', steps: ['Try two recipes from the cooking group', 'Keep easy food in the cupboard'] },
  ],
  social: [
    { statement: 'I want to rebuild my relationship with my daughter.', steps: ['Send her a birthday card', 'Ask if we can meet for coffee', 'Talk in session about what I want to say'] },
    { statement: 'I’d like to have people around me who get it.', steps: ['Come to the support group three weeks running', 'Swap numbers with one person from group'] },
    { statement: 'I want to feel less lonely in the evenings.', steps: ['Find one evening activity near me', 'Phone a friend on Sunday nights'] },
  ],
  spiritual: [
    { statement: 'I want to find some peace again, the way I used to at church.', steps: ['Visit the church on the high street', 'Try the quiet hour on Thursday mornings'] },
    { statement: 'I’d like to feel that my life has a purpose beyond just getting through the day.', steps: ['Write about what mattered to me before', 'Talk about it in session'] },
    { statement: 'I want to spend time outdoors because that’s where I feel most like myself.', steps: ['Go to the allotment once a week', 'Sit by the river when things get loud in my head'] },
  ],
};

// prettier-ignore
export const STRENGTHS = [
  'I’m stubborn in a good way — once I decide something, I stick with it. I’m good with my hands and I love animals.',
  'I’m a good listener and people tell me I’m kind. I’ve got through a lot already and I’m still here.',
  'I’m funny and I can make people feel at ease. I cook a mean curry. My dog keeps me going.',
  'I’m organised when I’m well, and I’m honest with people. I’ve stayed sober before, so I know I can do it.',
  'I’m creative — I draw and I write songs. My gran believes in me and so does my peer worker.',
  'I know a lot about cars and I like helping people fix things. I show up when I say I will.',
  'I’m curious and I like learning. I’ve got a good friend from school who still checks in on me.',
  'I’m a hard worker and I care about my kids more than anything. I ask for help now, which I never used to.',
];

// prettier-ignore
export const WHAT_MATTERS = [
  'Being a good parent to my two, and having a home they want to visit.',
  'Feeling calm enough to enjoy the small things — a cup of tea in the garden, music, my cat on my lap.',
  'Staying out of hospital and being the one who makes decisions about my life.',
  'My faith, my family, and being useful to someone.',
  'Getting my confidence back so I can work again and pay my own way.',
  'Having people around me who don’t judge me, and being that person for someone else one day.',
  'Being honest with myself and staying clean for my grandson.',
  'Music, being outdoors, and not feeling so alone.',
];

// prettier-ignore
export const WELLNESS: Record<WellnessSection, string>[] = [
  {
    toolbox: 'Walking the dog, calling my sister, a hot shower, the playlist on my phone, drawing.',
    dailyMaintenance: 'Get up by 9, eat breakfast, take my meds, get outside for at least 15 minutes, text someone.',
    triggers: 'Letters from the council. Arguments with my ex. The anniversary in March. Being skint near the end of the month.',
    earlyWarningSigns: 'I stop answering my phone. I sleep in past noon. I stop showering. I start thinking everyone is better off without me.',
    whenThingsBreakDown: 'I can’t get out of bed for days, I’m not eating, and I’m not making sense to the people who know me.',
    crisisPlan: 'Call my sister Jo first, then my peer worker. If I’m not safe, call the crisis line or go to the emergency department with Jo. Please don’t call my ex. I’d rather go to the crisis house than hospital if there’s a bed.',
    postCrisis: 'I need a quiet few days, help with shopping, and someone to check in daily. I’ll know I’m ready when I’m walking the dog again.',
  },
  {
    toolbox: 'Mutual aid meetings, my sponsor, the gym, cooking, prayer.',
    dailyMaintenance: 'Morning reading, a proper meal, no pubs, a check-in call, bed by 11.',
    triggers: 'Payday. Seeing old friends from the estate. Being bored on a Friday night. Feeling judged at the job centre.',
    earlyWarningSigns: 'I start skipping meetings and tell myself I’m fine. I get snappy. I go past the off-licence “just to look”.',
    whenThingsBreakDown: 'I’ve picked up, or I’m planning to. I stop telling the truth to the people who care about me.',
    crisisPlan: 'Call my sponsor or my peer worker straight away, day or night. Go to a meeting that day. If I’ve been using heavily, get to the drop-in for a health check. Don’t leave me alone with cash.',
    postCrisis: 'No shame talk — just a plan for the next 24 hours. Get back to meetings, tell my sponsor everything, start my count again.',
  },
  {
    toolbox: 'Breathing 4-7-8, the weighted blanket, colouring, rain sounds, my friend Ade.',
    dailyMaintenance: 'Keep to my routine, limit the news, one thing I enjoy every day.',
    triggers: 'Crowds, loud noises, people shouting, not knowing what’s going to happen next.',
    earlyWarningSigns: 'I stop sleeping, my chest goes tight, I can’t sit still, I avoid going out.',
    whenThingsBreakDown: 'Panic attacks every day, not leaving the flat at all, not eating.',
    crisisPlan: 'Ring Ade or my peer worker. Use the crisis text line if I can’t talk. I do better with someone coming to me than going somewhere new.',
    postCrisis: 'Small steps: the corner shop, then the park, then group. Someone to come with me the first time back.',
  },
  {
    toolbox: 'Gardening, church, my grandkids’ drawings, a bath, writing in my journal.',
    dailyMaintenance: 'Meds with breakfast, water the plants, sit outside, phone my daughter every other day.',
    triggers: 'Not sleeping for two nights, big changes, money worries, people talking over me at appointments.',
    earlyWarningSigns: 'I start spending money I don’t have and talking very fast. I stop sleeping and feel like I don’t need to.',
    whenThingsBreakDown: 'I make big decisions I regret, or I can’t get out of bed at all.',
    crisisPlan: 'My daughter has my advance statement. Call her and my care coordinator. I agree to someone holding my bank card for a while. I prefer the ward at St Anne’s.',
    postCrisis: 'Time in the garden, a gentle routine, no big decisions for a month, and a review of my plan with my peer worker.',
  },
];

/** What a group covered: the start of each attendee's note from that session. */
// prettier-ignore
export const GROUP_COVERED = [
  'The group talked about what gets in the way of asking for help, and shared one small thing that helped this week.',
  'The group worked on spotting early warning signs and what to do when they show up.',
  'The group looked at sleep: routines, screens, and what to try on a restless night.',
  'The group shared what a good day looks like now and what made it possible.',
  'The group talked about money worries and the support available locally.',
  'The group practised a grounding exercise and talked about using it outside the room.',
  'The group discussed how to talk with family about recovery.',
  'The group set one small goal each for the coming week.',
];

/** A one-to-one conversation, as the worker would summarise it (no names). */
// prettier-ignore
export const ONE_TO_ONE = [
  'Met to talk through the week. Shared that the mornings have been hard but managed to get out for a walk twice.',
  'Talked about the housing application and went through the form together step by step.',
  'Spent the session on what has been helping with sleep and what has not.',
  'Went through the post together; sorted the letters into urgent and not urgent and made two phone calls.',
  'Talked about reconnecting with family and what a first message could say.',
  'Checked in after a difficult weekend; talked through what happened and what helped get through it.',
  'Talked about volunteering options and looked at the community centre board together.',
  'Reviewed progress on the plan and celebrated a step completed this week.',
];

// prettier-ignore
export const RESPONSES = [
  'Engaged well and spoke openly. Said it helped to say it out loud.',
  'Quiet at first, then shared more as the session went on. Said feeling heard made a difference.',
  'Came in low but left with a clear next step and seemed lighter.',
  'Talked with real pride about the progress made and asked good questions.',
  'Found parts of this hard to talk about; we took it at their pace.',
  'Laughed a lot today and was full of ideas.',
];

// prettier-ignore
export const INTERVENTIONS = [
  'Listened, shared some of my own experience of the same thing, and offered the coping card we made together.',
  'Used shared decision-making to weigh up the options; offered information on local services.',
  'Gave encouragement and reflected back the strengths I noticed.',
  'Modelled a grounding exercise and practised it together.',
  'Helped break the next step into something small and doable.',
];

// prettier-ignore
export const PLANS = [
  'Meet again next week; will bring the letters.',
  'Try the breathing exercise twice before we next meet.',
  'Will phone the housing office before Friday; I will check in by text.',
  'Keep going to group; we will review the plan together next month.',
  'Will try one new thing from the toolbox this week.',
];

// prettier-ignore
export const ASSESSMENTS = [
  'Steady progress toward the goals in the plan; more confident than last month.',
  'Some setbacks this week but using supports well; no concerns for safety.',
  'Motivated and making use of the group; the plan still fits.',
  'Tired and stretched; would benefit from more contact over the next few weeks.',
];

// prettier-ignore
export const BEHAVIORS = [
  'Arrived on time, made good eye contact, and joined in readily.',
  'Arrived late and a bit flat, warmed up over the session.',
  'Calm and focused; talked easily about the week.',
  'Restless at the start; settled after a short walk outside.',
];

export const RETURN_COMMENT =
  'Could you say a little more about which goal this worked on and what the next step is? Otherwise good to sign.';

// prettier-ignore
export const ADDENDA = [
  'Called back the next day as agreed: the appointment is booked for next Tuesday.',
  'Correction: the walking group meets on Sundays, not Saturdays.',
];

/** The note formats each demo team writes in. */
export const TEAM_NOTE_FORMATS: Record<string, NoteFormat> = {
  'Northside Recovery Hub': 'free',
  'Riverside Peer Collective': 'girp',
};

/** The worker of each demo team whose signed notes wait for a supervisor's co-signature. */
export const COSIGN_REQUIRED = ['Sam Whitfield', 'Robin MacLeod'];

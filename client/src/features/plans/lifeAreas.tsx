import DirectionsWalkOutlined from '@mui/icons-material/DirectionsWalkOutlined';
import FavoriteBorderOutlined from '@mui/icons-material/FavoriteBorderOutlined';
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import LightbulbOutlined from '@mui/icons-material/LightbulbOutlined';
import PeopleOutlineOutlined from '@mui/icons-material/PeopleOutlineOutlined';
import SavingsOutlined from '@mui/icons-material/SavingsOutlined';
import SpaOutlined from '@mui/icons-material/SpaOutlined';
import WorkOutlineOutlined from '@mui/icons-material/WorkOutlineOutlined';
import { LABELS, type LifeArea, type RecoveryPlan, type WellnessSection } from '@peerpath/shared';
import type { ReactNode } from 'react';
import { formatDate } from '../../lib/dates';

/** Each of the eight dimensions of wellness: a friendly name, an icon and a question to start from. */
export const LIFE_AREA: Record<LifeArea, { label: string; icon: ReactNode; prompt: string }> = {
  emotional: {
    label: LABELS.lifeArea.emotional,
    icon: <FavoriteBorderOutlined />,
    prompt: 'How do you want to feel, day to day?',
  },
  environmental: {
    label: LABELS.lifeArea.environmental,
    icon: <HomeOutlined />,
    prompt: 'Where do you want to live, and what would make it feel safe and yours?',
  },
  financial: {
    label: LABELS.lifeArea.financial,
    icon: <SavingsOutlined />,
    prompt: 'What would make money feel less of a worry?',
  },
  intellectual: {
    label: LABELS.lifeArea.intellectual,
    icon: <LightbulbOutlined />,
    prompt: 'What would you like to learn, read or try?',
  },
  occupational: {
    label: LABELS.lifeArea.occupational,
    icon: <WorkOutlineOutlined />,
    prompt: 'What work, volunteering or daily purpose do you want?',
  },
  physical: {
    label: LABELS.lifeArea.physical,
    icon: <DirectionsWalkOutlined />,
    prompt: 'What would help your body feel better — sleep, food, moving?',
  },
  social: {
    label: LABELS.lifeArea.social,
    icon: <PeopleOutlineOutlined />,
    prompt: 'Who do you want in your life, and how often?',
  },
  spiritual: {
    label: LABELS.lifeArea.spiritual,
    icon: <SpaOutlined />,
    prompt: 'What gives your life meaning?',
  },
};

/** The prompt under each section of a wellness recovery action plan, asked in the person's words. */
export const WELLNESS_PROMPT: Record<WellnessSection, string> = {
  toolbox: 'Things that help me feel better — people, places, activities.',
  dailyMaintenance: 'What I do on a good day to stay well.',
  triggers: 'Things that can knock me off balance, and what I can do about them.',
  earlyWarningSigns: 'Small signs that I am starting to struggle, and what helps then.',
  whenThingsBreakDown: 'How I am when things are much worse, and what I need from others.',
  crisisPlan: 'Who to call, what helps, what does not, and what I want people to do in a crisis.',
  postCrisis: 'What helps me get back on my feet afterwards.',
};

/** "This is version 3, agreed on 4 Dec 2026" and its kin, in plain words. */
export function versionLine(plan: RecoveryPlan): string {
  if (plan.status === 'draft') return 'This is a draft — not agreed yet';
  const agreed = plan.participantAgreedOn
    ? `, agreed on ${formatDate(plan.participantAgreedOn)}`
    : '';
  if (plan.status === 'superseded') {
    return `This is version ${plan.versionNo}${agreed}. It was replaced on ${formatDate(plan.supersededOn)}.`;
  }
  return `This is version ${plan.versionNo}${agreed}`;
}

import { Cents, formatCents } from '../common/points';
import { HoursGradePreset } from '../config/app-config';

/** Cumulative service hours for one to five stars (志愿服务记录办法 2012; Dalian's local grades). */
export const HOURS_GRADE_THRESHOLDS: Record<HoursGradePreset, readonly number[]> = {
  national: [100, 300, 600, 1000, 1500],
  dalian: [50, 150, 300, 800, 1500],
};

export interface HoursGrade {
  preset: HoursGradePreset;
  stars: number;
  /** Hours at which the next star is reached ("300.00"); null at five stars. */
  nextAtHours: string | null;
}

/** Stars from cumulative hours (in hundredths): each threshold reached is one star. */
export function hoursGrade(preset: HoursGradePreset, totalHours: Cents): HoursGrade {
  const thresholds = HOURS_GRADE_THRESHOLDS[preset];
  const stars = thresholds.filter((hours) => totalHours >= hours * 100).length;
  const next = thresholds[stars];
  return {
    preset,
    stars,
    nextAtHours: next === undefined ? null : formatCents(next * 100),
  };
}

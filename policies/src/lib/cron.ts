/**
 * Cloud Scheduler schedules for policy checks: which cron texts the API takes and the smallest gap
 * between two consecutive runs. Parsing and next-run maths are croner's (a published, dependency-free
 * cron library); this module only narrows croner's wider dialect to Cloud Scheduler's
 * (docs/rules.md R2.2-R2.7) and reads the legacy English format (R2.8) for its
 * "every N minutes/hours" and "every day HH:MM" forms.
 *
 * Times are evaluated at UTC offset 0, so gaps are wall-clock gaps in the job's zone: a DST change
 * can make one real interval an hour shorter or longer (R3.3), which this check does not model.
 * The program resolves H tokens before it registers a job, so the pack never sees one.
 */
import { Cron } from "croner";

export class CronError extends Error {
    /** The rule of docs/rules.md that the schedule breaks. */
    readonly rule: string;

    constructor(message: string, rule: string) {
        super(`${message} (${rule})`);
        this.rule = rule;
    }
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const FIELD_NAMES = "minute hour day-of-month month day-of-week";

/** croner features Cloud Scheduler does not take, found after month and day names are removed. */
const UNSUPPORTED: Array<[RegExp, (token: string) => string, string]> = [
    [/L/i, () => '"L" is not supported by Cloud Scheduler', "R2.5"],
    [/[W#?+]/i, (t) => `"${t}" is not supported by Cloud Scheduler (not part of unix-cron)`, "R2.6"],
    [/H/i, () => '"H" tokens are resolved by the program before a job is registered; the API takes numbers', "R2.2"],
];

/**
 * The largest step of each field (R2.4): its largest value, as the program (cron-utils) takes it, where croner
 * takes the span (60 minutes, 24 hours); after a day-of-week range, 6.
 */
const LARGEST_STEP = [59, 23, 31, 12, 7];
const LARGEST_STEP_AFTER_DAY_RANGE = 6;

/** A step larger than its field takes, with the field, the step and the allowed steps. */
function stepTooLarge(fields: string[]): CronError | undefined {
    for (const [i, field] of fields.entries()) {
        for (const item of field.split(",")) {
            const step = /^(.*)\/(\d+)$/.exec(item);
            if (!step) continue;
            const afterRange = i === 4 && step[1] !== "*";
            const largest = afterRange ? LARGEST_STEP_AFTER_DAY_RANGE : LARGEST_STEP[i];
            if (Number(step[2]) > largest) {
                const name = FIELD_NAMES.split(" ")[i];
                return new CronError(`the ${name} field "${field}": the step /${step[2]} is outside 1..${largest}${afterRange ? " after a range" : ""}`, "R2.4");
            }
        }
    }
    return undefined;
}

/** croner's messages for syntax (R2.4) rather than out-of-range values (R2.2). */
const SYNTAX_ERROR = /step|larger than|empty/i;

/** A parsed unix-cron schedule (5 fields). */
export interface CronSchedule {
    /** The first run strictly after `from`, wall-clock at offset 0; undefined when it never runs again. */
    nextAfter(from: Date): Date | undefined;
}

/** Parses a 5-field unix-cron expression in Cloud Scheduler's dialect; throws CronError with a readable reason. */
export function parseCron(expression: string): CronSchedule {
    const text = expression.trim();
    if (text.startsWith("@")) {
        throw new CronError(`macros such as "${text.split(/\s+/)[0]}" are not supported; write the 5 fields`, "R2.6");
    }
    const fields = text.split(/\s+/);
    if (fields.length !== 5) {
        throw new CronError(`expected 5 fields (${FIELD_NAMES}), found ${fields.length}`, "R2.2");
    }
    const withoutNames = text.replace(/[A-Z]{3}/gi, (w) => (MONTHS.includes(w.toUpperCase()) || DAYS.includes(w.toUpperCase()) ? "" : w));
    for (const [pattern, reason, rule] of UNSUPPORTED) {
        const found = pattern.exec(withoutNames);
        if (found) {
            throw new CronError(reason(found[0]), rule);
        }
    }
    const step = stepTooLarge(fields);
    if (step) {
        throw step;
    }
    let cron: Cron;
    try {
        // mode "5-part": no seconds or year field; domAndDow false: day-of-month OR day-of-week (R2.7);
        // sloppyRanges stays off, so a step follows only * or a range (R2.4).
        cron = new Cron(text, { mode: "5-part", utcOffset: 0, domAndDow: false, paused: true });
    } catch (e) {
        const message = (e as Error).message.replace(/^CronPattern:\s*/, "");
        throw new CronError(`"${text}" is not a valid cron expression: ${message}`, SYNTAX_ERROR.test(message) ? "R2.4" : "R2.2");
    }
    return { nextAfter: (from) => cron.nextRun(from) ?? undefined };
}

export interface Interval {
    /** Smallest number of minutes between two consecutive runs; Infinity if it runs at most once. */
    minutes: number;
    /** Two consecutive run times ("HH:MM") that are that close, for messages. */
    example?: [string, string];
    /** True when no calendar day ever matches (e.g. "0 0 31 2 *"). */
    never?: boolean;
    /** True when the schedule used the legacy English format. */
    legacy?: boolean;
}

const MINUTE_MS = 60_000;
const DAY = 1440;
const DAY_MS = DAY * MINUTE_MS;
/** 28 years: one full cycle of weekdays and leap years (valid for 1901-2099). */
const CYCLE_START = Date.UTC(2000, 0, 1);
const CYCLE_END = CYCLE_START + 10227 * DAY_MS;

function hhmm(minuteOfDay: number): string {
    const h = Math.floor(minuteOfDay / 60);
    const m = minuteOfDay % 60;
    return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

function startOfDay(t: Date): number {
    return t.getTime() - (t.getTime() % DAY_MS);
}

/**
 * The smallest gap between consecutive runs. Every matching day has the same run times (the minute and
 * hour fields), so the gaps are those within one day and those from the last run of a matching day to
 * the first run of the next; the latter are found by asking croner for the next run after each day's
 * last one, over one 28-year cycle (or until two matching days are adjacent).
 */
export function cronInterval(schedule: CronSchedule): Interval {
    const first = schedule.nextAfter(new Date(CYCLE_START - MINUTE_MS));
    if (!first || first.getTime() >= CYCLE_END) {
        return { minutes: Infinity, never: true };
    }
    const day = startOfDay(first);
    const times: number[] = [];
    for (let t: Date | undefined = first; t && t.getTime() < day + DAY_MS; t = schedule.nextAfter(t)) {
        times.push((t.getTime() - day) / MINUTE_MS);
    }

    let best = Infinity;
    let example: [string, string] | undefined;
    for (let i = 1; i < times.length; i++) {
        const gap = times[i] - times[i - 1];
        if (gap < best) {
            best = gap;
            example = [hhmm(times[i - 1]), hhmm(times[i])];
        }
    }

    const firstTime = times[0];
    const lastTime = times[times.length - 1];
    let minDayGap = Infinity;
    for (let d = day; minDayGap > 1; ) {
        const next = schedule.nextAfter(new Date(d + lastTime * MINUTE_MS));
        if (!next || next.getTime() >= CYCLE_END) {
            break;
        }
        const nextDay = startOfDay(next);
        minDayGap = Math.min(minDayGap, (nextDay - d) / DAY_MS);
        d = nextDay;
    }
    if (minDayGap !== Infinity) {
        const gap = minDayGap * DAY - lastTime + firstTime;
        if (gap < best) {
            best = gap;
            example = [hhmm(lastTime), hhmm(firstTime) + (minDayGap === 1 ? " the next day" : ` ${minDayGap} days later`)];
        }
    }
    return { minutes: best, example };
}

/**
 * Legacy App Engine cron ("every 5 minutes", "every 2 hours from 09:00 to 17:00",
 * "every day 03:00"). Returns undefined when the text is not in a form understood here.
 */
export function legacyInterval(expression: string): Interval | undefined {
    const text = expression.trim().toLowerCase().replace(/\s+/g, " ");
    const every = /^every (\d+) (minutes?|mins?|hours?)(?: (?:synchronized|from \d{1,2}:\d{2} to \d{1,2}:\d{2}))?$/.exec(text);
    if (every) {
        const n = Number(every[1]);
        if (n < 1) {
            return undefined;
        }
        return { minutes: every[2].startsWith("h") ? n * 60 : n, legacy: true };
    }
    if (/^every (?:day|24 hours) \d{1,2}:\d{2}$/.test(text)) {
        return { minutes: DAY, legacy: true };
    }
    // "every monday 09:00", "every mon,wed,fri 09:00": at most once a day, a day or more apart.
    if (/^every (?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?)+ \d{1,2}:\d{2}$/.test(text)) {
        return { minutes: DAY, legacy: true };
    }
    return undefined;
}

/** True when the text looks like the legacy English format rather than unix-cron. */
export function looksLegacy(expression: string): boolean {
    return /^\s*(every|\d+(st|nd|rd|th)|first|second|third|fourth|fifth|last)\b/i.test(expression);
}

/**
 * The smallest gap between consecutive runs of a schedule in either format.
 * Throws CronError when the schedule cannot be understood.
 */
export function scheduleInterval(expression: string): Interval {
    if (looksLegacy(expression)) {
        const legacy = legacyInterval(expression);
        if (!legacy) {
            throw new CronError(`legacy schedule format "${expression}" is not understood here (only "every N minutes|hours" and "every day HH:MM"); write it as unix-cron`, "R2.8");
        }
        return legacy;
    }
    return cronInterval(parseCron(expression));
}

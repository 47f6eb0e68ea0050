/**
 * Just enough unix-cron for policy checks: parse the 5-field format Cloud Scheduler accepts
 * (cloud-scheduler-rules.md R2.2-R2.7) and compute the smallest gap between two consecutive runs.
 * The legacy English format (R2.8) is understood for its "every N minutes/hours" and
 * "every day HH:MM" forms; anything else is reported as not understood.
 *
 * Gaps are wall-clock gaps in the job's time zone: a DST change can make one real interval an
 * hour shorter or longer (R3.3), which this check does not model.
 */

export class CronError extends Error {}

export interface CronSpec {
    minutes: number[];
    hours: number[];
    daysOfMonth: Set<number>;
    months: Set<number>;
    daysOfWeek: Set<number>;
    /** Classic cron: a field that starts with '*' counts as unrestricted (R2.7). */
    domRestricted: boolean;
    dowRestricted: boolean;
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface FieldDef {
    name: string;
    min: number;
    max: number;
    names?: string[];
    /** Value of names[0]. */
    namesBase?: number;
}

const FIELDS: FieldDef[] = [
    { name: "minute", min: 0, max: 59 },
    { name: "hour", min: 0, max: 23 },
    { name: "day-of-month", min: 1, max: 31 },
    { name: "month", min: 1, max: 12, names: MONTHS, namesBase: 1 },
    // 7 is Sunday too (R2.2); folded to 0 after parsing.
    { name: "day-of-week", min: 0, max: 7, names: DAYS, namesBase: 0 },
];

function parseValue(text: string, f: FieldDef): number {
    if (/^\d+$/.test(text)) {
        const v = Number(text);
        if (v < f.min || v > f.max) {
            throw new CronError(`${f.name} value ${v} is outside ${f.min}-${f.max}`);
        }
        return v;
    }
    const i = f.names ? f.names.indexOf(text.toUpperCase()) : -1;
    if (i < 0) {
        throw new CronError(`${f.name} value "${text}" is not a number${f.names ? " or name" : ""}`);
    }
    return i + (f.namesBase ?? 0);
}

function parseField(text: string, f: FieldDef): Set<number> {
    const out = new Set<number>();
    for (const item of text.split(",")) {
        const m = /^([^/]+)(?:\/(\d+))?$/.exec(item);
        if (!m) {
            throw new CronError(`${f.name} field "${text}": "${item}" is not valid cron syntax`);
        }
        const [, range, stepText] = m;
        const step = stepText === undefined ? 1 : Number(stepText);
        if (step < 1) {
            throw new CronError(`${f.name} field "${text}": step must be at least 1`);
        }
        let lo: number;
        let hi: number;
        if (range === "*") {
            lo = f.min;
            hi = f.max;
        } else if (range.includes("-")) {
            const [a, b, ...rest] = range.split("-");
            if (rest.length > 0 || a === "" || b === "") {
                throw new CronError(`${f.name} field "${text}": "${range}" is not a range`);
            }
            lo = parseValue(a, f);
            hi = parseValue(b, f);
            if (lo > hi) {
                throw new CronError(`${f.name} field "${text}": range ${range} runs backwards`);
            }
        } else {
            lo = parseValue(range, f);
            // "5/15" (start/step) is a widespread extension meaning 5-max/15.
            hi = stepText === undefined ? lo : f.max;
        }
        for (let v = lo; v <= hi; v += step) {
            out.add(v);
        }
    }
    return out;
}

/** Parses a 5-field unix-cron expression; throws CronError with a readable reason. */
export function parseCron(expression: string): CronSpec {
    const text = expression.trim();
    if (text.startsWith("@")) {
        throw new CronError(`macros such as "${text.split(/\s+/)[0]}" are not supported (R2.6); write the 5 fields`);
    }
    const fields = text.split(/\s+/);
    if (fields.length !== 5) {
        throw new CronError(`expected 5 fields (minute hour day-of-month month day-of-week), found ${fields.length}`);
    }
    const bad = /[LW#?]/i.exec(fields.join(" ").replace(/[A-Z]{3}/gi, (w) => (MONTHS.includes(w.toUpperCase()) || DAYS.includes(w.toUpperCase()) ? "" : w)));
    if (bad) {
        throw new CronError(`"${bad[0]}" is not supported by Cloud Scheduler (R2.5, R2.6)`);
    }
    const sets = fields.map((t, i) => parseField(t, FIELDS[i]));
    const dows = sets[4];
    if (dows.has(7)) {
        dows.delete(7);
        dows.add(0);
    }
    return {
        minutes: [...sets[0]].sort((a, b) => a - b),
        hours: [...sets[1]].sort((a, b) => a - b),
        daysOfMonth: sets[2],
        months: sets[3],
        daysOfWeek: dows,
        domRestricted: !fields[2].startsWith("*"),
        dowRestricted: !fields[4].startsWith("*"),
    };
}

function dayMatches(spec: CronSpec, date: Date): boolean {
    if (!spec.months.has(date.getUTCMonth() + 1)) {
        return false;
    }
    const dom = spec.daysOfMonth.has(date.getUTCDate());
    const dow = spec.daysOfWeek.has(date.getUTCDay());
    if (spec.domRestricted && spec.dowRestricted) {
        return dom || dow;
    }
    return dom && dow;
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

const DAY = 1440;
/** 28 years: one full cycle of weekdays and leap years (valid for 1901-2099). */
const CYCLE_START = Date.UTC(2000, 0, 1);
const CYCLE_DAYS = 10227;

function hhmm(minuteOfDay: number): string {
    const h = Math.floor(minuteOfDay / 60);
    const m = minuteOfDay % 60;
    return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** The smallest gap between consecutive runs of a parsed cron expression. */
export function cronInterval(spec: CronSpec): Interval {
    const times: number[] = [];
    for (const h of spec.hours) {
        for (const m of spec.minutes) {
            times.push(h * 60 + m);
        }
    }
    times.sort((a, b) => a - b);

    let best = Infinity;
    let example: [string, string] | undefined;
    for (let i = 1; i < times.length; i++) {
        const gap = times[i] - times[i - 1];
        if (gap < best) {
            best = gap;
            example = [hhmm(times[i - 1]), hhmm(times[i])];
        }
    }

    // Gap across midnight: from the last run of one matching day to the first run of the next.
    let previous: number | undefined;
    let minDayGap = Infinity;
    let matchingDays = 0;
    for (let d = 0; d < CYCLE_DAYS; d++) {
        if (dayMatches(spec, new Date(CYCLE_START + d * 86400000))) {
            matchingDays++;
            if (previous !== undefined) {
                minDayGap = Math.min(minDayGap, d - previous);
            }
            previous = d;
        }
    }
    if (matchingDays === 0) {
        return { minutes: Infinity, never: true };
    }
    if (minDayGap !== Infinity) {
        const first = times[0];
        const last = times[times.length - 1];
        const gap = minDayGap * DAY - last + first;
        if (gap < best) {
            best = gap;
            example = [hhmm(last), hhmm(first) + (minDayGap === 1 ? " the next day" : ` ${minDayGap} days later`)];
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
            throw new CronError(`legacy schedule format "${expression}" is not understood here (only "every N minutes|hours" and "every day HH:MM"); write it as unix-cron`);
        }
        return legacy;
    }
    return cronInterval(parseCron(expression));
}

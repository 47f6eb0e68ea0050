/**
 * Protobuf Duration strings as the gcp provider takes them for Cloud Scheduler ("5s", "3.5s",
 * "3600s"). Returns the number of seconds, or undefined when the text is not such a duration.
 */
export function parseDuration(text: unknown): number | undefined {
    if (typeof text !== "string") {
        return undefined;
    }
    const m = /^(\d+)(?:\.(\d{1,9}))?s$/.exec(text.trim());
    if (!m) {
        return undefined;
    }
    return Number(m[1]) + (m[2] ? Number(`0.${m[2]}`) : 0);
}

/** "3600s" -> "1h", "90s" -> "1m30s": for messages only. */
export function humanSeconds(seconds: number): string {
    if (!Number.isFinite(seconds)) {
        return "unlimited";
    }
    const parts: string[] = [];
    let rest = seconds;
    const d = Math.floor(rest / 86400);
    rest -= d * 86400;
    const h = Math.floor(rest / 3600);
    rest -= h * 3600;
    const m = Math.floor(rest / 60);
    rest -= m * 60;
    if (d) parts.push(`${d}d`);
    if (h) parts.push(`${h}h`);
    if (m) parts.push(`${m}m`);
    if (rest || parts.length === 0) parts.push(`${Math.round(rest * 1000) / 1000}s`);
    return parts.join("");
}

import { UnknownValueError } from "./sdk";

/**
 * Reads a value that is only needed to make a message readable. During `pulumi preview` an
 * input can be unknown, and touching it through the engine's proxy throws UnknownValueError,
 * which turns the whole policy into "can't run during preview". For message-only values that
 * would be a pity, so they fall back to a placeholder instead. Values a verdict depends on must
 * NOT go through this helper: for those the SDK's behaviour is the right one.
 */
export function forMessage<T>(read: () => T, placeholder = "(known after apply)"): T | string {
    try {
        return read();
    } catch (e) {
        if (e instanceof UnknownValueError) {
            return placeholder;
        }
        throw e;
    }
}

/** A string property, or undefined when absent, null or not a string. */
export function str(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

/** True for a non-empty string after trimming. */
export function present(value: unknown): value is string {
    return typeof value === "string" && value.trim() !== "";
}

/** A plain object property (not an array), or undefined. */
export function obj(value: unknown): Record<string, any> | undefined {
    return value !== null && typeof value === "object" && !Array.isArray(value)
        ? (value as Record<string, any>)
        : undefined;
}

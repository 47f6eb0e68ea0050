import { obj, str } from "./unknown";

/** Minimal typing of gcp:cloudscheduler/job:Job inputs (provider schema names). */
export interface JobProps {
    name?: string;
    region?: string;
    project?: string;
    description?: string;
    schedule?: string;
    timeZone?: string;
    paused?: boolean;
    attemptDeadline?: string;
    retryConfig?: {
        retryCount?: number;
        maxRetryDuration?: string;
        minBackoffDuration?: string;
        maxBackoffDuration?: string;
        maxDoublings?: number;
    };
    httpTarget?: {
        uri?: string;
        httpMethod?: string;
        body?: string;
        headers?: Record<string, string>;
        oidcToken?: { serviceAccountEmail?: string; audience?: string };
        oauthToken?: { serviceAccountEmail?: string; scope?: string };
    };
    pubsubTarget?: { topicName?: string; data?: string; attributes?: Record<string, string> };
    appEngineHttpTarget?: {
        relativeUri?: string;
        httpMethod?: string;
        body?: string;
        headers?: Record<string, string>;
        appEngineRouting?: { service?: string; version?: string; instance?: string };
    };
}

/**
 * The provider's schema default for attemptDeadline. Its Check fills it into every job's inputs, Pub/Sub
 * ones included, and policies see the checked inputs (P13): on a Pub/Sub job it is the provider's, not ours.
 */
export const PROVIDER_DEFAULT_DEADLINE = "180s";

export type TargetKind = "http" | "pubsub" | "appengine";

/** The targets a job sets (exactly one is valid, R9.7). */
export function targetsOf(props: Record<string, any>): TargetKind[] {
    const kinds: TargetKind[] = [];
    if (obj(props.httpTarget)) kinds.push("http");
    if (obj(props.pubsubTarget)) kinds.push("pubsub");
    if (obj(props.appEngineHttpTarget)) kinds.push("appengine");
    return kinds;
}

export interface TokenServiceAccount {
    kind: "oidc" | "oauth";
    email: string;
}

/** The service accounts a job's HTTP target mints tokens as (OIDC and/or OAuth). */
export function tokenServiceAccounts(props: Record<string, any>): TokenServiceAccount[] {
    const http = obj(props.httpTarget);
    if (!http) {
        return [];
    }
    const out: TokenServiceAccount[] = [];
    const oidc = obj(http.oidcToken);
    const oidcEmail = oidc ? str(oidc.serviceAccountEmail) : undefined;
    if (oidcEmail) out.push({ kind: "oidc", email: oidcEmail });
    const oauth = obj(http.oauthToken);
    const oauthEmail = oauth ? str(oauth.serviceAccountEmail) : undefined;
    if (oauthEmail) out.push({ kind: "oauth", email: oauthEmail });
    return out;
}

/** The host of a URI in lower case, or undefined when the text is not an absolute URL. */
export function hostOf(uri: string): string | undefined {
    try {
        return new URL(uri).hostname.toLowerCase();
    } catch {
        return undefined;
    }
}

/** True for Google API hosts, which take OAuth access tokens (R6.6). */
export function isGoogleApisHost(host: string): boolean {
    return host === "googleapis.com" || host.endsWith(".googleapis.com");
}

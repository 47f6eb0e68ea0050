import { EnforcementLevel, Policies } from "@pulumi/policy";
import { iamNoAuthoritativeProjectPolicy } from "./policies/iam-no-authoritative-project-policy";
import { iamNoBasicRoles } from "./policies/iam-no-basic-roles";
import { iamNoProjectSaImpersonation } from "./policies/iam-no-project-sa-impersonation";
import { iamNoPublicPrincipals } from "./policies/iam-no-public-principals";
import { invokerScoped } from "./policies/invoker-scoped";
import { prodProtected } from "./policies/prod-protected";
import { pubsubTopicCmek } from "./policies/pubsub-topic-cmek";
import { pubsubTopicLabels } from "./policies/pubsub-topic-labels";
import { pubsubTopicRetention } from "./policies/pubsub-topic-retention";
import { saNoUserManagedKeys } from "./policies/sa-no-user-managed-keys";
import { schedulerExplicitTimezone } from "./policies/scheduler-explicit-timezone";
import { schedulerHttpAuth } from "./policies/scheduler-http-auth";
import { schedulerHttpsUri } from "./policies/scheduler-https-uri";
import { schedulerInvokerSa } from "./policies/scheduler-invoker-sa";
import { schedulerMinInterval } from "./policies/scheduler-min-interval";
import { schedulerNoAuthHeaders } from "./policies/scheduler-no-auth-headers";
import { schedulerOauthGoogleapisOnly } from "./policies/scheduler-oauth-googleapis-only";
import { schedulerOidcAudience } from "./policies/scheduler-oidc-audience";
import { schedulerRegionAllowlist } from "./policies/scheduler-region-allowlist";
import { schedulerReservedHeaders } from "./policies/scheduler-reserved-headers";
import { schedulerRetryBounds } from "./policies/scheduler-retry-bounds";

/** The pack's name as `pulumi preview` reports it. */
export const packName = "cqc-scheduler";

/** Level of a policy that names none (every policy here names its own). */
export const packEnforcementLevel: EnforcementLevel = "advisory";

export const packDescription =
    "Cloud Scheduler jobs, their invoker service accounts, Pub/Sub topics and IAM grants for cqc-scheduler.";

/** Every policy of the pack, in the order reports list them. */
export const policies: Policies = [
    schedulerHttpAuth,
    schedulerHttpsUri,
    schedulerOauthGoogleapisOnly,
    schedulerOidcAudience,
    schedulerExplicitTimezone,
    schedulerRetryBounds,
    schedulerMinInterval,
    schedulerNoAuthHeaders,
    schedulerReservedHeaders,
    schedulerRegionAllowlist,
    schedulerInvokerSa,
    pubsubTopicLabels,
    pubsubTopicCmek,
    pubsubTopicRetention,
    saNoUserManagedKeys,
    iamNoBasicRoles,
    iamNoPublicPrincipals,
    iamNoProjectSaImpersonation,
    iamNoAuthoritativeProjectPolicy,
    invokerScoped,
    prodProtected,
];

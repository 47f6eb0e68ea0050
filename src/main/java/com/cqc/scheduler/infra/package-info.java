/**
 * The Pulumi program: the stack's resources ({@link com.cqc.scheduler.infra.CqcScheduler}), the
 * ScheduledPipeline and FailureAlerting components, the project's APIs, Pulumi's config and secrets
 * handed to the loader as a {@link com.cqc.scheduler.config.ConfigSource}, and the resource type tokens
 * read from the gcp SDK ({@link com.cqc.scheduler.infra.ResourceTypes}).
 *
 * <p>May import config, model, schedule and the Pulumi SDK (core and gcp). Imported by offline, adopt,
 * cli and App.
 */
package com.cqc.scheduler.infra;

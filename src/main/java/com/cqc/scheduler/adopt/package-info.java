/**
 * Adoption of hand-made jobs: reads Cloud Scheduler's job JSON (gcloud or REST), translates each job into
 * a catalog entry (validated by the one loader) and an entry of a {@code pulumi import} file, appends them
 * to the catalog and the stack files, and compares the cloud's jobs with the ones a plan expects (drift).
 *
 * <p>May import offline, infra, config, model and schedule. Only cli imports it.
 */
package com.cqc.scheduler.adopt;

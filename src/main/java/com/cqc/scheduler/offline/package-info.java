/**
 * The offline plan: the real program run on Pulumi's in-process mock engine with a provider emulator that
 * answers like the gcp provider, and the plan it records (each resource's inputs and options, the next
 * fire times).
 *
 * <p>May import infra, config, model, schedule and the Pulumi SDK (its mock engine). Imported by adopt
 * and cli.
 */
package com.cqc.scheduler.offline;

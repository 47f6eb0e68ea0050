/**
 * The one loader that {@code pulumi up}, the offline commands and the tests share: reads the catalog and
 * the stack files, merges them, checks every value (all problems at once, each with its config path and
 * rule id) and builds the {@link com.cqc.scheduler.model.StackModel}. Pulumi's config reaches it through
 * {@link com.cqc.scheduler.config.ConfigSource}, which infra implements for the engine.
 *
 * <p>May import model and schedule, and no Pulumi SDK class: the loader runs and is tested without an
 * engine. Imported by infra and everything to its left.
 */
package com.cqc.scheduler.config;

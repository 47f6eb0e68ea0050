/**
 * The offline command line ({@code bin/cqc}): the commands (plan, validate, diff, next-runs, timeline,
 * check, import, drift), found by name in {@link com.cqc.scheduler.cli.Commands}, each building its options
 * in code for commons-cli (parsing and help); their renderings (the plan table and its JSON, stack diffs,
 * the timeline), exit codes and usage errors, and the comparison of a plan with a {@code pulumi stack
 * export} as the gcp provider would diff it.
 *
 * <p>May import adopt, offline, infra, config, model and schedule. Only App imports it.
 */
package com.cqc.scheduler.cli;

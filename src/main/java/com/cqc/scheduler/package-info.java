/**
 * cqc-scheduler: every Cloud Scheduler job of the CQC ML platform as a Pulumi program in Java, and the
 * offline commands that plan it without a cloud. Only {@link com.cqc.scheduler.App}, the jar's entry
 * point (the program without arguments, the CLI with them), lives here.
 *
 * <p>Dependencies flow one way: {@code cli -> adopt -> offline -> infra -> config -> model -> schedule};
 * a package may import the ones to its right and none to its left. App may import any of them, and none
 * imports App. {@code PackageDirectionTest} keeps these rules.
 */
package com.cqc.scheduler;

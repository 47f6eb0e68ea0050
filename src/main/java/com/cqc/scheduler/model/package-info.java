/**
 * A validated stack as data: records and sealed types (Pipeline, Target, Auth, Invoker, RetryPolicy,
 * StackSettings, StackModel, Problem, ...) that the loader builds and the program, the plan and the
 * commands read.
 *
 * <p>May import schedule (a pipeline holds its Schedule), and no Pulumi SDK class. Imported by config
 * and everything to its left.
 */
package com.cqc.scheduler.model;

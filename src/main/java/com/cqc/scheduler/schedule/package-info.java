/**
 * Schedules: the Cloud Scheduler cron dialect, {@code H} spreading, fire times in a time zone and
 * daylight-saving hazards (the cron maths itself is cron-utils').
 *
 * <p>Imports no other package of ours and no Pulumi SDK class: it is the end of the direction, and every
 * other package may import it.
 */
package com.cqc.scheduler.schedule;

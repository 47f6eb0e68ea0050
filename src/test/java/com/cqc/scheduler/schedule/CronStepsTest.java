package com.cqc.scheduler.schedule;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every step in every field, after {@code *} or after a range: up to the field's largest value it is a schedule
 * (after a day-of-week range, up to 6); above, it is refused by the field check with the field, the step and
 * the allowed steps (R2.4), never by the cron parser's generic message.
 */
class CronStepsTest {
    /** A field: its place in the expression, its name in messages, its values, and the largest step allowed. */
    record Field(int index, String label, int min, int max) {
        int largestStep(boolean afterRange) {
            return label.equals("day-of-week") && afterRange ? 6 : max;
        }
    }

    private static final List<Field> FIELDS = List.of(new Field(0, "minute", 0, 59), new Field(1, "hour", 0, 23),
            new Field(2, "day-of-month", 1, 31), new Field(3, "month", 1, 12), new Field(4, "day-of-week", 0, 7));

    @Provide
    Arbitrary<Field> fields() {
        return Arbitraries.of(FIELDS);
    }

    private static String cron(Field field, String item) {
        String[] parts = {"0", "0", "1", "1", "*"};
        parts[field.index()] = item;
        return String.join(" ", parts);
    }

    @Property(tries = 400)
    void aStepIsAllowedUpToItsFieldsLargestAndRefusedAboveByTheFieldCheck(@ForAll("fields") Field field,
                                                                         @ForAll @IntRange(min = 1, max = 70) int step,
                                                                         @ForAll boolean afterRange) throws CronSyntaxException {
        String item = (afterRange ? field.min() + "-" + field.max() : "*") + "/" + step;
        String text = cron(field, item);
        int largest = field.largestStep(afterRange);

        if (step <= largest) {
            assertThat(Schedule.parse(text, "p").expression()).isEqualTo(text);
        } else {
            assertThatThrownBy(() -> Schedule.parse(text, "p")).isInstanceOfSatisfying(CronSyntaxException.class, e -> {
                assertThat(e.rule()).isEqualTo("R2.4");
                assertThat(e.getMessage()).startsWith("the " + field.label() + " field '" + item + "': the step /" + step
                        + " is outside 1.." + largest).doesNotContain("not a valid cron expression");
            });
        }
    }

    @Property(tries = 100)
    void aStepOverAShortRangeFollowsTheSameLimit(@ForAll("fields") Field field, @ForAll @IntRange(min = 0, max = 2) int from,
                                                 @ForAll @IntRange(min = 1, max = 3) int over) {
        int largest = field.largestStep(true);
        String item = (field.min() + from) + "-" + (field.min() + from + 1) + "/" + (largest + over);

        assertThatThrownBy(() -> Schedule.parse(cron(field, item), "p")).isInstanceOfSatisfying(CronSyntaxException.class,
                e -> assertThat(e.getMessage()).startsWith("the " + field.label() + " field '" + item + "': the step /"
                        + (largest + over) + " is outside 1.." + largest));
    }
}

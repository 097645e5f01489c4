package org.opencce.domain.community;

import java.util.Objects;
import org.opencce.domain.units.Percent;

/**
 * How much renewable (Class I) content a product promises, as Massachusetts aggregations state it:
 * the state minimum, the minimum plus some percentage points, or an absolute percentage of load.
 */
public sealed interface GreenContent {

    /** The percentage this rule means in a year whose Class I minimum (225 CMR 14) is {@code stateMinimum}. */
    Percent percentGiven(Percent stateMinimum);

    /** How people read the rule: "state minimum", "minimum + 20 points", "100 %". */
    String describe();

    /** Just the RPS Class I minimum every supplier must meet. */
    record StateMinimum() implements GreenContent {
        @Override
        public Percent percentGiven(Percent stateMinimum) {
            return stateMinimum;
        }

        @Override
        public String describe() {
            return "state minimum";
        }
    }

    /** The minimum plus {@code points} percentage points of extra Class I RECs. */
    record MinimumPlus(double points) implements GreenContent {
        public MinimumPlus {
            if (!(points > 0) || points > 1000) {
                throw new IllegalArgumentException("extra Class I points must be positive, was " + points);
            }
        }

        @Override
        public Percent percentGiven(Percent stateMinimum) {
            return stateMinimum.plus(Percent.of(points));
        }

        @Override
        public String describe() {
            return "state minimum + " + trim(points) + " points";
        }
    }

    /** A fixed share of load, which can exceed 100 %. */
    record Absolute(Percent percent) implements GreenContent {
        public Absolute {
            Objects.requireNonNull(percent, "percent");
            if (percent.value() < 0) {
                throw new IllegalArgumentException("renewable content must not be negative, was " + percent);
            }
        }

        @Override
        public Percent percentGiven(Percent stateMinimum) {
            return percent;
        }

        @Override
        public String describe() {
            return trim(percent.value()) + " %";
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

package org.opencce.domain.community.synthetic;

import java.util.List;

/**
 * The pseudo-random generator every synthetic demo value is drawn from: SplitMix64 (Steele, Lea &amp;
 * Flood 2014, "Fast Splittable Pseudorandom Number Generators", OOPSLA), written out here rather than
 * taken from {@link java.util.SplittableRandom} because the JDK does not promise that class's sequence
 * across versions, while a demo regenerated from the same {@code --seed} must be the same community.
 *
 * <p>The sequence is a pure function of the seed (and, for {@link #of(long, long)}, of the stream key),
 * so a value can be regenerated alone: the usage of account 4711 is drawn from stream 4711 and does
 * not depend on any other account or on thread scheduling. Transcendental functions use
 * {@link StrictMath}, so results are bit-identical on every platform.
 *
 * <p>Not thread-safe: each thread (each account) takes its own instance, which is cheap.
 */
public final class SeededRandom {
    /** The odd "golden gamma" increment, 2^64 / φ, of the SplitMix64 paper. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    /** A generator whose sequence is fixed by {@code seed}. */
    public SeededRandom(long seed) {
        this.state = mix64(seed);
    }

    /**
     * An independent stream of {@code seed}, named by {@code stream} (an account id, a town's index):
     * streams of the same seed do not overlap in practice, and a stream is the same whatever other
     * streams were drawn before it.
     */
    public static SeededRandom of(long seed, long stream) {
        return new SeededRandom(mix64(seed) ^ mix64(stream * GOLDEN_GAMMA + 0x632BE59BD9B4E019L));
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform in {@code [0, 1)}, with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in {@code [low, high)}. */
    public double nextDouble(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** Uniform in {@code [0, bound)}; {@code bound} must be positive. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        // 31 random bits; redraw when they fall in the incomplete last block of size bound, which
        // would otherwise favour small values (the overflow test finds that block).
        int bits;
        int value;
        do {
            bits = (int) (nextLong() >>> 33);
            value = bits % bound;
        } while (bits - value + (bound - 1) < 0);
        return value;
    }

    /** Uniform in {@code [low, high]}, both inclusive. */
    public int nextIntBetween(int low, int high) {
        if (high < low) {
            throw new IllegalArgumentException("empty range [" + low + ", " + high + "]");
        }
        return low + nextInt(high - low + 1);
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Standard normal, by Marsaglia's polar method. */
    public double nextGaussian() {
        while (true) {
            double u = 2 * nextDouble() - 1;
            double v = 2 * nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
            }
        }
    }

    /**
     * A lognormal factor with mean exactly 1 and log-standard-deviation {@code sigma}: a spread of
     * sizes that leaves the average unchanged, as calibration targets are averages.
     */
    public double nextLognormalFactor(double sigma) {
        return StrictMath.exp(sigma * nextGaussian() - sigma * sigma / 2);
    }

    /** One element of a non-empty list, uniformly. */
    public <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** The SplitMix64 output function (variant 13 of Stafford's MurmurHash3 finalizer mixes). */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

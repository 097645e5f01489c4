package org.opencce.formats.customerlist;

import java.util.Arrays;
import org.opencce.domain.community.Utility;

/**
 * The (utility, account number) pairs a customer list has accepted so far, each with the line of its
 * row, for the duplicate check. Built for lists of millions of rows: the keys are kept as bytes in one
 * growing array and found through an open-addressing table of ints, about 25 bytes per account instead
 * of the 100 or more a {@code HashMap<String, Long>} needs. Exact: equal keys are compared byte by byte,
 * never by hash alone. Account numbers are ASCII (letters, digits, dashes), so one byte per character.
 * Not thread-safe.
 */
final class AccountKeys {
    private byte[] bytes = new byte[1 << 16];
    private int bytesUsed;
    /** Per entry: where its key starts in {@link #bytes}, how long it is, its line. */
    private int[] starts = new int[1 << 10];
    private byte[] lengths = new byte[1 << 10];
    private long[] lines = new long[1 << 10];
    private int size;
    /** Entry index + 1 per slot, 0 for an empty slot; the length is a power of two. */
    private int[] slots = new int[1 << 11];

    /**
     * Adds the key with its line, or leaves the set as it was when the key is already in it.
     *
     * @param number the account number in upper case, 1 to 127 ASCII characters
     * @return the line of the row that added the key first, or -1 if the key is new
     */
    long putIfAbsent(Utility utility, String number, long line) {
        int length = number.length() + 1;
        if (length > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("account number of " + number.length() + " characters is too long");
        }
        ensureBytes(length);
        int start = bytesUsed;
        bytes[start] = (byte) utility.ordinal();
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c > 0x7F) {
                throw new IllegalArgumentException("account number '" + number + "' is not ASCII");
            }
            bytes[start + i + 1] = (byte) c;
        }
        int mask = slots.length - 1;
        int slot = hash(start, length) & mask;
        while (slots[slot] != 0) {
            int entry = slots[slot] - 1;
            if (lengths[entry] == length && Arrays.equals(bytes, starts[entry], starts[entry] + length, bytes, start,
                    start + length)) {
                return lines[entry];
            }
            slot = (slot + 1) & mask;
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
            lines = Arrays.copyOf(lines, size * 2);
        }
        starts[size] = start;
        lengths[size] = (byte) length;
        lines[size] = line;
        size++;
        bytesUsed += length;
        slots[slot] = size;
        // Keep the table at most half full, so probe sequences stay short.
        if (size * 2 > slots.length) {
            rehash();
        }
        return -1;
    }

    int size() {
        return size;
    }

    private void ensureBytes(int length) {
        if (bytesUsed + length > bytes.length) {
            if (bytes.length > Integer.MAX_VALUE / 2 - 8) {
                throw new IllegalStateException("more account numbers than the duplicate check can hold");
            }
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = hash(starts[entry], lengths[entry]) & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = entry + 1;
        }
        slots = bigger;
    }

    /** FNV-1a over the key's bytes, then mixed (MurmurHash3's finalizer) so the low bits spread well. */
    private int hash(int start, int length) {
        int h = 0x811C9DC5;
        for (int i = start; i < start + length; i++) {
            h = (h ^ (bytes[i] & 0xFF)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}

package dev.sloscout.engine.trace;

/** An open-addressing set of longs without boxing; zero is stored out of band. */
final class LongHashSet {
    private long[] table;
    private int size;
    private boolean hasZero;

    LongHashSet(int expected) {
        table = new long[Math.max(4, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) << 1)];
    }

    /** Adds the value; false when it was present already. */
    boolean add(long value) {
        if (value == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 4L > table.length * 3L) {
            grow();
        }
        if (insert(table, value)) {
            size++;
            return true;
        }
        return false;
    }

    boolean contains(long value) {
        if (value == 0) {
            return hasZero;
        }
        int mask = table.length - 1;
        for (int i = slot(value, mask); ; i = (i + 1) & mask) {
            long current = table[i];
            if (current == value) {
                return true;
            }
            if (current == 0) {
                return false;
            }
        }
    }

    /** How many members. */
    int size() {
        return size + (hasZero ? 1 : 0);
    }

    /** Copies the members, in no particular order, into {@code dest} from {@code at} on ({@link #size()} of them). */
    void copyTo(long[] dest, int at) {
        int n = at;
        for (long v : table) {
            if (v != 0) {
                dest[n++] = v;
            }
        }
        if (hasZero) {
            dest[n] = 0;
        }
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        for (int i = slot(value, mask); ; i = (i + 1) & mask) {
            long current = table[i];
            if (current == value) {
                return false;
            }
            if (current == 0) {
                table[i] = value;
                return true;
            }
        }
    }

    private static int slot(long value, int mask) {
        return (int) (value ^ (value >>> 32)) * 0x9E3779B9 >>> 1 & mask;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long v : table) {
            if (v != 0) {
                insert(bigger, v);
            }
        }
        table = bigger;
    }
}

package org.dicomcatalog.dicom;

/**
 * A fixed-size open-addressing map from int to value. HashMap&lt;Integer, V&gt; would box the tag on every
 * lookup; this one does not allocate on get, which matters at one lookup per data element. Built once,
 * then only read, so it is safe to share between threads after safe publication.
 */
final class IntMap<V> {
    private final int[] keys;
    /** A null value marks a free slot, so every int, including 0, can be a key. */
    private final Object[] values;
    private final int shift;
    private int size;

    /** A map that holds up to {@code capacity} keys with the table at most half full. */
    IntMap(int capacity) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(2, capacity * 2 - 1));
        keys = new int[1 << bits];
        values = new Object[1 << bits];
        shift = 32 - bits;
    }

    /** Fibonacci hashing spreads tags, whose low bits are often equal (e.g. element 0x0010). */
    private int slot(int key) {
        return (key * 0x9E3779B9) >>> shift;
    }

    /** Adds the key unless present; returns false when it was already there (the first value wins). */
    boolean putIfAbsent(int key, V value) {
        int mask = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            if (values[i] == null) {
                if (size * 2 >= keys.length) {
                    throw new IllegalStateException("IntMap is full: " + size + " keys");
                }
                keys[i] = key;
                values[i] = value;
                size++;
                return true;
            }
            if (keys[i] == key) {
                return false;
            }
        }
    }

    @SuppressWarnings("unchecked")
    V get(int key) {
        int mask = keys.length - 1;
        for (int i = slot(key); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return (V) values[i];
            }
        }
        return null;
    }

    int size() {
        return size;
    }
}

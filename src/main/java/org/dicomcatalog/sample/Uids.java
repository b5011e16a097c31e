package org.dicomcatalog.sample;

import java.math.BigInteger;
import java.util.SplittableRandom;

/** Deterministic UIDs under the 2.25 root (PS3.5 B.2): a 128-bit number drawn from the seeded generator. */
final class Uids {
    private Uids() {
    }

    static String next(SplittableRandom rng) {
        byte[] b = new byte[16];
        rng.nextBytes(b);
        b[0] &= 0x7F; // no leading zero digit, never negative
        b[0] |= 0x10;
        return "2.25." + new BigInteger(1, b);
    }
}

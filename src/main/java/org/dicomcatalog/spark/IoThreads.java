package org.dicomcatalog.spark;

import java.io.Serializable;

/**
 * How many files a task reads at once: always {@code max} (a fixed setting), or one at a time until the
 * files turn out to wait on storage and then up to {@code max} ({@code adaptive}), see HeaderFetcher.
 */
record IoThreads(int max, boolean adaptive) implements Serializable {

    static IoThreads fixed(int threads) {
        return new IoThreads(threads, false);
    }

    static IoThreads upTo(int threads) {
        return new IoThreads(threads, true);
    }
}

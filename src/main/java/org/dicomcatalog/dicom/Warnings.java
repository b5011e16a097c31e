package org.dicomcatalog.dicom;

import java.util.ArrayList;
import java.util.List;

/** Warnings for one file, capped: a garbage file must not turn into megabytes of messages. */
final class Warnings {
    private static final int MAX = 50;

    private final List<String> messages = new ArrayList<>();
    private int dropped;

    void add(String message) {
        if (messages.size() < MAX) {
            messages.add(message);
        } else {
            dropped++;
        }
    }

    List<String> toList() {
        if (dropped == 0) {
            return messages;
        }
        List<String> all = new ArrayList<>(messages);
        all.add(dropped + " more warnings");
        return all;
    }
}

package org.dicomcatalog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.dicomcatalog.catalog.LockHeldException;
import org.junit.jupiter.api.Test;

/** Schedulers tell "another run holds the lock" (3) from a failure (an exception: 1) and success (0). */
class MainExitStatusTest {
    @Test
    void aHeldLockIsStatusThree() throws Exception {
        assertEquals(3, Main.exitOnLockHeld(() -> {
            throw new LockHeldException("catalog /c is locked by another build or refresh");
        }));
    }

    @Test
    void theCommandsOwnStatusPassesThrough() throws Exception {
        assertEquals(0, Main.exitOnLockHeld(() -> 0));
        assertEquals(2, Main.exitOnLockHeld(() -> 2));
    }

    @Test
    void otherFailuresPropagate() {
        assertThrows(IOException.class, () -> Main.exitOnLockHeld(() -> {
            throw new IOException("disk full");
        }));
    }
}

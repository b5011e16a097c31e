package org.dicomcatalog.catalog;

import java.io.IOException;

/** Another build or refresh holds the catalog's {@link RefreshLock}; the message names it. */
public final class LockHeldException extends IOException {
    public LockHeldException(String message) {
        super(message);
    }
}

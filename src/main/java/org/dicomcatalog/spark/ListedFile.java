package org.dicomcatalog.spark;

import java.io.Serializable;

/** A file as the listing saw it; executors open it with this length, without asking the store again. */
record ListedFile(String path, long length, long modificationTime) implements Serializable {
}

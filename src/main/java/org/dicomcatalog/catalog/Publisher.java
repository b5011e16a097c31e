package org.dicomcatalog.catalog;

import java.io.IOException;

/** The last step of a build: makes a fully written snapshot current. A seam so tests can crash just before it. */
interface Publisher {
    void publish(Snapshots snapshots, String id) throws IOException;
}

package org.dicomcatalog.catalog;

import java.net.URI;

import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under a scheme of a test's own (registered by fs.SCHEME.impl): the base of the test
 * doubles that change one behaviour of a real file system while the catalog code goes through Hadoop's calls.
 */
abstract class LocalUnderScheme extends RawLocalFileSystem {
    /** Called from RawLocalFileSystem's constructor already, so it may not read instance fields. */
    abstract String scheme();

    @Override
    public String getScheme() {
        return scheme();
    }

    @Override
    public URI getUri() {
        return URI.create(scheme() + ":///");
    }
}

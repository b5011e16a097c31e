package org.dicomcatalog.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;

/**
 * {@link FlakyFileSystem} for FileContext, which {@link Snapshots#publish} uses off the local file system
 * (fs.AbstractFileSystem.flaky.impl). Publishing runs on the driver, where nothing is injected, so the
 * inherited rename (delete the target, then rename) is enough here; {@link BlockingFs} shows the atomic one.
 */
public final class FlakyFs extends DelegateToFileSystem {
    public FlakyFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
        super(uri, new FlakyFileSystem(), conf, FlakyFileSystem.SCHEME, false);
    }
}

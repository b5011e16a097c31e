package org.dicomcatalog.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@link BlockingFileSystem} for FileContext, which {@link Snapshots#publish} uses off the local file system
 * (fs.AbstractFileSystem.blockfs.impl).
 */
public final class BlockingFs extends DelegateToFileSystem {
    public BlockingFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
        super(uri, new BlockingFileSystem(), conf, BlockingFileSystem.SCHEME, false);
    }

    /**
     * One rename(2), which replaces the target atomically, as HDFS does for Rename.OVERWRITE; the inherited
     * default deletes the target first, which no real publishing file system does.
     */
    @Override
    public void renameInternal(Path src, Path dst, boolean overwrite) throws IOException {
        checkPath(src);
        checkPath(dst);
        if (!fsImpl.rename(src, dst)) {
            throw new IOException("rename failed: " + src + " -> " + dst);
        }
    }
}

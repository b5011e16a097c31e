package org.dicomcatalog.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Lists the files once and packs them into partitions of so many files. By count, not bytes:
 * reading a header costs about the same whether the pixel data behind it is 100 KB or 1 GB.
 */
final class DicomBatch implements Batch {
    private final SparkSession session;
    private final Configuration conf;
    private final DicomOptions options;
    private final ReadPlan plan;
    private final Listener listener;
    private InputPartition[] partitions;
    private PartitionReaderFactory readerFactory;

    /** Told how many files the listing found and how long it took. */
    interface Listener {
        void listed(int files, long millis);
    }

    DicomBatch(SparkSession session, DicomOptions options, ReadPlan plan, Listener listener) {
        this.session = session;
        this.listener = listener;
        this.options = options;
        this.plan = plan;
        this.conf = hadoopConf(session, options);
    }

    /** The session's Hadoop configuration plus this read's options. */
    static Configuration hadoopConf(SparkSession session, DicomOptions options) {
        Configuration conf = session.sessionState().newHadoopConf();
        // as Spark's file sources do: options such as fs.s3a.* reach the file system of this read only
        options.asMap().forEach((key, value) -> {
            if (value != null && !key.equals("path") && !key.equals("paths")) {
                conf.set(key, value);
            }
        });
        return conf;
    }

    static ZoneId sessionZone(SparkSession session) {
        return ZoneId.of(session.conf().get("spark.sql.session.timeZone"));
    }

    @Override
    public InputPartition[] planInputPartitions() {
        if (partitions == null) {
            long start = System.nanoTime();
            List<ListedFile> files = listFiles();
            listener.listed(files.size(), (System.nanoTime() - start) / 1_000_000);
            partitions = pack(files, options.filesPerPartition(files.size(),
                    session.sparkContext().defaultParallelism()));
        }
        return partitions;
    }

    /**
     * One factory per batch: Spark asks once per copy of the physical plan, and each factory would
     * broadcast the Hadoop configuration (about a thousand entries) again.
     */
    @Override
    public synchronized PartitionReaderFactory createReaderFactory() {
        if (readerFactory == null) {
            readerFactory = new DicomReaderFactory(session.sparkContext().broadcast(
                    new SerializableConfiguration(conf),
                    scala.reflect.ClassTag$.MODULE$.apply(SerializableConfiguration.class)), plan,
                    options.ioThreads(scheme(planInputPartitions())));
        }
        return readerFactory;
    }

    /** The scheme of the first listed file (null when none or relative): the store the read goes to. */
    private static String scheme(InputPartition[] partitions) {
        return partitions.length == 0 ? null
                : new Path(((DicomInputPartition) partitions[0]).firstPath()).toUri().getScheme();
    }

    private List<ListedFile> listFiles() {
        ZoneId zone = sessionZone(session);
        try {
            if (options.fileList() != null) {
                return DicomFileList.read(new Path(options.fileList()), conf);
            }
            return new DicomLister(conf, options, zone).list(options.paths());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputPartition[] pack(List<ListedFile> files, int filesPerPartition) {
        InputPartition[] packed = new InputPartition[(files.size() + filesPerPartition - 1) / filesPerPartition];
        for (int i = 0; i < packed.length; i++) {
            int from = i * filesPerPartition;
            packed[i] = new DicomInputPartition(
                    List.copyOf(files.subList(from, Math.min(files.size(), from + filesPerPartition))));
        }
        return packed;
    }
}
